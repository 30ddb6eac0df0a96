import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  currentUpdateInfo,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { LawGateActivities } from '../activities';
import {
  DOCUMENT_KINDS,
  DOCUMENT_MEDIA_TYPES,
  isSha256,
  type DocumentKind,
  type DocumentVersionRef,
} from '../libs/domain/src/documents';
import { ErrorCode } from '../libs/domain/src/errors';
import { Role, OrgUnitKind } from '../libs/domain/src/roles';
import { DepartmentAttr, DueTimeAttr, ProcedureTypeAttr, StageAttr } from '../libs/domain/src/search-attributes';
import {
  NORMATIVE_DOCUMENT,
  NORMATIVE_DOCUMENT_STAGE_BASIS,
  NormativeDocumentStage,
  awaitSettledUpdate,
  decideProjectApprovalUpdate,
  getProcedureStateQuery,
  giveAdviserOpinionUpdate,
  requestAdviserOpinionUpdate,
  submitDocumentVersionUpdate,
  withdrawProcedureUpdate,
  type DecideProjectApprovalArgs,
  type NormativeDocumentInput,
  type ProcedureSnapshot,
  type ProcedureStatus,
  type GiveAdviserOpinionArgs,
  type GivenOpinion,
  type PendingOpinion,
  type RequestAdviserOpinionArgs,
  type SubmitDocumentVersionArgs,
  type WithdrawProcedureArgs,
} from '../libs/domain/src/procedures/normative-document.contract';

const acts = proxyActivities<LawGateActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/**
 * Sign-offs run as local activities (in the worker, no extra round trip through the server): a person waits for the
 * answer. They are short, idempotent database transactions, which is what local activities are for.
 */
const local = proxyLocalActivities<LawGateActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** Records a sign-off; procedures started before this change keep recording through a regular activity. */
function recordSignOff(
  ...args: Parameters<LawGateActivities['recordDecision']>
): ReturnType<LawGateActivities['recordDecision']> {
  return patched('sign-off-local-activity') ? local.recordDecision(...args) : acts.recordDecision(...args);
}

const TERMINAL: ReadonlySet<NormativeDocumentStage> = new Set([
  NormativeDocumentStage.Rejected,
  NormativeDocumentStage.Withdrawn,
]);

/** Why an adviser-opinion task exists (regulations.md §4.4; the national opinion was read only in summaries). */
const ADVISER_OPINION_BASIS = {
  regulation: '中办发〔2016〕30号《关于推行法律顾问制度和公职律师公司律师制度的意见》',
  article: '法律顾问参与规范性文件草案的起草、论证',
  verified: false,
};

/** Stages in which the drafting unit may add document versions. */
const DOCUMENT_STAGES: ReadonlySet<NormativeDocumentStage> = new Set([NormativeDocumentStage.Drafting]);

function refuse(code: ErrorCode, message: string): never {
  throw ApplicationFailure.create({ type: code, message, nonRetryable: true });
}

/**
 * An administrative normative document (行政规范性文件) from project application onwards.
 *
 * Stages so far: PROJECT_APPROVAL (立项: a task for the legal-affairs office, decided through the
 * `decideProjectApproval` update) → DRAFTING, or → REJECTED. The drafting unit may withdraw while the procedure runs
 * (`withdrawProcedure`). `awaitSettled` resolves once the first task is open; `getProcedureState` gives live state.
 *
 * Failure modes: update validators refuse actions the stage does not allow (error types from `ErrorCode`, nothing
 * written to history); activity business failures are non-retryable and fail the update that caused them.
 */
export async function normativeDocumentWorkflow(input: NormativeDocumentInput): Promise<ProcedureSnapshot> {
  const { workflowId } = workflowInfo();
  const state = {
    stage: NormativeDocumentStage.ProjectApproval,
    status: 'ACTIVE' as ProcedureStatus,
    openTaskId: null as string | null,
    dueAt: null as string | null,
    settled: false,
    /** A person's action is being recorded; a second one waits for the first to land. */
    busy: false,
    documents: {} as Partial<Record<DocumentKind, DocumentVersionRef>>,
    overdue: false,
    pendingOpinion: null as PendingOpinion | null,
    opinions: [] as GivenOpinion[],
  };

  const snapshot = (): ProcedureSnapshot => ({
    procedureId: input.procedureId,
    workflowId,
    stage: state.stage,
    status: state.status,
    openTaskId: state.openTaskId,
    dueAt: state.dueAt,
    documents: { ...state.documents },
    overdue: state.overdue,
    pendingOpinion: state.pendingOpinion,
    opinions: [...state.opinions],
  });

  setHandler(getProcedureStateQuery, snapshot);

  setHandler(awaitSettledUpdate, async () => {
    await condition(() => state.settled && !state.busy);
    return snapshot();
  });

  setHandler(
    decideProjectApprovalUpdate,
    async (args: DecideProjectApprovalArgs) => {
      state.busy = true;
      try {
        const approved = args.decision === 'APPROVED';
        const nextStage = approved ? NormativeDocumentStage.Drafting : NormativeDocumentStage.Rejected;
        const nextStatus: ProcedureStatus = approved ? 'ACTIVE' : 'REJECTED';
        await recordSignOff({
          procedureId: input.procedureId,
          workflowId,
          taskId: args.taskId,
          stage: NormativeDocumentStage.ProjectApproval,
          decision: args.decision,
          opinion: args.opinion,
          actor: args.actor,
          actorRole: Role.LegalAffairsOfficer,
          documentSha256: null,
          idempotencyKey: currentUpdateInfo()?.id ?? `${workflowId}:${args.taskId}`,
          nextStage,
          nextStatus,
        });
        moveTo(nextStage, nextStatus);
        return snapshot();
      } finally {
        state.busy = false;
      }
    },
    {
      validator: (args: DecideProjectApprovalArgs) => {
        if (!args.actor.roles.includes(Role.LegalAffairsOfficer)) {
          refuse(ErrorCode.Forbidden, 'Only an officer of the legal-affairs office can decide a project application.');
        }
        if (state.stage !== NormativeDocumentStage.ProjectApproval) {
          refuse(
            ErrorCode.WrongStage,
            `The procedure is in stage ${state.stage}; the project application can only be decided in stage ${NormativeDocumentStage.ProjectApproval}.`,
          );
        }
        if (state.busy) refuse(ErrorCode.TaskClosed, 'A decision on this task is being recorded already.');
        if (args.taskId !== state.openTaskId) {
          refuse(ErrorCode.TaskClosed, `Task ${args.taskId} is not the open project-approval task of this procedure.`);
        }
        if (args.decision === 'REJECTED' && args.opinion.trim().length === 0) {
          refuse(ErrorCode.RuleViolation, 'A rejection needs a written opinion giving the reasons.');
        }
      },
    },
  );

  setHandler(
    withdrawProcedureUpdate,
    async (args: WithdrawProcedureArgs) => {
      state.busy = true;
      try {
        await acts.endProcedure({
          procedureId: input.procedureId,
          workflowId,
          stage: NormativeDocumentStage.Withdrawn,
          status: 'WITHDRAWN',
          actor: args.actor,
          action: 'procedure.withdrawn',
          reason: args.reason,
          idempotencyKey: currentUpdateInfo()?.id ?? `${workflowId}:withdraw`,
        });
        moveTo(NormativeDocumentStage.Withdrawn, 'WITHDRAWN');
        return snapshot();
      } finally {
        state.busy = false;
      }
    },
    {
      validator: (args: WithdrawProcedureArgs) => {
        if (!args.actor.roles.includes(Role.Drafter) || args.actor.unitId !== input.departmentId) {
          refuse(ErrorCode.Forbidden, 'Only a drafter of the drafting department can withdraw its procedure.');
        }
        if (TERMINAL.has(state.stage)) {
          refuse(ErrorCode.WrongStage, `The procedure has already ended (${state.stage}).`);
        }
        if (state.busy) refuse(ErrorCode.WrongStage, 'Another action on this procedure is being recorded; try again.');
        if (args.reason.trim().length === 0) refuse(ErrorCode.RuleViolation, 'A withdrawal needs a reason.');
      },
    },
  );

  setHandler(
    submitDocumentVersionUpdate,
    async (args: SubmitDocumentVersionArgs) => {
      state.busy = true;
      try {
        state.documents[args.kind] = await acts.recordDocumentVersion({
          procedureId: input.procedureId,
          workflowId,
          stage: state.stage,
          kind: args.kind,
          sha256: args.sha256,
          size: args.size,
          mediaType: args.mediaType,
          filename: args.filename,
          note: args.note,
          actor: args.actor,
          idempotencyKey: currentUpdateInfo()?.id ?? `${workflowId}:${args.kind}:${args.sha256}`,
        });
        return snapshot();
      } finally {
        state.busy = false;
      }
    },
    {
      validator: (args: SubmitDocumentVersionArgs) => {
        if (!args.actor.roles.includes(Role.Drafter) || args.actor.unitId !== input.departmentId) {
          refuse(ErrorCode.Forbidden, 'Only a drafter of the drafting department can add document versions.');
        }
        if (!DOCUMENT_STAGES.has(state.stage)) {
          refuse(
            ErrorCode.WrongStage,
            `Documents can be added while drafting; the procedure is in stage ${state.stage}.`,
          );
        }
        if (state.busy) refuse(ErrorCode.WrongStage, 'Another action on this procedure is being recorded; try again.');
        if (!DOCUMENT_KINDS.includes(args.kind)) refuse(ErrorCode.RuleViolation, `Unknown document kind ${args.kind}.`);
        if (!isSha256(args.sha256)) refuse(ErrorCode.RuleViolation, 'The content hash is not a SHA-256.');
        if (!DOCUMENT_MEDIA_TYPES[args.mediaType]) {
          refuse(ErrorCode.RuleViolation, `Unsupported type ${args.mediaType}.`);
        }
        const current = state.documents[args.kind];
        if (current?.sha256 === args.sha256) {
          refuse(ErrorCode.RuleViolation, `This file is identical to version ${current.version}; nothing to add.`);
        }
      },
    },
  );

  setHandler(
    requestAdviserOpinionUpdate,
    async (args: RequestAdviserOpinionArgs) => {
      state.busy = true;
      try {
        const draft = state.documents.DRAFT!;
        const round = state.opinions.length + 1;
        const task = await acts.routeTask({
          procedureId: input.procedureId,
          workflowId,
          stage: state.stage,
          round,
          kind: 'ADVISER_OPINION',
          title: `法律顾问意见：${input.title}（草案第${draft.version}稿）`,
          legalBasis: ADVISER_OPINION_BASIS,
          period: input.policy.adviserOpinionPeriod ?? { amount: 5, unit: 'WORKING_DAYS' },
          departmentId: input.departmentId,
          drafterIds: [...new Set([input.applicant.userId, args.actor.userId])],
          expertise: args.expertise,
          subjectVersionId: draft.versionId,
        });
        state.pendingOpinion = { taskId: task.taskId, round, requestedOn: draft };
        if (task.dueAt) {
          // Runs beside the rest of the procedure until the opinion is given.
          void watchDeadline(
            task.taskId,
            Date.parse(task.dueAt),
            input.policy.reminderLeadSeconds ?? 24 * 3600,
            () => state.pendingOpinion?.taskId === task.taskId,
            () => undefined,
          );
        }
        return snapshot();
      } finally {
        state.busy = false;
      }
    },
    {
      validator: (args: RequestAdviserOpinionArgs) => {
        if (!args.actor.roles.includes(Role.Drafter) || args.actor.unitId !== input.departmentId) {
          refuse(ErrorCode.Forbidden, 'Only a drafter of the drafting department can ask for an adviser opinion.');
        }
        if (state.stage !== NormativeDocumentStage.Drafting) {
          refuse(
            ErrorCode.WrongStage,
            `Adviser opinions are asked while drafting; the procedure is in stage ${state.stage}.`,
          );
        }
        if (!state.documents.DRAFT) {
          refuse(ErrorCode.RuleViolation, 'Upload the draft before asking for an opinion on it.');
        }
        if (state.pendingOpinion) {
          refuse(ErrorCode.WrongStage, 'An adviser opinion was asked already and is not given yet.');
        }
        if (state.busy) refuse(ErrorCode.WrongStage, 'Another action on this procedure is being recorded; try again.');
        if (args.question.trim().length === 0) refuse(ErrorCode.RuleViolation, 'Say what the adviser should look at.');
      },
    },
  );

  setHandler(
    giveAdviserOpinionUpdate,
    async (args: GiveAdviserOpinionArgs) => {
      state.busy = true;
      try {
        const pending = state.pendingOpinion!;
        const draft = state.documents.DRAFT!;
        await recordSignOff({
          procedureId: input.procedureId,
          workflowId,
          taskId: args.taskId,
          stage: state.stage,
          decision: args.conclusion,
          opinion: args.countersignsDraftOf
            ? `${args.reasons}\n（会签：本意见由 ${args.countersignsDraftOf} 起草，经本人审核签署）`
            : args.reasons,
          actor: args.actor,
          actorRole: Role.LegalAdviser,
          documentSha256: args.reviewedSha256,
          idempotencyKey: currentUpdateInfo()?.id ?? `${workflowId}:opinion:${pending.round}`,
          nextStage: state.stage,
          nextStatus: state.status,
        });
        state.opinions.push({
          round: pending.round,
          taskId: args.taskId,
          conclusion: args.conclusion,
          version: draft.version,
          sha256: draft.sha256,
          adviserId: args.actor.userId,
        });
        state.pendingOpinion = null;
        return snapshot();
      } finally {
        state.busy = false;
      }
    },
    {
      validator: (args: GiveAdviserOpinionArgs) => {
        if (!args.actor.roles.includes(Role.LegalAdviser)) {
          refuse(ErrorCode.Forbidden, 'Only a legal adviser can sign an adviser opinion.');
        }
        if (args.actor.unitId === input.departmentId || args.actor.userId === input.applicant.userId) {
          refuse(ErrorCode.Forbidden, 'The drafting side cannot give the opinion on its own draft (recusal).');
        }
        if (!state.pendingOpinion || state.pendingOpinion.taskId !== args.taskId) {
          refuse(ErrorCode.TaskClosed, `Task ${args.taskId} is not an open adviser-opinion task of this procedure.`);
        }
        if (state.busy) refuse(ErrorCode.WrongStage, 'Another action on this procedure is being recorded; try again.');
        const current = state.documents.DRAFT!;
        if (args.reviewedSha256 !== current.sha256) {
          refuse(
            ErrorCode.StaleVersion,
            `The draft has changed: version ${current.version} (SHA-256 ${current.sha256.slice(0, 12)}…) is current. ` +
              'Read the current version and sign again.',
          );
        }
        if (args.conclusion !== 'LAWFUL' && args.reasons.trim().length === 0) {
          refuse(
            ErrorCode.RuleViolation,
            'An opinion that the draft is unlawful or must be amended needs the reasons.',
          );
        }
      },
    },
  );

  /**
   * Durable timers on an open task: remind its holder `leadSeconds` before the due time, escalate once it is
   * overdue. Returns as soon as the task is closed. Timers live in Temporal, so they survive worker restarts.
   */
  async function watchDeadline(
    taskId: string,
    dueMs: number,
    leadSeconds: number,
    isOpen: () => boolean,
    onOverdue: () => void,
  ): Promise<void> {
    const closed = () => !isOpen();
    const remindAt = dueMs - leadSeconds * 1000;
    if (remindAt > Date.now() && (await condition(closed, remindAt - Date.now()))) return;
    if (closed()) return;
    await acts.remindTask({ taskId });
    if (dueMs > Date.now() && (await condition(closed, dueMs - Date.now()))) return;
    if (closed()) return;
    await acts.escalateOverdueTask({ taskId });
    if (!closed()) onOverdue();
  }

  function moveTo(stage: NormativeDocumentStage, status: ProcedureStatus): void {
    state.stage = stage;
    state.status = status;
    state.openTaskId = null;
    state.dueAt = null;
    state.overdue = false;
    upsertSearchAttributes([
      { key: StageAttr, value: stage },
      { key: DueTimeAttr, value: null },
    ]);
  }

  upsertSearchAttributes([
    { key: ProcedureTypeAttr, value: NORMATIVE_DOCUMENT },
    { key: StageAttr, value: state.stage },
    { key: DepartmentAttr, value: input.departmentCode },
  ]);

  await acts.registerProcedure({
    procedureId: input.procedureId,
    workflowId,
    type: NORMATIVE_DOCUMENT,
    projectCode: input.projectCode,
    title: input.title,
    departmentId: input.departmentId,
    initiator: input.applicant,
    stage: state.stage,
    policyVersion: input.policy.version,
    details: { application: input.application, policy: input.policy },
  });

  const basis = NORMATIVE_DOCUMENT_STAGE_BASIS[NormativeDocumentStage.ProjectApproval];
  const task = await acts.openTask({
    procedureId: input.procedureId,
    workflowId,
    stage: NormativeDocumentStage.ProjectApproval,
    round: 1,
    kind: 'PROJECT_APPROVAL',
    title: `立项审批：${input.title}`,
    legalBasis: basis,
    assignTo: { unitKind: OrgUnitKind.LegalAffairsOffice },
    period: input.policy.projectApprovalPeriod,
  });
  state.openTaskId = task.taskId;
  state.dueAt = task.dueAt;
  if (task.dueAt) upsertSearchAttributes([{ key: DueTimeAttr, value: new Date(task.dueAt) }]);
  state.settled = true;

  // Added after the first release: procedures started before it run without reminder timers.
  if (patched('project-approval-deadline-timers') && task.dueAt) {
    await watchDeadline(
      task.taskId,
      Date.parse(task.dueAt),
      input.policy.reminderLeadSeconds ?? 24 * 3600,
      () => state.openTaskId === task.taskId,
      () => (state.overdue = true),
    );
  }
  await condition(() => TERMINAL.has(state.stage) && !state.busy);
  await condition(allHandlersFinished);
  return snapshot();
}
