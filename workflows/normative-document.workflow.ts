import {
  allHandlersFinished,
  condition,
  currentUpdateInfo,
  executeChild,
  patched,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { acts, local, refuse, watchDeadline } from './activity-proxies';
import type { LawGateActivities } from '../activities';
import {
  DOCUMENT_KINDS,
  DOCUMENT_MEDIA_TYPES,
  isSha256,
  DocumentKind,
  type DocumentVersionRef,
} from '../libs/domain/src/documents';
import { ErrorCode, PROCEDURE_BUSY_MESSAGE } from '../libs/domain/src/errors';
import { Role, OrgUnitKind } from '../libs/domain/src/roles';
import {
  DepartmentAttr,
  DocumentNumberAttr,
  DueTimeAttr,
  ProcedureTypeAttr,
  StageAttr,
} from '../libs/domain/src/search-attributes';
import type { Period } from '../libs/domain/src/periods';
import {
  DOCUMENT_REGISTRATION_WORKFLOW_TYPE,
  registrationWorkflowId,
  validityYearsFor,
  type DocumentRegistrationWorkflow,
} from '../libs/domain/src/register';
import {
  DEFAULT_NORMATIVE_DOCUMENT_POLICY,
  DOCUMENT_UPLOAD_STAGES,
  NORMATIVE_DOCUMENT,
  NORMATIVE_DOCUMENT_STAGE_BASIS,
  NormativeDocumentStage,
  TERMINAL_STAGES,
  answerCommentUpdate,
  awaitSettledUpdate,
  checkMaterialsUpdate,
  cleanupDecisionSignal,
  closeCommentWindowUpdate,
  completeDraftingUpdate,
  completePublicCommentUpdate,
  extendCommentWindowUpdate,
  giveLegalityOpinionUpdate,
  openCommentWindowUpdate,
  recordDeliberationUpdate,
  recordFairCompetitionReviewUpdate,
  recordFilingEventUpdate,
  recordPublicationUpdate,
  registerDocumentUpdate,
  repealDocumentUpdate,
  resubmitRevisionUpdate,
  submitForLegalityReviewUpdate,
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
  type CommentWindowState,
  type EmergencyCategory,
  type FilingState,
  type LegalityOpinionRecord,
  type RegistrationRecord,
  type Actor,
  type CleanupDecisionArgs,
  type AnswerCommentArgs,
  type CheckMaterialsArgs,
  type CloseCommentWindowArgs,
  type CompleteDraftingArgs,
  type ExtendCommentWindowArgs,
  type GiveLegalityOpinionArgs,
  type OpenCommentWindowArgs,
  type RecordDeliberationArgs,
  type RecordFairCompetitionReviewArgs,
  type RecordFilingEventArgs,
  type RecordPublicationArgs,
  type RegisterDocumentArgs,
  type RepealDocumentArgs,
  type ResubmitRevisionArgs,
  type SubmitForLegalityReviewArgs,
} from '../libs/domain/src/procedures/normative-document.contract';

/** Records a sign-off; procedures started before this change keep recording through a regular activity. */
function recordSignOff(
  ...args: Parameters<LawGateActivities['recordDecision']>
): ReturnType<LawGateActivities['recordDecision']> {
  return patched('sign-off-local-activity') ? local.recordDecision(...args) : acts.recordDecision(...args);
}

const TERMINAL: ReadonlySet<NormativeDocumentStage> = new Set(TERMINAL_STAGES);

/** Why an adviser-opinion task exists (regulations.md §4.4; the national opinion was read only in summaries). */
const ADVISER_OPINION_BASIS = {
  regulation: '中办发〔2016〕30号《关于推行法律顾问制度和公职律师公司律师制度的意见》',
  article: '法律顾问参与规范性文件草案的起草、论证',
  verified: false,
};

const DOCUMENT_STAGES: ReadonlySet<NormativeDocumentStage> = new Set(DOCUMENT_UPLOAD_STAGES);

/** G-B5: what the reviewing body must have before its clock starts (国办发〔2018〕115号 (五)). */
const REVIEW_MATERIALS: { kind: DocumentKind; label: string }[] = [
  { kind: DocumentKind.Draft, label: '草案（送审稿）' },
  { kind: DocumentKind.DraftingExplanation, label: '起草说明' },
  { kind: DocumentKind.BasisList, label: '制定依据' },
  { kind: DocumentKind.OwnLegalityOpinion, label: '起草单位合法性审核意见' },
];

/** Materials the drafting unit must have before drafting can end. */
const DRAFTING_MATERIALS = REVIEW_MATERIALS.slice(0, 3);

/** Names a stage and its legal basis in a refusal, so the person knows what is missing and why. */
function stageName(stage: NormativeDocumentStage): string {
  const basis = NORMATIVE_DOCUMENT_STAGE_BASIS[stage];
  return `${stage}（${basis.regulation} ${basis.article}）`;
}

/** Adds a period to an absolute time, for periods the workflow can count itself (seconds, calendar days). */
function addPlain(fromMs: number, period: Period, direction: 1 | -1): number {
  const unitMs = period.unit === 'SECONDS' ? 1000 : 24 * 3600 * 1000;
  return fromMs + direction * period.amount * unitMs;
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
    commentWindow: null as CommentWindowState | null,
    /** Bumped whenever the comment window's end moves or a close is asked for, so the timer re-arms. */
    commentWindowRevision: 0,
    closeRequested: false,
    legalityOpinions: [] as LegalityOpinionRecord[],
    /** Ledger entry of the latest legality opinion (it goes into the filing package). */
    legalityOpinionEntry: null as { ledgerSeq: string; hash: string } | null,
    reviewMinimumEndsAt: null as string | null,
    emergency: null as { category: EmergencyCategory; reason: string } | null,
    expertise: [] as string[],
    revisionCause: null as 'UNLAWFUL' | 'MUST_AMEND' | 'RETURNED' | null,
    registration: null as RegistrationRecord | null,
    publication: null as { channel: string; reference: string; publishedAt: string } | null,
    filing: null as { filingId: string; status: FilingState; dueAt: string | null } | null,
    filingTaskId: null as string | null,
    expiresAt: null as string | null,
    rounds: {} as Record<string, number>,
    /** A clean-up review's repeal, carried out by the in-force loop. */
    cleanupRepeal: null as CleanupDecisionArgs | null,
    amendmentRequired: null as { campaignId: string; reason: string } | null,
  };
  const policy = { ...DEFAULT_NORMATIVE_DOCUMENT_POLICY, ...input.policy };

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
    commentWindow: state.commentWindow
      ? {
          ...state.commentWindow,
          commentIds: [...state.commentWindow.commentIds],
          answeredIds: [...state.commentWindow.answeredIds],
        }
      : null,
    legalityOpinions: [...state.legalityOpinions],
    reviewMinimumEndsAt: state.reviewMinimumEndsAt,
    registration: state.registration,
    publication: state.publication,
    filing: state.filing ? { ...state.filing } : null,
    expiresAt: state.expiresAt,
    waitingFor: waitingFor(),
    amendmentRequired: state.amendmentRequired,
  });

  /** What the procedure waits for, in the words a drafter or an officer would use. */
  function waitingFor(): string | null {
    switch (state.stage) {
      case NormativeDocumentStage.ProjectApproval:
        return '司法局审批立项申请';
      case NormativeDocumentStage.Drafting:
        return state.pendingOpinion ? '法律顾问出具意见' : '起草单位上传草案、起草说明和制定依据后提交';
      case NormativeDocumentStage.FairCompetitionReview:
        return '起草单位完成公平竞争审查';
      case NormativeDocumentStage.PublicComment:
        if (!state.commentWindow) return '起草单位发布征求意见稿';
        if (!state.commentWindow.closed) return `公开征求意见，至 ${state.commentWindow.closesAt} 截止`;
        return '起草单位逐条答复公众意见';
      case NormativeDocumentStage.OwnLegalityCheck:
        return '起草单位出具本单位合法性审核意见并报送审核';
      case NormativeDocumentStage.MaterialsCheck:
        return '司法局审查报送材料是否齐全';
      case NormativeDocumentStage.LegalityReview:
        return '合法性审核机构（法律顾问）出具审核意见';
      case NormativeDocumentStage.Revision:
        return '起草单位根据审核意见修改或说明不采纳理由';
      case NormativeDocumentStage.Deliberation:
        return '集体审议决定，主要负责人签发';
      case NormativeDocumentStage.Registration:
        return '司法局统一登记、统一编号';
      case NormativeDocumentStage.Publication:
        return '统一发布';
      case NormativeDocumentStage.InForce:
        return state.filing && state.filing.status !== 'ACCEPTED' ? '报送备案，等待备案审查结果' : null;
      case NormativeDocumentStage.Expired:
      case NormativeDocumentStage.Repealed:
      case NormativeDocumentStage.NotAdopted:
      case NormativeDocumentStage.Rejected:
      case NormativeDocumentStage.Withdrawn:
        return null;
    }
  }

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
        const window = state.commentWindow;
        if (window && !window.closed) {
          // Nobody can comment on a draft that was withdrawn.
          await acts.closeCommentWindow({ windowId: window.windowId });
          window.closed = true;
        }
        if (state.registration && !state.publication) {
          // A number given to a document that will never be published is voided, never given again.
          await acts.voidRegisteredNumber({
            registerEntryId: state.registration.registerEntryId,
            reason: `撤回：${args.reason}`,
            actor: args.actor,
            idempotencyKey: `${workflowId}:void`,
          });
        }
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
        if (state.stage === NormativeDocumentStage.InForce) {
          refuse(
            ErrorCode.WrongStage,
            'The document is published and in force: it cannot be withdrawn, only repealed by the legal-affairs office.',
          );
        }
        if (state.busy) refuse(ErrorCode.WrongStage, PROCEDURE_BUSY_MESSAGE);
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
            `Documents can be added while drafting or revising; the procedure is in stage ${state.stage}.`,
          );
        }
        if (state.busy) refuse(ErrorCode.WrongStage, PROCEDURE_BUSY_MESSAGE);
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
        if (state.busy) refuse(ErrorCode.WrongStage, PROCEDURE_BUSY_MESSAGE);
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
        if (state.busy) refuse(ErrorCode.WrongStage, PROCEDURE_BUSY_MESSAGE);
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

  // ---- Helpers shared by the stages after drafting -------------------------------------------------------------

  function requireDrafter(actor: Actor, what: string): void {
    if (!actor.roles.includes(Role.Drafter) || actor.unitId !== input.departmentId) {
      refuse(ErrorCode.Forbidden, `Only a drafter of the drafting department can ${what}.`);
    }
  }

  function requireOfficer(actor: Actor, what: string): void {
    if (!actor.roles.includes(Role.LegalAffairsOfficer)) {
      refuse(ErrorCode.Forbidden, `Only an officer of the legal-affairs office can ${what}.`);
    }
  }

  function requireStage(expected: NormativeDocumentStage, what: string): void {
    if (TERMINAL.has(state.stage)) refuse(ErrorCode.WrongStage, `The procedure has already ended (${state.stage}).`);
    if (state.stage !== expected) {
      refuse(
        ErrorCode.WrongStage,
        `${what} belongs to stage ${stageName(expected)}; the procedure is in stage ${state.stage}.`,
      );
    }
    if (state.busy) refuse(ErrorCode.WrongStage, PROCEDURE_BUSY_MESSAGE);
  }

  function requireOpenTask(taskId: string): void {
    if (!state.openTaskId || taskId !== state.openTaskId) {
      refuse(ErrorCode.TaskClosed, `Task ${taskId} is not the open task of stage ${state.stage} of this procedure.`);
    }
  }

  function requireText(value: string | undefined, message: string): void {
    if (!value || value.trim().length === 0) refuse(ErrorCode.RuleViolation, message);
  }

  function missingOf(materials: { kind: DocumentKind; label: string }[]): string[] {
    return materials.filter((m) => !state.documents[m.kind]).map((m) => `${m.label}（${m.kind}）`);
  }

  function nextRound(stage: NormativeDocumentStage): number {
    state.rounds[stage] = (state.rounds[stage] ?? 0) + 1;
    return state.rounds[stage];
  }

  function updateKey(suffix: string): string {
    return currentUpdateInfo()?.id ?? `${workflowId}:${state.stage}:${suffix}`;
  }

  /** Records a person's sign-off on the current stage and moves the procedure to `next`. */
  async function signAndMove(o: {
    taskId: string | null;
    decision: string;
    opinion: string;
    actor: Actor;
    role: Role;
    sha256: string | null;
    next: NormativeDocumentStage;
    status?: ProcedureStatus;
  }): Promise<{ ledgerSeq: string; hash: string }> {
    const status = o.status ?? 'ACTIVE';
    const entry = await recordSignOff({
      procedureId: input.procedureId,
      workflowId,
      taskId: o.taskId,
      stage: state.stage,
      decision: o.decision,
      opinion: o.opinion,
      actor: o.actor,
      actorRole: o.role,
      documentSha256: o.sha256,
      idempotencyKey: updateKey(o.decision),
      nextStage: o.next,
      nextStatus: status,
    });
    moveTo(o.next, status);
    return entry;
  }

  /** Opens the task of a stage for a unit and watches its due time on durable timers. */
  async function openStageTask(
    kind: string,
    title: string,
    assignTo: { unitId: string } | { unitKind: OrgUnitKind },
    period: Period,
  ): Promise<string> {
    const stage = state.stage;
    const task = await acts.openTask({
      procedureId: input.procedureId,
      workflowId,
      stage,
      round: nextRound(stage),
      kind,
      title: `${title}：${input.title}`,
      legalBasis: NORMATIVE_DOCUMENT_STAGE_BASIS[stage],
      assignTo,
      period,
    });
    adoptTask(task.taskId, task.dueAt);
    return task.taskId;
  }

  function adoptTask(taskId: string, dueAt: string | null): void {
    state.openTaskId = taskId;
    state.dueAt = dueAt;
    if (dueAt) {
      upsertSearchAttributes([{ key: DueTimeAttr, value: new Date(dueAt) }]);
      void watchDeadline(
        taskId,
        Date.parse(dueAt),
        policy.reminderLeadSeconds,
        () => state.openTaskId === taskId,
        () => (state.overdue = true),
      );
    }
  }

  const department = { unitId: input.departmentId };
  const office = { unitKind: OrgUnitKind.LegalAffairsOffice };

  /** Opens what a stage needs when the procedure enters it. */
  async function enter(stage: NormativeDocumentStage): Promise<void> {
    switch (stage) {
      case NormativeDocumentStage.FairCompetitionReview:
        await openStageTask('FAIR_COMPETITION_REVIEW', '公平竞争审查', department, policy.drafterStepPeriod);
        return;
      case NormativeDocumentStage.PublicComment:
        await openStageTask('PUBLISH_FOR_COMMENT', '发布征求意见稿', department, policy.drafterStepPeriod);
        return;
      case NormativeDocumentStage.OwnLegalityCheck:
        await openStageTask('OWN_LEGALITY_CHECK', '本单位合法性审核并报送', department, policy.drafterStepPeriod);
        return;
      case NormativeDocumentStage.MaterialsCheck:
        await openStageTask('MATERIALS_CHECK', '审核材料齐全性审查', office, policy.materialsCheckPeriod);
        return;
      case NormativeDocumentStage.LegalityReview: {
        const draft = state.documents.DRAFT!;
        const task = await acts.routeTask({
          procedureId: input.procedureId,
          workflowId,
          stage,
          round: nextRound(stage),
          kind: 'LEGALITY_REVIEW',
          title: `合法性审核：${input.title}（草案第${draft.version}稿）`,
          legalBasis: NORMATIVE_DOCUMENT_STAGE_BASIS[stage],
          period: policy.legalityReviewMaximum,
          departmentId: input.departmentId,
          drafterIds: [input.applicant.userId],
          expertise: state.expertise,
          subjectVersionId: draft.versionId,
        });
        // The clock starts now that the materials are complete (G-B5); the minimum protects the reviewer (G-B6).
        state.reviewMinimumEndsAt = state.emergency
          ? null
          : (await acts.computeDeadline({ from: new Date().toISOString(), period: policy.legalityReviewMinimum }))
              .dueAt;
        adoptTask(task.taskId, task.dueAt);
        return;
      }
      case NormativeDocumentStage.Revision:
        await openStageTask('REVISION', '根据审核意见修改', department, policy.drafterStepPeriod);
        return;
      case NormativeDocumentStage.Deliberation:
        await openStageTask(
          'DELIBERATION',
          '集体审议决定',
          { unitKind: OrgUnitKind.Government },
          policy.deliberationPeriod,
        );
        return;
      case NormativeDocumentStage.Registration:
        await openStageTask('REGISTRATION', '统一登记、统一编号', office, policy.registrationPeriod);
        return;
      case NormativeDocumentStage.Publication:
        await openStageTask('PUBLICATION', '统一发布', office, policy.registrationPeriod);
        return;
      case NormativeDocumentStage.InForce: {
        const due = await acts.computeDeadline({ from: state.publication!.publishedAt, period: policy.filingPeriod });
        const draft = state.documents.DRAFT!;
        const explanation = state.documents.DRAFTING_EXPLANATION;
        const opinion = state.legalityOpinions[state.legalityOpinions.length - 1];
        const { filingId } = await acts.openFiling({
          registerEntryId: state.registration!.registerEntryId,
          procedureId: input.procedureId,
          recipient: policy.filingRecipient,
          dueAt: due.dueAt,
          packageItems: [
            { kind: 'TEXT', versionId: draft.versionId, sha256: draft.sha256 },
            ...(explanation
              ? [{ kind: 'DRAFTING_EXPLANATION', versionId: explanation.versionId, sha256: explanation.sha256 }]
              : []),
            ...(opinion && state.legalityOpinionEntry
              ? [
                  {
                    kind: 'LEGALITY_OPINION',
                    versionId: `ledger:${state.legalityOpinionEntry.ledgerSeq}`,
                    sha256: state.legalityOpinionEntry.hash,
                  },
                ]
              : []),
          ],
          idempotencyKey: `${workflowId}:filing`,
        });
        state.filing = { filingId, status: 'PENDING', dueAt: due.dueAt };
        state.filingTaskId = await openStageTask('FILING', '报送备案', office, policy.filingPeriod);
        return;
      }
      // Entered through their own updates, or terminal: nothing to open.
      case NormativeDocumentStage.ProjectApproval:
      case NormativeDocumentStage.Drafting:
      case NormativeDocumentStage.Expired:
      case NormativeDocumentStage.Repealed:
      case NormativeDocumentStage.NotAdopted:
      case NormativeDocumentStage.Rejected:
      case NormativeDocumentStage.Withdrawn:
        return;
    }
  }

  // ---- B2 → B3/B4: drafting ends ---------------------------------------------------------------------------------

  setHandler(
    completeDraftingUpdate,
    async (args: CompleteDraftingArgs) => {
      state.busy = true;
      try {
        const draft = state.documents.DRAFT!;
        const next = input.application.touchesBusiness
          ? NormativeDocumentStage.FairCompetitionReview
          : NormativeDocumentStage.PublicComment;
        await signAndMove({
          taskId: null,
          decision: 'DRAFT_COMPLETED',
          opinion: args.note,
          actor: args.actor,
          role: Role.Drafter,
          sha256: draft.sha256,
          next,
        });
        await enter(next);
        return snapshot();
      } finally {
        state.busy = false;
      }
    },
    {
      validator: (args: CompleteDraftingArgs) => {
        requireDrafter(args.actor, 'finish drafting');
        requireStage(NormativeDocumentStage.Drafting, 'Finishing the draft');
        const missing = missingOf(DRAFTING_MATERIALS);
        if (missing.length > 0) {
          refuse(
            ErrorCode.RuleViolation,
            `Drafting cannot end before these materials are uploaded: ${missing.join('、')}.`,
          );
        }
        if (state.pendingOpinion) {
          refuse(ErrorCode.RuleViolation, 'A legal adviser opinion was asked for and is not given yet; wait for it.');
        }
      },
    },
  );

  // ---- B3: fair-competition review (G-B3) ------------------------------------------------------------------------

  setHandler(
    recordFairCompetitionReviewUpdate,
    async (args: RecordFairCompetitionReviewArgs) => {
      state.busy = true;
      try {
        const passes = args.conclusion === 'COMPLIANT' || !!args.exceptionReason?.trim();
        const next = passes ? NormativeDocumentStage.PublicComment : NormativeDocumentStage.Drafting;
        await signAndMove({
          taskId: state.openTaskId,
          decision: args.conclusion,
          opinion: args.exceptionReason?.trim()
            ? `${args.summary}\n（例外规定适用理由：${args.exceptionReason.trim()}）`
            : args.summary,
          actor: args.actor,
          role: Role.Drafter,
          sha256: state.documents.DRAFT!.sha256,
          next,
        });
        await enter(next);
        return snapshot();
      } finally {
        state.busy = false;
      }
    },
    {
      validator: (args: RecordFairCompetitionReviewArgs) => {
        requireDrafter(args.actor, 'record the fair-competition review');
        requireStage(NormativeDocumentStage.FairCompetitionReview, 'The fair-competition review');
        requireText(args.summary, 'The fair-competition review needs its conclusion in words.');
      },
    },
  );

  // ---- B4: public comment (G-B4) ---------------------------------------------------------------------------------

  setHandler(
    openCommentWindowUpdate,
    async (args: OpenCommentWindowArgs) => {
      state.busy = true;
      try {
        const draft = state.documents.DRAFT!;
        const minimum = input.application.touchesBusiness ? policy.businessCommentPeriod : policy.generalCommentPeriod;
        const window = await acts.openCommentWindow({
          procedureId: input.procedureId,
          workflowId,
          title: input.title,
          draftVersionId: draft.versionId,
          draftSha256: draft.sha256,
          period: args.period ?? minimum,
          minimumPeriod: minimum,
          shortenedReason: args.shortenedReason?.trim() || null,
          idempotencyKey: `${workflowId}:comment-window`,
        });
        await recordSignOff({
          procedureId: input.procedureId,
          workflowId,
          taskId: state.openTaskId,
          stage: state.stage,
          decision: 'PUBLISHED_FOR_COMMENT',
          opinion: args.shortenedReason?.trim()
            ? `征求意见至 ${window.closesAt}（缩短理由：${args.shortenedReason.trim()}）`
            : `征求意见至 ${window.closesAt}`,
          actor: args.actor,
          actorRole: Role.Drafter,
          documentSha256: draft.sha256,
          idempotencyKey: updateKey('open-window'),
          nextStage: state.stage,
          nextStatus: state.status,
        });
        state.openTaskId = null;
        state.dueAt = null;
        state.commentWindow = {
          windowId: window.windowId,
          opensAt: window.opensAt,
          closesAt: window.closesAt,
          minimumClosesAt: window.minimumClosesAt,
          shortenedReason: args.shortenedReason?.trim() || null,
          closed: false,
          commentIds: [],
          answeredIds: [],
        };
        return snapshot();
      } finally {
        state.busy = false;
      }
    },
    {
      validator: (args: OpenCommentWindowArgs) => {
        requireDrafter(args.actor, 'publish the draft for comment');
        requireStage(NormativeDocumentStage.PublicComment, 'Publishing the draft for comment');
        if (state.commentWindow) refuse(ErrorCode.WrongStage, 'The draft has already been published for comment.');
        if (args.shortenedReason !== undefined) {
          requireText(args.shortenedReason, 'A shortened comment period needs its reason, which is published.');
        }
      },
    },
  );

  setHandler(
    extendCommentWindowUpdate,
    async (args: ExtendCommentWindowArgs) => {
      state.busy = true;
      try {
        const window = state.commentWindow!;
        const { closesAt } = await acts.extendCommentWindow({
          windowId: window.windowId,
          extension: args.extension,
          reason: args.reason,
          actor: args.actor,
          idempotencyKey: updateKey('extend'),
        });
        window.closesAt = closesAt;
        state.commentWindowRevision++;
        return snapshot();
      } finally {
        state.busy = false;
      }
    },
    {
      validator: (args: ExtendCommentWindowArgs) => {
        requireDrafter(args.actor, 'extend the comment period');
        requireStage(NormativeDocumentStage.PublicComment, 'Extending the comment period');
        if (!state.commentWindow || state.commentWindow.closed) {
          refuse(ErrorCode.WrongStage, 'There is no open comment window to extend.');
        }
        requireText(args.reason, 'An extension of the comment period needs a reason; it is recorded.');
        if (!(args.extension.amount > 0)) refuse(ErrorCode.RuleViolation, 'An extension must be longer than zero.');
      },
    },
  );

  setHandler(
    closeCommentWindowUpdate,
    async (_args: CloseCommentWindowArgs) => {
      state.closeRequested = true;
      state.commentWindowRevision++;
      await condition(() => state.commentWindow?.closed === true);
      return snapshot();
    },
    {
      validator: (args: CloseCommentWindowArgs) => {
        requireDrafter(args.actor, 'close the comment period');
        requireStage(NormativeDocumentStage.PublicComment, 'Closing the comment period');
        const window = state.commentWindow;
        if (!window || window.closed) refuse(ErrorCode.WrongStage, 'There is no open comment window to close.');
        if (Date.now() < Date.parse(window.minimumClosesAt)) {
          refuse(
            ErrorCode.RuleViolation,
            `The comment window may not close before ${window.minimumClosesAt}: that is the statutory minimum ` +
              `(${stageName(NormativeDocumentStage.PublicComment)}).`,
          );
        }
      },
    },
  );

  setHandler(
    answerCommentUpdate,
    async (args: AnswerCommentArgs) => {
      state.busy = true;
      try {
        const window = state.commentWindow!;
        await acts.answerComment({
          windowId: window.windowId,
          commentId: args.commentId,
          answer: args.answer,
          reason: args.reason,
          actor: args.actor,
          idempotencyKey: updateKey(`answer:${args.commentId}`),
        });
        if (!window.answeredIds.includes(args.commentId)) window.answeredIds.push(args.commentId);
        return snapshot();
      } finally {
        state.busy = false;
      }
    },
    {
      validator: (args: AnswerCommentArgs) => {
        requireDrafter(args.actor, 'answer public comments');
        requireStage(NormativeDocumentStage.PublicComment, 'Answering public comments');
        const window = state.commentWindow;
        if (!window || !window.closed) {
          refuse(ErrorCode.WrongStage, 'Comments are answered once the comment window has closed.');
        }
        if (!window.commentIds.includes(args.commentId)) {
          refuse(ErrorCode.NotFound, `Comment ${args.commentId} was not received in this procedure's window.`);
        }
        if (args.answer !== 'ADOPTED') {
          requireText(args.reason, 'A comment not (fully) adopted needs the reason it was not adopted.');
        }
      },
    },
  );

  setHandler(
    completePublicCommentUpdate,
    async (args: CompleteDraftingArgs) => {
      state.busy = true;
      try {
        const window = state.commentWindow!;
        await signAndMove({
          taskId: state.openTaskId,
          decision: 'COMMENTS_ANSWERED',
          opinion: `${args.note}\n（收到意见 ${window.commentIds.length} 条，已逐条答复）`,
          actor: args.actor,
          role: Role.Drafter,
          sha256: state.documents.DRAFT!.sha256,
          next: NormativeDocumentStage.OwnLegalityCheck,
        });
        await enter(NormativeDocumentStage.OwnLegalityCheck);
        return snapshot();
      } finally {
        state.busy = false;
      }
    },
    {
      validator: (args: CompleteDraftingArgs) => {
        requireDrafter(args.actor, 'finish public comment');
        requireStage(NormativeDocumentStage.PublicComment, 'Finishing public comment');
        const window = state.commentWindow;
        if (!window) refuse(ErrorCode.RuleViolation, 'The draft has not been published for comment yet.');
        if (!window.closed) {
          refuse(ErrorCode.RuleViolation, `The comment window is open until ${window.closesAt}; it cannot be skipped.`);
        }
        const unanswered = window.commentIds.filter((id) => !window.answeredIds.includes(id));
        if (unanswered.length > 0) {
          refuse(
            ErrorCode.RuleViolation,
            `Every public comment must be answered before the procedure moves on; ${unanswered.length} are not.`,
          );
        }
      },
    },
  );

  // ---- B5: the drafting unit's own legality check, then submission ------------------------------------------------

  setHandler(
    submitForLegalityReviewUpdate,
    async (args: SubmitForLegalityReviewArgs) => {
      state.busy = true;
      try {
        state.emergency = args.emergency ? { category: args.emergency.category, reason: args.emergency.reason } : null;
        state.expertise = args.expertise ?? [];
        await signAndMove({
          taskId: state.openTaskId,
          decision: 'SUBMITTED_FOR_REVIEW',
          opinion: args.emergency
            ? `${args.note}\n（紧急情形：${args.emergency.category}，${args.emergency.reason}）`
            : args.note,
          actor: args.actor,
          role: Role.Drafter,
          sha256: state.documents.DRAFT!.sha256,
          next: NormativeDocumentStage.MaterialsCheck,
        });
        await enter(NormativeDocumentStage.MaterialsCheck);
        return snapshot();
      } finally {
        state.busy = false;
      }
    },
    {
      validator: (args: SubmitForLegalityReviewArgs) => {
        requireDrafter(args.actor, 'submit the draft for legality review');
        requireStage(NormativeDocumentStage.OwnLegalityCheck, 'Submitting for legality review');
        const missing = missingOf(REVIEW_MATERIALS);
        if (missing.length > 0) {
          refuse(ErrorCode.RuleViolation, `Upload these materials before submitting: ${missing.join('、')}.`);
        }
        requireText(args.note, "Say what the drafting unit's own legality check concluded.");
        if (args.emergency) requireText(args.emergency.reason, 'An emergency needs its reason recorded.');
      },
    },
  );

  // ---- B6: materials check (G-B5) and legality review (G-B6) -----------------------------------------------------

  setHandler(
    checkMaterialsUpdate,
    async (args: CheckMaterialsArgs) => {
      state.busy = true;
      try {
        const next = args.complete ? NormativeDocumentStage.LegalityReview : NormativeDocumentStage.OwnLegalityCheck;
        await signAndMove({
          taskId: args.taskId,
          decision: args.complete ? 'MATERIALS_COMPLETE' : 'MATERIALS_INCOMPLETE',
          opinion: args.complete ? args.note : `${args.note}\n缺少：${(args.missing ?? []).join('、')}`,
          actor: args.actor,
          role: Role.LegalAffairsOfficer,
          sha256: state.documents.DRAFT!.sha256,
          next,
        });
        await enter(next);
        return snapshot();
      } finally {
        state.busy = false;
      }
    },
    {
      validator: (args: CheckMaterialsArgs) => {
        requireOfficer(args.actor, 'check the review materials');
        requireStage(NormativeDocumentStage.MaterialsCheck, 'The materials check');
        requireOpenTask(args.taskId);
        if (args.complete) {
          const missing = missingOf(REVIEW_MATERIALS);
          if (missing.length > 0) {
            refuse(ErrorCode.RuleViolation, `The materials are not complete: ${missing.join('、')} missing.`);
          }
        } else if (!args.missing || args.missing.length === 0) {
          refuse(ErrorCode.RuleViolation, 'Say which materials are missing, so the drafting unit can supply them.');
        }
      },
    },
  );

  setHandler(
    giveLegalityOpinionUpdate,
    async (args: GiveLegalityOpinionArgs) => {
      state.busy = true;
      try {
        const draft = state.documents.DRAFT!;
        const round = state.rounds[NormativeDocumentStage.LegalityReview] ?? 1;
        const next =
          args.conclusion === 'LAWFUL' ? NormativeDocumentStage.Deliberation : NormativeDocumentStage.Revision;
        const role = args.actor.roles.includes(Role.LegalAdviser) ? Role.LegalAdviser : Role.LegalAffairsOfficer;
        state.legalityOpinionEntry = await signAndMove({
          taskId: args.taskId,
          decision: args.conclusion,
          opinion: args.reasons,
          actor: args.actor,
          role,
          sha256: args.reviewedSha256,
          next,
        });
        state.legalityOpinions.push({
          round,
          taskId: args.taskId,
          conclusion: args.conclusion,
          version: draft.version,
          sha256: draft.sha256,
          reviewerId: args.actor.userId,
          nonAdoptionStatement: null,
        });
        state.revisionCause = args.conclusion === 'LAWFUL' ? null : args.conclusion;
        state.reviewMinimumEndsAt = null;
        await enter(next);
        return snapshot();
      } finally {
        state.busy = false;
      }
    },
    {
      validator: (args: GiveLegalityOpinionArgs) => {
        if (!args.actor.roles.includes(Role.LegalAdviser) && !args.actor.roles.includes(Role.LegalAffairsOfficer)) {
          refuse(
            ErrorCode.Forbidden,
            'Only the reviewing body (a legal adviser or the legal-affairs office) can sign.',
          );
        }
        if (args.actor.unitId === input.departmentId || args.actor.userId === input.applicant.userId) {
          refuse(ErrorCode.Forbidden, 'The drafting side cannot review its own draft (recusal).');
        }
        requireStage(NormativeDocumentStage.LegalityReview, 'The legality opinion');
        requireOpenTask(args.taskId);
        const current = state.documents.DRAFT!;
        if (args.reviewedSha256 !== current.sha256) {
          refuse(
            ErrorCode.StaleVersion,
            `The draft has changed: version ${current.version} (SHA-256 ${current.sha256.slice(0, 12)}…) is current. ` +
              'Read the current version and sign again.',
          );
        }
        if (state.reviewMinimumEndsAt && Date.now() < Date.parse(state.reviewMinimumEndsAt)) {
          refuse(
            ErrorCode.RuleViolation,
            `The reviewer must be left its minimum review time, until ${state.reviewMinimumEndsAt} ` +
              `(${stageName(NormativeDocumentStage.LegalityReview)}); only an emergency declared at submission ` +
              'shortens it.',
          );
        }
        if (args.conclusion !== 'LAWFUL') {
          requireText(args.reasons, 'An opinion that the draft is unlawful or must be amended needs the reasons.');
        }
      },
    },
  );

  // ---- B7: revision (G-B7) -------------------------------------------------------------------------------------

  setHandler(
    resubmitRevisionUpdate,
    async (args: ResubmitRevisionArgs) => {
      state.busy = true;
      try {
        const cause = state.revisionCause;
        const next =
          cause === 'MUST_AMEND' ? NormativeDocumentStage.Deliberation : NormativeDocumentStage.LegalityReview;
        const last = state.legalityOpinions[state.legalityOpinions.length - 1];
        if (last && !args.adoptedAll) last.nonAdoptionStatement = args.nonAdoptionStatement!.trim();
        await signAndMove({
          taskId: state.openTaskId,
          decision: args.adoptedAll ? 'REVISED' : 'REVISED_WITH_STATEMENT',
          opinion: args.adoptedAll
            ? '已按审核意见修改'
            : `未采纳审核意见的理由和依据：${args.nonAdoptionStatement!.trim()}`,
          actor: args.actor,
          role: Role.Drafter,
          sha256: state.documents.DRAFT!.sha256,
          next,
        });
        state.revisionCause = null;
        await enter(next);
        return snapshot();
      } finally {
        state.busy = false;
      }
    },
    {
      validator: (args: ResubmitRevisionArgs) => {
        requireDrafter(args.actor, 'resubmit the revised draft');
        requireStage(NormativeDocumentStage.Revision, 'Resubmitting after revision');
        const last = state.legalityOpinions[state.legalityOpinions.length - 1];
        const draft = state.documents.DRAFT!;
        const changed = !last || draft.sha256 !== last.sha256;
        if (state.revisionCause === 'UNLAWFUL' && !args.adoptedAll) {
          refuse(
            ErrorCode.RuleViolation,
            'An opinion that the draft is unlawful cannot be answered with a statement: revise the draft, and it is ' +
              `reviewed again (${stageName(NormativeDocumentStage.Revision)}).`,
          );
        }
        if (args.adoptedAll && !changed) {
          refuse(ErrorCode.RuleViolation, 'Upload the revised draft first: the draft is still the version reviewed.');
        }
        if (!args.adoptedAll) {
          requireText(
            args.nonAdoptionStatement,
            'An opinion not fully adopted needs a statement of the reasons and basis for the deliberation.',
          );
        }
      },
    },
  );

  // ---- B8: collective deliberation (G-B7, G-B8) ------------------------------------------------------------------

  setHandler(
    recordDeliberationUpdate,
    async (args: RecordDeliberationArgs) => {
      state.busy = true;
      try {
        const next =
          args.decision === 'ADOPTED'
            ? NormativeDocumentStage.Registration
            : args.decision === 'RETURNED'
              ? NormativeDocumentStage.Revision
              : NormativeDocumentStage.NotAdopted;
        await signAndMove({
          taskId: args.taskId,
          decision: args.decision,
          opinion: `${args.meeting}（${args.meetingDate}）\n${args.minutes}`,
          actor: args.actor,
          role: Role.Leader,
          sha256: state.documents.DRAFT!.sha256,
          next,
          status: args.decision === 'REJECTED' ? 'REJECTED' : 'ACTIVE',
        });
        if (args.decision === 'RETURNED') state.revisionCause = 'RETURNED';
        await enter(next);
        return snapshot();
      } finally {
        state.busy = false;
      }
    },
    {
      validator: (args: RecordDeliberationArgs) => {
        if (!args.actor.roles.includes(Role.Leader)) {
          refuse(ErrorCode.Forbidden, 'Only a leader of the government records and signs the deliberation.');
        }
        requireStage(NormativeDocumentStage.Deliberation, 'The collective deliberation');
        requireOpenTask(args.taskId);
        const last = state.legalityOpinions[state.legalityOpinions.length - 1];
        if (!last || last.conclusion === 'UNLAWFUL') {
          refuse(
            ErrorCode.RuleViolation,
            `No deliberation without a legality opinion that the draft is lawful (${stageName(
              NormativeDocumentStage.LegalityReview,
            )}).`,
          );
        }
        requireText(args.meeting, 'Name the meeting that deliberated (e.g. 区政府常务会议).');
        requireText(args.minutes, 'The deliberation record is required.');
        if (Number.isNaN(Date.parse(args.meetingDate))) {
          refuse(ErrorCode.RuleViolation, 'The meeting date is not a date.');
        }
      },
    },
  );

  // ---- B9: unified registration and numbering (G-B9) -------------------------------------------------------------

  setHandler(
    registerDocumentUpdate,
    async (args: RegisterDocumentArgs) => {
      state.busy = true;
      try {
        const draft = state.documents.DRAFT!;
        const registered = await executeChild<DocumentRegistrationWorkflow>(DOCUMENT_REGISTRATION_WORKFLOW_TYPE, {
          workflowId: registrationWorkflowId(input.procedureId),
          args: [
            {
              procedureId: input.procedureId,
              workflowId,
              issuerUnitId: input.issuerUnitId ?? input.departmentId,
              series: policy.numberSeries,
              title: input.title,
              documentSha256: draft.sha256,
              validityYears: validityYearsFor(input.title, {
                defaultValidityYears: policy.defaultValidityYears,
                provisionalValidityYears: policy.provisionalValidityYears,
              }),
              registeredBy: args.actor,
              idempotencyKey: `registration:${input.procedureId}`,
            },
          ],
        });
        state.registration = registered;
        upsertSearchAttributes([{ key: DocumentNumberAttr, value: state.registration.number }]);
        await signAndMove({
          taskId: args.taskId,
          decision: 'REGISTERED',
          opinion: `登记编号 ${state.registration.number}，有效期至 ${state.registration.validUntil}`,
          actor: args.actor,
          role: Role.LegalAffairsOfficer,
          sha256: draft.sha256,
          next: NormativeDocumentStage.Publication,
        });
        await enter(NormativeDocumentStage.Publication);
        return snapshot();
      } finally {
        state.busy = false;
      }
    },
    {
      validator: (args: RegisterDocumentArgs) => {
        requireOfficer(args.actor, 'register the document');
        requireStage(NormativeDocumentStage.Registration, 'Registration and numbering');
        requireOpenTask(args.taskId);
      },
    },
  );

  // ---- B10: unified publication (G-B10), then filing (G-B11) -----------------------------------------------------

  setHandler(
    recordPublicationUpdate,
    async (args: RecordPublicationArgs) => {
      state.busy = true;
      try {
        const draft = state.documents.DRAFT!;
        const publishedAt = new Date().toISOString();
        await acts.recordPublication({
          registerEntryId: state.registration!.registerEntryId,
          procedureId: input.procedureId,
          channel: args.channel,
          reference: args.reference,
          publishedAt,
          textSha256: draft.sha256,
          actor: args.actor,
          idempotencyKey: `${workflowId}:publication`,
        });
        state.publication = { channel: args.channel, reference: args.reference, publishedAt };
        state.expiresAt = policy.validitySeconds
          ? new Date(Date.parse(publishedAt) + policy.validitySeconds * 1000).toISOString()
          : // Valid until the end of that day, China Standard Time.
            new Date(Date.parse(`${state.registration!.validUntil}T24:00:00+08:00`)).toISOString();
        await signAndMove({
          taskId: args.taskId,
          decision: 'PUBLISHED',
          opinion: `${args.channel}：${args.reference}`,
          actor: args.actor,
          role: Role.LegalAffairsOfficer,
          sha256: draft.sha256,
          next: NormativeDocumentStage.InForce,
          status: 'IN_FORCE',
        });
        await enter(NormativeDocumentStage.InForce);
        return snapshot();
      } finally {
        state.busy = false;
      }
    },
    {
      validator: (args: RecordPublicationArgs) => {
        requireOfficer(args.actor, 'record the publication');
        requireStage(NormativeDocumentStage.Publication, 'Publication');
        requireOpenTask(args.taskId);
        requireText(args.channel, 'Say where the document was published (gazette, website, newspaper).');
        requireText(args.reference, 'Give the URL or the gazette issue of the publication.');
      },
    },
  );

  const FILING_NEXT: Record<FilingState, readonly string[]> = {
    PENDING: ['SUBMITTED'],
    SUBMITTED: ['CORRECTION_REQUESTED', 'ACCEPTED'],
    CORRECTION_REQUESTED: ['RESUBMITTED'],
    RESUBMITTED: ['CORRECTION_REQUESTED', 'ACCEPTED'],
    ACCEPTED: [],
  };

  setHandler(
    recordFilingEventUpdate,
    async (args: RecordFilingEventArgs) => {
      state.busy = true;
      try {
        const filing = state.filing!;
        await acts.recordFilingEvent({
          filingId: filing.filingId,
          event: args.event,
          note: args.note,
          actor: args.actor,
          idempotencyKey: updateKey(`filing:${args.event}`),
        });
        filing.status = args.event;
        if (args.event === 'ACCEPTED') {
          await recordSignOff({
            procedureId: input.procedureId,
            workflowId,
            taskId: state.filingTaskId,
            stage: state.stage,
            decision: 'FILING_ACCEPTED',
            opinion: args.note,
            actor: args.actor,
            actorRole: Role.LegalAffairsOfficer,
            documentSha256: state.documents.DRAFT!.sha256,
            idempotencyKey: updateKey('filing-accepted'),
            nextStage: state.stage,
            nextStatus: state.status,
          });
          if (state.openTaskId === state.filingTaskId) {
            state.openTaskId = null;
            state.dueAt = null;
            state.overdue = false;
          }
        }
        return snapshot();
      } finally {
        state.busy = false;
      }
    },
    {
      validator: (args: RecordFilingEventArgs) => {
        requireOfficer(args.actor, 'record filing events');
        requireStage(NormativeDocumentStage.InForce, 'Filing');
        const filing = state.filing;
        if (!filing) refuse(ErrorCode.WrongStage, 'The document has no filing yet.');
        if (!FILING_NEXT[filing.status].includes(args.event)) {
          refuse(
            ErrorCode.WrongStage,
            `The filing is ${filing.status}; next can only be ${FILING_NEXT[filing.status].join(' or ') || 'nothing'}.`,
          );
        }
        if (args.event === 'CORRECTION_REQUESTED') {
          requireText(args.note, 'Say what the receiving authority asked to be corrected (补正).');
        }
      },
    },
  );

  // ---- B12: repeal ------------------------------------------------------------------------------------------------

  setHandler(
    repealDocumentUpdate,
    async (args: RepealDocumentArgs) => {
      state.busy = true;
      try {
        await acts.setRegisterStatus({
          registerEntryId: state.registration!.registerEntryId,
          status: 'REPEALED',
          reason: args.reason,
          actor: args.actor,
          idempotencyKey: `${workflowId}:repeal`,
        });
        await signAndMove({
          taskId: null,
          decision: 'REPEALED',
          opinion: args.reason,
          actor: args.actor,
          role: Role.LegalAffairsOfficer,
          sha256: state.documents.DRAFT?.sha256 ?? null,
          next: NormativeDocumentStage.Repealed,
          status: 'ENDED',
        });
        await acts.endProcedure({
          procedureId: input.procedureId,
          workflowId,
          stage: NormativeDocumentStage.Repealed,
          status: 'ENDED',
          actor: args.actor,
          action: 'procedure.repealed',
          reason: args.reason,
          idempotencyKey: updateKey('repeal'),
        });
        return snapshot();
      } finally {
        state.busy = false;
      }
    },
    {
      validator: (args: RepealDocumentArgs) => {
        requireOfficer(args.actor, 'repeal a document');
        requireStage(NormativeDocumentStage.InForce, 'Repeal');
        requireText(args.reason, 'A repeal needs its reason.');
      },
    },
  );

  setHandler(cleanupDecisionSignal, (args: CleanupDecisionArgs) => {
    if (state.stage !== NormativeDocumentStage.InForce) return;
    if (args.decision === 'REPEAL') state.cleanupRepeal = args;
    else if (args.decision === 'AMEND') state.amendmentRequired = { campaignId: args.campaignId, reason: args.reason };
  });

  /** B4: waits until the comment window closes (at its end, possibly extended, or early once the minimum ran). */
  async function runPublicComment(): Promise<void> {
    await condition(() => state.commentWindow !== null || state.stage !== NormativeDocumentStage.PublicComment);
    const window = state.commentWindow;
    if (!window || state.stage !== NormativeDocumentStage.PublicComment) return;
    while (!state.closeRequested && state.stage === NormativeDocumentStage.PublicComment) {
      const revision = state.commentWindowRevision;
      const left = Date.parse(window.closesAt) - Date.now();
      if (left <= 0) break;
      await condition(() => state.commentWindowRevision !== revision || TERMINAL.has(state.stage), left);
    }
    if (state.stage !== NormativeDocumentStage.PublicComment) return;
    await condition(() => !state.busy);
    if (state.stage !== NormativeDocumentStage.PublicComment || window.closed) return;
    state.busy = true;
    try {
      const closed = await acts.closeCommentWindow({ windowId: window.windowId });
      window.closed = true;
      window.commentIds = closed.commentIds;
      await openStageTask('ANSWER_COMMENTS', '逐条答复公众意见', department, policy.drafterStepPeriod);
    } finally {
      state.busy = false;
    }
  }

  /** B12: a clean-up review decided to repeal; its sign-off is in the ledger already, so this ends the document. */
  async function repealByCleanup(decision: CleanupDecisionArgs): Promise<void> {
    await condition(() => !state.busy);
    if (state.stage !== NormativeDocumentStage.InForce) return;
    state.busy = true;
    try {
      const reason = `清理决定废止：${decision.reason}`;
      await acts.setRegisterStatus({
        registerEntryId: state.registration!.registerEntryId,
        status: 'REPEALED',
        reason,
        actor: decision.actor,
        idempotencyKey: `${workflowId}:repeal`,
      });
      await acts.endProcedure({
        procedureId: input.procedureId,
        workflowId,
        stage: NormativeDocumentStage.Repealed,
        status: 'ENDED',
        actor: decision.actor,
        action: 'procedure.repealed',
        reason,
        idempotencyKey: `${workflowId}:cleanup:${decision.campaignId}`,
      });
      moveTo(NormativeDocumentStage.Repealed, 'ENDED');
    } finally {
      state.busy = false;
    }
  }

  /** B12: evaluation before expiry, then automatic expiry, unless the document is repealed first. */
  async function runInForce(): Promise<void> {
    const inForce = () => state.stage === NormativeDocumentStage.InForce;
    const expiresMs = Date.parse(state.expiresAt!);
    const lead = policy.validitySeconds
      ? { amount: Math.max(1, Math.floor(policy.validitySeconds / 2)), unit: 'SECONDS' as const }
      : policy.evaluationLead;
    const evaluateMs = addPlain(expiresMs, lead, -1);
    const interrupted = () => !inForce() || state.cleanupRepeal !== null;
    if (evaluateMs > Date.now()) await condition(interrupted, evaluateMs - Date.now());
    if (state.cleanupRepeal && inForce()) return repealByCleanup(state.cleanupRepeal);
    if (!inForce()) return;
    await acts.openTask({
      procedureId: input.procedureId,
      workflowId,
      stage: NormativeDocumentStage.InForce,
      round: 1,
      kind: 'EVALUATION',
      title: `有效期届满前评估：${input.title}（${state.registration!.number}）`,
      legalBasis: NORMATIVE_DOCUMENT_STAGE_BASIS[NormativeDocumentStage.InForce],
      assignTo: office,
      period:
        lead.unit === 'SECONDS'
          ? { amount: Math.max(1, Math.round((expiresMs - Date.now()) / 1000)), unit: 'SECONDS' }
          : lead,
    });
    if (expiresMs > Date.now()) await condition(interrupted, expiresMs - Date.now());
    if (state.cleanupRepeal && inForce()) return repealByCleanup(state.cleanupRepeal);
    if (!inForce()) return;
    await condition(() => !state.busy);
    if (!inForce()) return;
    state.busy = true;
    try {
      await acts.setRegisterStatus({
        registerEntryId: state.registration!.registerEntryId,
        status: 'EXPIRED',
        reason: `有效期至 ${state.registration!.validUntil} 届满`,
        actor: null,
        idempotencyKey: `${workflowId}:expiry`,
      });
      await acts.endProcedure({
        procedureId: input.procedureId,
        workflowId,
        stage: NormativeDocumentStage.Expired,
        status: 'ENDED',
        actor: null,
        action: 'procedure.expired',
        reason: `有效期届满（${state.registration!.validUntil}）`,
        idempotencyKey: `${workflowId}:expiry`,
      });
      moveTo(NormativeDocumentStage.Expired, 'ENDED');
    } finally {
      state.busy = false;
    }
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
  // Stages with timers of their own run here; every other move happens in the update handlers.
  while (!TERMINAL.has(state.stage)) {
    const stage = state.stage;
    if (stage === NormativeDocumentStage.PublicComment) await runPublicComment();
    else if (stage === NormativeDocumentStage.InForce) await runInForce();
    await condition(() => (state.stage !== stage || TERMINAL.has(state.stage)) && !state.busy);
  }
  await condition(allHandlersFinished);
  return snapshot();
}
