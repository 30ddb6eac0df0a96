import {
  allHandlersFinished,
  condition,
  currentUpdateInfo,
  executeChild,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { acts, local, refuse, watchDeadline } from './activity-proxies';
import { isSha256, type DocumentKind, type DocumentVersionRef } from '../libs/domain/src/documents';
import { ErrorCode, PROCEDURE_BUSY_MESSAGE } from '../libs/domain/src/errors';
import type { Period } from '../libs/domain/src/periods';
import {
  DOCUMENT_REGISTRATION_WORKFLOW_TYPE,
  PUBLICATION_CHANNELS,
  registrationWorkflowId,
  type DocumentRegistrationWorkflow,
} from '../libs/domain/src/register';
import { OrgUnitKind, Role } from '../libs/domain/src/roles';
import {
  DepartmentAttr,
  DocumentNumberAttr,
  DueTimeAttr,
  ProcedureTypeAttr,
  StageAttr,
} from '../libs/domain/src/search-attributes';
import {
  getProcedureStateQuery,
  type Actor,
  type CommentWindowState,
  type RegistrationRecord,
  type SubmitDocumentVersionArgs,
} from '../libs/domain/src/procedures/normative-document.contract';
import {
  MD_DOCUMENT_UPLOAD_STAGES,
  DECREE_713,
  MAJOR_DECISION,
  MAJOR_DECISION_STAGE_BASIS,
  MAJOR_DECISION_STAGE_ORDER,
  MAJOR_DECISION_TERMINAL_STAGES,
  MajorDecisionStage as Stage,
  getMajorDecisionStateQuery,
  majorStageName,
  mdAddExpertOpinionUpdate,
  mdAnswerCommentUpdate,
  mdArchiveUpdate,
  mdAwaitSettledUpdate,
  mdCloseCommentWindowUpdate,
  mdCloseDecisionUpdate,
  mdCompleteExpertsUpdate,
  mdCompletePublicParticipationUpdate,
  mdDecideLaunchUpdate,
  mdGiveLegalityOpinionUpdate,
  mdOpenCommentWindowUpdate,
  mdRecordConsultationUpdate,
  mdRecordEvaluationUpdate,
  mdRecordExecutionReportUpdate,
  mdRecordHearingUpdate,
  mdRecordMeetingUpdate,
  mdRecordPartyReportUpdate,
  mdRecordPublicationUpdate,
  mdRecordRiskAssessmentUpdate,
  mdRegisterDocumentUpdate,
  mdResumeExecutionUpdate,
  mdStartAdjustmentUpdate,
  mdSubmitDocumentVersionUpdate,
  mdSubmitDraftOptionsUpdate,
  mdSubmitForLegalityReviewUpdate,
  mdSubmitMeetingPackageUpdate,
  mdSuspendExecutionUpdate,
  scopeRefusal,
  type AnswerDecisionCommentArgs,
  type CompleteExpertsArgs,
  type ConsultationArgs,
  type DecideLaunchArgs,
  type DecisionActorArgs,
  type DecisionLegalityOpinionArgs,
  type DecisionPublicationArgs,
  type DecisionTaskArgs,
  type DraftOptionsArgs,
  type EvaluationArgs,
  type ExecutionReportArgs,
  type ExpertOpinionArgs,
  type HearingArgs,
  type MeetingPackageArgs,
  type OpenDecisionCommentArgs,
  type PartyReportArgs,
  type ReasonArgs,
  type RecordMeetingArgs,
  type RiskAssessmentArgs,
  type SubmitLegalityArgs,
  type ExpertRecord,
  type HearingRecord,
  type LegalityOpinion,
  type MajorDecisionInput,
  type MajorDecisionSnapshot,
  type MeetingMinutes,
  type MemberPositionRecord,
  type PublicationRecord,
  type RiskReport,
  type StepRecord,
} from '../libs/domain/src/procedures/major-decision.contract';

const TERMINAL: ReadonlySet<Stage> = new Set(MAJOR_DECISION_TERMINAL_STAGES);

/** Stages in which the undertaking unit may add a document version (a draft option, a revised draft). */
const DOCUMENT_STAGES: ReadonlySet<Stage> = new Set(MD_DOCUMENT_UPLOAD_STAGES);

/** Statements of a refusal name the article they rest on (G-A1…G-A17). */
const A = (article: string) => `${DECREE_713} ${article}`;

/** A period's length in milliseconds where the workflow can count it itself; working days count as calendar days. */
function roughMs(period: Period): number {
  return period.amount * (period.unit === 'SECONDS' ? 1000 : 24 * 3600 * 1000);
}

/**
 * A major administrative decision (重大行政决策) under Decree 713, from scope classification to execution (A1–A16).
 *
 * Each stage is a gate naming its article: a human step arrives as an Update whose validator refuses what the stage
 * does not allow (nothing is written to history); its handler signs the step into the hash-chained ledger through
 * `recordDecision` and opens the next stage's task. Conditional stages (experts, risk) run when the classification
 * says so. Soft rules ("一般", "注重") are recorded as warnings, never silently dropped. A decision that is also a
 * normative document continues after publication into registration and numbering (dual track).
 */
export async function majorDecisionWorkflow(input: MajorDecisionInput): Promise<MajorDecisionSnapshot> {
  const { workflowId } = workflowInfo();
  const policy = input.policy;
  const cls = input.classification;
  const fresh = () => ({
    options: [] as { label: string; sha256: string }[],
    consultation: null as MajorDecisionSnapshot['consultation'],
    commentWindow: null as CommentWindowState | null,
    commentRevision: 0,
    closeRequested: false,
    hearing: null as HearingRecord | null,
    experts: [] as ExpertRecord[],
    expertAdoption: null as string | null,
    risk: null as RiskReport | null,
    /** The draft version rated uncontrollable: a re-rating needs a different (adjusted) draft (Art 24). */
    uncontrollableSha: null as string | null,
    legalityOpinions: [] as LegalityOpinion[],
    reviewTaskId: null as string | null,
    reviewMinimumEndsAt: null as string | null,
    minutes: null as MeetingMinutes | null,
    partyReport: null as MajorDecisionSnapshot['partyReport'],
    publication: null as PublicationRecord | null,
    archived: false,
  });
  const state = {
    stage: Stage.ScopeClassification,
    status: 'ACTIVE' as MajorDecisionSnapshot['status'],
    openTaskId: null as string | null,
    dueAt: null as string | null,
    overdue: false,
    settled: false,
    busy: false,
    round: 1,
    undertakingUnitId: null as string | null,
    leadUnitId: null as string | null,
    documents: {} as Partial<Record<DocumentKind, DocumentVersionRef>>,
    registration: null as RegistrationRecord | null,
    executionReports: [] as MajorDecisionSnapshot['executionReports'],
    evaluations: [] as MajorDecisionSnapshot['evaluations'],
    suspension: null as MajorDecisionSnapshot['suspension'],
    steps: [] as StepRecord[],
    warnings: [] as string[],
    taskRounds: {} as Record<string, number>,
    r: fresh(),
  };

  const snapshot = (): MajorDecisionSnapshot => ({
    procedureId: input.procedureId,
    workflowId,
    stage: state.stage,
    status: state.status,
    openTaskId: state.openTaskId,
    dueAt: state.dueAt,
    overdue: state.overdue,
    round: state.round,
    classification: cls,
    undertakingUnitId: state.undertakingUnitId,
    leadUnitId: state.leadUnitId,
    documents: { ...state.documents },
    options: [...state.r.options],
    consultation: state.r.consultation,
    commentWindow: state.r.commentWindow
      ? {
          ...state.r.commentWindow,
          commentIds: [...state.r.commentWindow.commentIds],
          answeredIds: [...state.r.commentWindow.answeredIds],
        }
      : null,
    hearing: state.r.hearing,
    experts: [...state.r.experts],
    risk: state.r.risk,
    legalityOpinions: [...state.r.legalityOpinions],
    reviewMinimumEndsAt: state.r.reviewMinimumEndsAt,
    minutes: state.r.minutes,
    partyReport: state.r.partyReport,
    publication: state.r.publication,
    registration: state.registration,
    archived: state.r.archived,
    executionReports: [...state.executionReports],
    evaluations: [...state.evaluations],
    suspension: state.suspension,
    steps: [...state.steps],
    warnings: [...state.warnings],
    waitingFor: waitingFor(),
  });

  /** What the procedure waits for, in the words an officer would use. */
  function waitingFor(): string | null {
    switch (state.stage) {
      case Stage.ScopeClassification:
        return '决策事项范围界定';
      case Stage.Launch:
        return '决策机关作出启动决定并确定决策承办单位';
      case Stage.Drafting:
        return '决策承办单位拟订决策草案（一个或多个方案）';
      case Stage.Consultation:
        return '决策承办单位与有关部门协商（无共识时报送争议说明）';
      case Stage.PublicParticipation:
        if (!state.r.commentWindow) return '决策承办单位公开征求意见';
        if (!state.r.commentWindow.closed) return `公开征求意见，至 ${state.r.commentWindow.closesAt} 截止`;
        return '逐条答复公众意见';
      case Stage.ExpertArgumentation:
        return '组织专家论证，收取签名的书面论证意见';
      case Stage.RiskAssessment:
        return state.r.uncontrollableSha
          ? '风险不可控：调整决策草案后重新评估（第二十四条）'
          : '开展风险评估，形成风险评估报告';
      case Stage.LegalityReview: {
        const last = state.r.legalityOpinions[state.r.legalityOpinions.length - 1];
        if (state.r.reviewTaskId) return '合法性审查机构（法律顾问、公职律师）出具审查意见';
        if (last) return `合法性审查意见为 ${last.conclusion}：修改草案后重新报送审查`;
        return '决策承办单位报送合法性审查';
      }
      case Stage.MeetingPackage:
        return '决策承办单位提交审议材料';
      case Stage.CollectiveDiscussion:
        return '政府常务会议或者全体会议讨论，行政首长最后发表意见并作出决定';
      case Stage.PartyReport:
        return '向同级党委请示报告';
      case Stage.Publication:
        return '决策公布';
      case Stage.Registration:
        return '规范性文件统一登记、统一编号';
      case Stage.Archive:
        return '决策档案归档';
      case Stage.Execution:
        return '决策执行（执行情况报告、决策后评估）';
      case Stage.Suspended:
        return '决策已中止执行：恢复执行或者启动调整程序';
      case Stage.OutOfScope:
      case Stage.NotLaunched:
      case Stage.NotAdopted:
      case Stage.Closed:
        return null;
    }
  }

  setHandler(getMajorDecisionStateQuery, snapshot);
  // The generic procedure endpoints (detail, document upload) ask every procedure under this name.
  setHandler(getProcedureStateQuery, () => snapshot() as never);
  setHandler(mdAwaitSettledUpdate, async () => {
    await condition(() => state.settled && !state.busy);
    return snapshot();
  });

  // ---- Guards shared by every step -------------------------------------------------------------------------------

  function requireUndertaker(actor: Actor, what: string): void {
    const unit = state.undertakingUnitId;
    if (unit === null) {
      refuse(
        ErrorCode.WrongStage,
        `No undertaking unit has been named: the launch decision (${majorStageName(Stage.Launch)}) comes first (G-A3); ` +
          `the procedure is in stage ${state.stage}.`,
      );
    }
    const isUnit = actor.unitId === unit || (state.leadUnitId !== null && actor.unitId === state.leadUnitId);
    if (!actor.roles.includes(Role.Drafter) || !isUnit) {
      refuse(ErrorCode.Forbidden, `Only the undertaking unit (决策承办单位, ${A('第十一条')}) can ${what}.`);
    }
  }
  function requireRole(actor: Actor, roles: Role[], who: string, what: string): void {
    if (!roles.some((r) => actor.roles.includes(r))) refuse(ErrorCode.Forbidden, `Only ${who} can ${what}.`);
  }
  function requireStage(expected: Stage, what: string): void {
    if (TERMINAL.has(state.stage)) refuse(ErrorCode.WrongStage, `The procedure has already ended (${state.stage}).`);
    if (state.stage !== expected) {
      refuse(
        ErrorCode.WrongStage,
        `${what} belongs to stage ${majorStageName(expected)}; the procedure is in stage ` +
          `${majorStageName(state.stage)} and waits for: ${waitingFor() ?? '—'}.`,
      );
    }
    if (state.busy) refuse(ErrorCode.WrongStage, PROCEDURE_BUSY_MESSAGE);
  }
  function requireTask(taskId: string): void {
    if (!state.openTaskId || taskId !== state.openTaskId) {
      refuse(ErrorCode.TaskClosed, `Task ${taskId} is not the open task of stage ${state.stage} of this procedure.`);
    }
  }
  function requireText(value: string | undefined | null, message: string): void {
    if (!value || value.trim().length === 0) refuse(ErrorCode.RuleViolation, message);
  }
  function updateKey(suffix: string): string {
    return currentUpdateInfo()?.id ?? `${workflowId}:${state.round}:${state.stage}:${suffix}`;
  }
  /** Runs a handler with the procedure marked busy, so a second action waits for the first to land. */
  async function busy(fn: () => Promise<void>): Promise<MajorDecisionSnapshot> {
    state.busy = true;
    try {
      await fn();
      return snapshot();
    } finally {
      state.busy = false;
    }
  }

  // ---- Tasks, sign-offs and moves --------------------------------------------------------------------------------

  const government = { unitKind: OrgUnitKind.Government };
  const office = { unitKind: OrgUnitKind.LegalAffairsOffice };
  const undertaker = () => ({ unitId: state.undertakingUnitId ?? input.departmentId });

  async function openStageTask(
    kind: string,
    title: string,
    assignTo: { unitId: string } | { unitKind: OrgUnitKind },
    period: Period,
  ): Promise<string> {
    const stage = state.stage;
    const key = `${state.round}:${stage}`;
    state.taskRounds[key] = (state.taskRounds[key] ?? 0) + 1;
    const task = await acts.openTask({
      procedureId: input.procedureId,
      workflowId,
      stage,
      // Task rows are keyed by (workflow, stage, round): an adjustment's rounds come after the original's.
      round: (state.round - 1) * 100 + state.taskRounds[key],
      kind,
      title: `${title}：${input.title}`,
      legalBasis: MAJOR_DECISION_STAGE_BASIS[stage],
      assignTo,
      period,
    });
    adoptTask(task.taskId, task.dueAt);
    return task.taskId;
  }

  function adoptTask(taskId: string, dueAt: string | null): void {
    state.openTaskId = taskId;
    state.dueAt = dueAt;
    state.overdue = false;
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

  /** Signs a step into the ledger (closing `taskId`) and, when `next` is given, moves the procedure there. */
  async function sign(o: {
    taskId: string | null;
    decision: string;
    opinion: string;
    actor: Actor;
    role: Role;
    sha256?: string | null;
    next?: Stage;
    status?: MajorDecisionSnapshot['status'];
  }): Promise<{ ledgerSeq: string; hash: string }> {
    const next = o.next ?? state.stage;
    const status = o.status ?? (TERMINAL.has(next) ? 'ENDED' : 'ACTIVE');
    const entry = await local.recordDecision({
      procedureId: input.procedureId,
      workflowId,
      taskId: o.taskId,
      stage: state.stage,
      decision: o.decision,
      opinion: o.opinion,
      actor: o.actor,
      actorRole: o.role,
      documentSha256: o.sha256 ?? state.documents.DRAFT?.sha256 ?? null,
      idempotencyKey: updateKey(o.decision),
      nextStage: next,
      nextStatus: status,
    });
    state.steps.push({
      stage: state.stage,
      round: state.round,
      decision: o.decision,
      actorName: o.actor.displayName,
      at: new Date().toISOString(),
    });
    if (o.taskId && o.taskId === state.openTaskId) {
      state.openTaskId = null;
      state.dueAt = null;
    }
    if (o.next) moveTo(o.next, status);
    return entry;
  }

  function moveTo(stage: Stage, status: MajorDecisionSnapshot['status']): void {
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

  /** The stage after `stage`, skipping the conditional ones this matter does not need. */
  function nextAfter(stage: Stage): Stage {
    const order = MAJOR_DECISION_STAGE_ORDER;
    for (let i = order.indexOf(stage) + 1; i < order.length; i++) {
      const s = order[i];
      if (s === Stage.ExpertArgumentation && !cls.professional) continue;
      if (s === Stage.RiskAssessment && !cls.riskFlagged) continue;
      if (s === Stage.Registration && (!cls.alsoNormativeDocument || state.registration)) continue;
      return s;
    }
    return Stage.Execution;
  }

  /** Opens what a stage needs when the procedure enters it. */
  async function enter(stage: Stage): Promise<void> {
    const step = policy.undertakerStepPeriod;
    switch (stage) {
      case Stage.Drafting:
        return void (await openStageTask('MD_DRAFTING', '拟订决策草案', undertaker(), step));
      case Stage.Consultation:
        return void (await openStageTask('MD_CONSULTATION', '征求有关部门意见', undertaker(), step));
      case Stage.PublicParticipation:
        return void (await openStageTask('MD_PUBLIC_PARTICIPATION', '公众参与', undertaker(), step));
      case Stage.ExpertArgumentation:
        return void (await openStageTask('MD_EXPERTS', '专家论证', undertaker(), step));
      case Stage.RiskAssessment:
        return void (await openStageTask('MD_RISK', '风险评估', undertaker(), step));
      case Stage.LegalityReview:
        return void (await openStageTask('MD_SUBMIT_LEGALITY', '报送合法性审查', undertaker(), step));
      case Stage.MeetingPackage:
        return void (await openStageTask('MD_MEETING_PACKAGE', '提交审议材料', undertaker(), step));
      case Stage.CollectiveDiscussion:
        return void (await openStageTask('MD_MEETING', '集体讨论决定', government, policy.organStepPeriod));
      case Stage.PartyReport:
        return void (await openStageTask('MD_PARTY_REPORT', '向同级党委请示报告', government, policy.organStepPeriod));
      case Stage.Publication:
        return void (await openStageTask('MD_PUBLICATION', '决策公布', government, policy.organStepPeriod));
      case Stage.Registration:
        return void (await openStageTask('MD_REGISTRATION', '统一登记、统一编号', office, policy.organStepPeriod));
      case Stage.Archive:
        return void (await openStageTask('MD_ARCHIVE', '决策档案归档', office, policy.organStepPeriod));
      // Entered through their own updates, or terminal: nothing to open.
      case Stage.ScopeClassification:
      case Stage.Launch:
      case Stage.Execution:
      case Stage.Suspended:
      case Stage.OutOfScope:
      case Stage.NotLaunched:
      case Stage.NotAdopted:
      case Stage.Closed:
        return;
    }
  }

  async function advance(): Promise<void> {
    const next = nextAfter(state.stage);
    moveTo(next, 'ACTIVE');
    await acts.setStage({ workflowId, stage: next, status: 'ACTIVE' });
    await enter(next);
  }

  // ---- A1–A2: launch decision (G-A3) -----------------------------------------------------------------------------

  setHandler(
    mdDecideLaunchUpdate,
    (args: DecideLaunchArgs) =>
      busy(async () => {
        if (args.launch) {
          state.undertakingUnitId = args.undertakingUnitId!;
          state.leadUnitId = args.leadUnitId ?? null;
          await sign({
            taskId: args.taskId,
            decision: 'LAUNCHED',
            opinion: `${args.reason}\n决策承办单位：${args.undertakingUnitId}${args.leadUnitId ? `；牵头单位：${args.leadUnitId}` : ''}`,
            actor: args.actor,
            role: Role.Leader,
            next: Stage.Drafting,
          });
          await enter(Stage.Drafting);
        } else {
          await sign({
            taskId: args.taskId,
            decision: 'NOT_LAUNCHED',
            opinion: args.reason,
            actor: args.actor,
            role: Role.Leader,
            next: Stage.NotLaunched,
          });
        }
      }),
    {
      validator: (args: DecideLaunchArgs) => {
        requireRole(args.actor, [Role.Leader], 'a leader of the decision organ', 'decide whether to launch a matter');
        requireStage(Stage.Launch, 'The launch decision');
        requireTask(args.taskId);
        requireText(args.reason, 'The launch decision needs its reasons.');
        if (args.launch && !args.undertakingUnitId) {
          refuse(
            ErrorCode.RuleViolation,
            `A launch decision must name the undertaking unit (决策承办单位): no drafting before it (G-A3, ${A('第十一条')}).`,
          );
        }
      },
    },
  );

  // ---- Document versions (drafts, revised drafts) ----------------------------------------------------------------

  setHandler(
    mdSubmitDocumentVersionUpdate,
    (args: SubmitDocumentVersionArgs) =>
      busy(async () => {
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
      }),
    {
      validator: (args: SubmitDocumentVersionArgs) => {
        requireUndertaker(args.actor, 'add document versions');
        if (!DOCUMENT_STAGES.has(state.stage) || state.busy) {
          refuse(
            ErrorCode.WrongStage,
            `Documents can be added from drafting to the meeting package; the procedure is in stage ${state.stage}.`,
          );
        }
        if (state.stage === Stage.LegalityReview && state.r.reviewTaskId) {
          refuse(
            ErrorCode.WrongStage,
            'The draft is under legality review; it cannot change until the opinion is given.',
          );
        }
        if (!isSha256(args.sha256)) refuse(ErrorCode.ValidationFailed, 'sha256 must be 64 lowercase hex digits.');
        if (state.documents[args.kind]?.sha256 === args.sha256) {
          refuse(ErrorCode.RuleViolation, `These bytes are already the current ${args.kind} version.`);
        }
      },
    },
  );

  // ---- A3: drafting --------------------------------------------------------------------------------------------

  setHandler(
    mdSubmitDraftOptionsUpdate,
    (args: DraftOptionsArgs) =>
      busy(async () => {
        state.r.options = args.options.map((o) => ({ label: o.label, sha256: o.sha256 }));
        await sign({
          taskId: state.openTaskId,
          decision: 'DRAFTED',
          opinion:
            `方案：${args.options.map((o) => `${o.label}（${o.sha256}）`).join('；')}\n法律法规规章政策清单：${args.lawInventory}` +
            (args.costBenefit ? `\n成本效益分析：${args.costBenefit}` : ''),
          actor: args.actor,
          role: Role.Drafter,
        });
        await advance();
      }),
    {
      validator: (args: DraftOptionsArgs) => {
        requireUndertaker(args.actor, 'submit the draft');
        requireStage(Stage.Drafting, 'Submitting the draft options');
        if (!state.documents.DRAFT) {
          refuse(ErrorCode.RuleViolation, `Upload the draft (DRAFT) first (${A('第十二条')}).`);
        }
        if (!Array.isArray(args.options) || args.options.length === 0) {
          refuse(ErrorCode.RuleViolation, `A draft needs at least one option (${A('第十二条')}).`);
        }
        for (const o of args.options) {
          requireText(o.label, 'Every option needs a label.');
          if (!isSha256(o.sha256)) {
            refuse(ErrorCode.ValidationFailed, `Option ${o.label}: sha256 must be 64 hex digits.`);
          }
        }
        requireText(
          args.lawInventory,
          `The draft needs the inventory of relevant laws and policies (${A('第十二条')}).`,
        );
      },
    },
  );

  // ---- A4: inter-agency consultation -----------------------------------------------------------------------------

  setHandler(
    mdRecordConsultationUpdate,
    (args: ConsultationArgs) =>
      busy(async () => {
        state.r.consultation = {
          consulted: [...args.consulted],
          consensus: args.consensus,
          disputeMemo: args.disputeMemo?.trim() || null,
        };
        await sign({
          taskId: state.openTaskId,
          decision: args.consensus ? 'CONSULTED_CONSENSUS' : 'CONSULTED_DISPUTE_MEMO',
          opinion: `征求意见单位：${args.consulted.join('、')}${args.consensus ? '；意见一致' : `\n争议说明：${args.disputeMemo}`}`,
          actor: args.actor,
          role: Role.Drafter,
        });
        await advance();
      }),
    {
      validator: (args: ConsultationArgs) => {
        requireUndertaker(args.actor, 'record the consultation');
        requireStage(Stage.Consultation, 'The inter-agency consultation');
        if (!Array.isArray(args.consulted) || args.consulted.length === 0) {
          refuse(ErrorCode.RuleViolation, `Name the departments consulted (${A('第十三条')}).`);
        }
        if (!args.consensus) {
          requireText(
            args.disputeMemo,
            `Without consensus the decision organ needs a dispute memo: the issues, each side's view, the undertaker's ` +
              `view with reasons and basis (${A('第十三条')}).`,
          );
        }
      },
    },
  );

  // ---- A5: public participation (G-A4, G-A5) --------------------------------------------------------------------

  setHandler(
    mdOpenCommentWindowUpdate,
    (args: OpenDecisionCommentArgs) =>
      busy(async () => {
        const draft = state.documents.DRAFT!;
        const reason = args.shortenedReason?.trim() || null;
        const window = await acts.openCommentWindow({
          procedureId: input.procedureId,
          workflowId,
          title: input.title,
          draftVersionId: draft.versionId,
          draftSha256: draft.sha256,
          period: args.period ?? policy.commentMinimum,
          minimumPeriod: policy.commentMinimum,
          shortenedReason: reason,
          idempotencyKey: `${workflowId}:comment-window:${state.round}`,
        });
        await sign({
          taskId: null,
          decision: 'PUBLISHED_FOR_COMMENT',
          opinion: reason
            ? `征求意见至 ${window.closesAt}（缩短理由，随公告公布：${reason}）`
            : `征求意见至 ${window.closesAt}`,
          actor: args.actor,
          role: Role.Drafter,
        });
        state.r.commentWindow = {
          windowId: window.windowId,
          opensAt: window.opensAt,
          closesAt: window.closesAt,
          // A window shortened with a published reason may close at its own (earlier) end.
          minimumClosesAt: reason ? window.closesAt : window.minimumClosesAt,
          shortenedReason: reason,
          closed: false,
          commentIds: [],
          answeredIds: [],
        };
      }),
    {
      validator: (args: OpenDecisionCommentArgs) => {
        requireUndertaker(args.actor, 'publish the draft for comment');
        requireStage(Stage.PublicParticipation, 'Publishing the draft for comment');
        if (state.r.commentWindow) refuse(ErrorCode.WrongStage, 'The draft has already been published for comment.');
        if (args.shortenedReason !== undefined) {
          requireText(
            args.shortenedReason,
            'A shortened comment period needs its reason, which is published with the notice.',
          );
        }
        if (args.period && roughMs(args.period) < roughMs(policy.commentMinimum) && !args.shortenedReason?.trim()) {
          refuse(
            ErrorCode.RuleViolation,
            `Open consultation lasts at least ${policy.commentMinimum.amount} ${policy.commentMinimum.unit}; a shorter ` +
              `period needs its reason published in the consultation notice (G-A4, ${A('第十五条')}).`,
          );
        }
      },
    },
  );

  setHandler(
    mdCloseCommentWindowUpdate,
    async (_args: DecisionActorArgs) => {
      state.r.closeRequested = true;
      state.r.commentRevision++;
      await condition(() => state.r.commentWindow?.closed === true);
      return snapshot();
    },
    {
      validator: (args: DecisionActorArgs) => {
        requireUndertaker(args.actor, 'close the comment period');
        requireStage(Stage.PublicParticipation, 'Closing the comment period');
        const window = state.r.commentWindow;
        if (!window || window.closed) refuse(ErrorCode.WrongStage, 'There is no open comment window to close.');
        if (Date.now() < Date.parse(window.minimumClosesAt)) {
          refuse(
            ErrorCode.RuleViolation,
            `The comment window may not close before ${window.minimumClosesAt} (G-A4, ${A('第十五条')}).`,
          );
        }
      },
    },
  );

  setHandler(
    mdAnswerCommentUpdate,
    (args: AnswerDecisionCommentArgs) =>
      busy(async () => {
        const window = state.r.commentWindow!;
        await acts.answerComment({
          windowId: window.windowId,
          commentId: args.commentId,
          answer: args.answer,
          reason: args.reason,
          actor: args.actor,
          idempotencyKey: updateKey(`answer:${args.commentId}`),
        });
        if (!window.answeredIds.includes(args.commentId)) window.answeredIds.push(args.commentId);
      }),
    {
      validator: (args: AnswerDecisionCommentArgs) => {
        requireUndertaker(args.actor, 'answer public opinions');
        requireStage(Stage.PublicParticipation, 'Answering public opinions');
        const window = state.r.commentWindow;
        if (!window || !window.closed) {
          refuse(ErrorCode.WrongStage, 'Opinions are answered once the comment window has closed.');
        }
        if (!window.commentIds.includes(args.commentId)) {
          refuse(ErrorCode.NotFound, `Opinion ${args.commentId} was not received in this procedure's window.`);
        }
        if (args.answer !== 'ADOPTED') {
          requireText(args.reason, `An opinion not (fully) adopted needs the reason (${A('第十四条')}).`);
        }
      },
    },
  );

  setHandler(
    mdRecordHearingUpdate,
    (args: HearingArgs) =>
      busy(async () => {
        state.r.hearing = {
          materialsDeliveredAt: args.materialsDeliveredAt,
          participantListPublishedAt: args.participantListPublishedAt,
          heldAt: args.heldAt,
          participants: [...args.participants],
          signedRecordSha256: args.signedRecordSha256,
        };
        await sign({
          taskId: null,
          decision: 'HEARING_HELD',
          opinion: `听证会 ${args.heldAt}；材料送达 ${args.materialsDeliveredAt}；参加人 ${args.participants.join('、')}；听证笔录经参加人签字`,
          actor: args.actor,
          role: Role.Drafter,
          sha256: args.signedRecordSha256,
        });
      }),
    {
      validator: (args: HearingArgs) => {
        requireUndertaker(args.actor, 'record a hearing');
        requireStage(Stage.PublicParticipation, 'A hearing');
        const delivered = Date.parse(args.materialsDeliveredAt);
        const listed = Date.parse(args.participantListPublishedAt);
        const held = Date.parse(args.heldAt);
        if ([delivered, listed, held].some(Number.isNaN)) {
          refuse(ErrorCode.ValidationFailed, 'Hearing times must be ISO dates.');
        }
        if (held - delivered < roughMs(policy.hearingNotice)) {
          refuse(
            ErrorCode.RuleViolation,
            `Hearing materials must reach participants at least ${policy.hearingNotice.amount} ${policy.hearingNotice.unit} ` +
              `before the hearing (G-A5, ${A('第十六条')}).`,
          );
        }
        if (listed > held) {
          refuse(
            ErrorCode.RuleViolation,
            `The participant list is published before the hearing (G-A5, ${A('第十六条')}).`,
          );
        }
        if (!Array.isArray(args.participants) || args.participants.length === 0) {
          refuse(ErrorCode.RuleViolation, `A hearing needs its participant list (${A('第十六条')}).`);
        }
        if (!isSha256(args.signedRecordSha256)) {
          refuse(
            ErrorCode.RuleViolation,
            `The hearing record must be signed by the participants: give the SHA-256 of the signed record (G-A5, ${A('第十七条')}).`,
          );
        }
      },
    },
  );

  setHandler(
    mdCompletePublicParticipationUpdate,
    (args: DecisionActorArgs) =>
      busy(async () => {
        const w = state.r.commentWindow!;
        await sign({
          taskId: state.openTaskId,
          decision: 'PUBLIC_OPINIONS_ANSWERED',
          opinion: `公开征求意见 ${w.opensAt}—${w.closesAt}，收到意见 ${w.commentIds.length} 条，已逐条答复${state.r.hearing ? '；已举行听证' : ''}`,
          actor: args.actor,
          role: Role.Drafter,
        });
        await advance();
      }),
    {
      validator: (args: DecisionActorArgs) => {
        requireUndertaker(args.actor, 'complete public participation');
        requireStage(Stage.PublicParticipation, 'Completing public participation');
        const w = state.r.commentWindow;
        if (!w || !w.closed) {
          refuse(
            ErrorCode.RuleViolation,
            `Public participation needs a closed open-consultation window (${A('第十四条、第十五条')}).`,
          );
        }
        const open = w.commentIds.filter((id) => !w.answeredIds.includes(id));
        if (open.length > 0) {
          refuse(ErrorCode.RuleViolation, `Every opinion must be answered; ${open.length} are not (${A('第十四条')}).`);
        }
      },
    },
  );

  // ---- A6: expert argumentation (G-A6) ---------------------------------------------------------------------------

  setHandler(
    mdAddExpertOpinionUpdate,
    (args: ExpertOpinionArgs) =>
      busy(async () => {
        state.r.experts.push({ ...args.expert });
        await sign({
          taskId: null,
          decision: 'EXPERT_OPINION',
          opinion: `${args.expert.name}（${args.expert.affiliation}${args.expert.dissenting ? '，持不同意见' : ''}）：${args.expert.opinion}`,
          actor: args.actor,
          role: Role.Drafter,
          sha256: args.expert.signedSha256,
        });
      }),
    {
      validator: (args: ExpertOpinionArgs) => {
        requireUndertaker(args.actor, 'record expert opinions');
        requireStage(Stage.ExpertArgumentation, 'An expert opinion');
        const e = args.expert;
        requireText(e?.name, 'The expert needs a name.');
        if (e.declaredInterest) {
          refuse(
            ErrorCode.RuleViolation,
            `Expert ${e.name} declared a direct interest in the matter and is excluded (G-A6, ${A('第二十条')}).`,
          );
        }
        requireText(e.opinion, 'The expert opinion needs its text.');
        if (!isSha256(e.signedSha256)) {
          refuse(
            ErrorCode.RuleViolation,
            `A written expert opinion must be signed or sealed: give the SHA-256 of the signed opinion (${A('第二十一条')}).`,
          );
        }
      },
    },
  );

  setHandler(
    mdCompleteExpertsUpdate,
    (args: CompleteExpertsArgs) =>
      busy(async () => {
        state.r.expertAdoption = args.adoption;
        if (!args.dissentingInvited && !state.r.experts.some((e) => e.dissenting)) {
          state.warnings.push(
            `G-A6: no expert holding a dissenting view was invited (${A('第二十条')} "注重选择持不同意见的").`,
          );
        }
        await sign({
          taskId: state.openTaskId,
          decision: 'EXPERTS_ARGUED',
          opinion: `专家 ${state.r.experts.length} 人；意见采纳情况：${args.adoption}`,
          actor: args.actor,
          role: Role.Drafter,
        });
        await advance();
      }),
    {
      validator: (args: CompleteExpertsArgs) => {
        requireUndertaker(args.actor, 'complete expert argumentation');
        requireStage(Stage.ExpertArgumentation, 'Completing expert argumentation');
        if (state.r.experts.length === 0) {
          refuse(
            ErrorCode.RuleViolation,
            `A professional or technical matter needs expert argumentation (G-A6, ${A('第十九条')}).`,
          );
        }
        requireText(args.adoption, `State how the experts' opinions were adopted (${A('第二十九条')}).`);
      },
    },
  );

  // ---- A7: risk assessment (G-A7) --------------------------------------------------------------------------------

  setHandler(
    mdRecordRiskAssessmentUpdate,
    (args: RiskAssessmentArgs) =>
      busy(async () => {
        const draftSha = state.documents.DRAFT!.sha256;
        state.r.risk = {
          riskPoints: args.riskPoints,
          measures: args.measures,
          contingencyPlan: args.contingencyPlan,
          level: args.level,
          method: args.method,
          controllable: args.controllable,
          draftSha256: draftSha,
        };
        if (!args.controllable) {
          state.r.uncontrollableSha = draftSha;
          await sign({
            taskId: null,
            decision: 'RISK_UNCONTROLLABLE',
            opinion: `风险等级 ${args.level}（${args.method}）：风险不可控，调整决策草案后重新评估\n风险点：${args.riskPoints}`,
            actor: args.actor,
            role: Role.Drafter,
          });
          return;
        }
        state.r.uncontrollableSha = null;
        await sign({
          taskId: state.openTaskId,
          decision: 'RISK_CONTROLLABLE',
          opinion: `风险等级 ${args.level}（${args.method}）：风险可控\n风险点：${args.riskPoints}\n防范措施：${args.measures}\n处置预案：${args.contingencyPlan}`,
          actor: args.actor,
          role: Role.Drafter,
        });
        await advance();
      }),
    {
      validator: (args: RiskAssessmentArgs) => {
        requireUndertaker(args.actor, 'record the risk assessment');
        requireStage(Stage.RiskAssessment, 'The risk assessment');
        requireText(args.riskPoints, `The risk report names the risk points (${A('第二十三条')}).`);
        requireText(args.measures, `The risk report names the prevention measures (${A('第二十三条')}).`);
        requireText(args.contingencyPlan, `The risk report has a contingency plan (${A('第二十三条')}).`);
        requireText(args.level, 'The risk report states the risk level.');
        requireText(args.method, 'The risk report states the method or standard the level was judged by.');
        if (state.r.uncontrollableSha && state.documents.DRAFT?.sha256 === state.r.uncontrollableSha) {
          refuse(
            ErrorCode.RuleViolation,
            `The risk was judged uncontrollable: adjust the draft (a new DRAFT version) before re-rating it (G-A7, ${A('第二十四条')}).`,
          );
        }
      },
    },
  );

  // ---- A8: legality review (G-A8, G-A9, G-A10) -------------------------------------------------------------------

  setHandler(
    mdSubmitForLegalityReviewUpdate,
    (args: SubmitLegalityArgs) =>
      busy(async () => {
        const draft = state.documents.DRAFT!;
        await sign({
          taskId: state.openTaskId,
          decision: 'SUBMITTED_FOR_LEGALITY_REVIEW',
          opinion: `依据：${args.basisStatement}\n履行法定程序情况：${args.proceduresPerformed}`,
          actor: args.actor,
          role: Role.Drafter,
        });
        const round = state.r.legalityOpinions.length + 1 + (state.round - 1) * 100;
        // G-A9: the review goes to a legal adviser or government lawyer, routed by the routing rules.
        const task = await acts.routeTask({
          procedureId: input.procedureId,
          workflowId,
          stage: Stage.LegalityReview,
          round,
          kind: 'MD_LEGALITY_REVIEW',
          title: `合法性审查：${input.title}（草案第${draft.version}稿）`,
          legalBasis: MAJOR_DECISION_STAGE_BASIS[Stage.LegalityReview],
          period: policy.legalityReviewPeriod,
          departmentId: state.undertakingUnitId ?? input.departmentId,
          drafterIds: [args.actor.userId],
          expertise: [],
          subjectVersionId: draft.versionId,
        });
        state.r.reviewTaskId = task.taskId;
        // G-A10: the reviewer is left at least this long from complete materials (a warning at the meeting if not).
        state.r.reviewMinimumEndsAt = (
          await acts.computeDeadline({ from: new Date().toISOString(), period: policy.legalityReviewMinimum })
        ).dueAt;
        adoptTask(task.taskId, task.dueAt);
      }),
    {
      validator: (args: SubmitLegalityArgs) => {
        requireUndertaker(args.actor, 'submit the draft for legality review');
        requireStage(Stage.LegalityReview, 'Submitting for legality review');
        if (state.r.reviewTaskId) refuse(ErrorCode.WrongStage, 'The draft is already under legality review.');
        const last = state.r.legalityOpinions[state.r.legalityOpinions.length - 1];
        if (last && last.reviewedSha256 === state.documents.DRAFT?.sha256) {
          refuse(
            ErrorCode.RuleViolation,
            `The opinion was ${last.conclusion}: revise the draft (a new DRAFT version) before resubmitting (${A('第二十八条')}).`,
          );
        }
        requireText(args.basisStatement, `The submission states the legal basis relied on (${A('第二十六条')}).`);
        requireText(
          args.proceduresPerformed,
          `The submission states how the statutory steps were performed (${A('第二十六条')}).`,
        );
      },
    },
  );

  setHandler(
    mdGiveLegalityOpinionUpdate,
    (args: DecisionLegalityOpinionArgs) =>
      busy(async () => {
        const opinion: LegalityOpinion = {
          round: state.r.legalityOpinions.length + 1,
          taskId: args.taskId,
          conclusion: args.conclusion,
          reasons: args.reasons,
          reviewerId: args.actor.userId,
          reviewerName: args.actor.displayName,
          reviewedSha256: args.reviewedSha256,
          givenAt: new Date().toISOString(),
          legalRisk: args.legalRisk?.trim() || null,
        };
        state.r.legalityOpinions.push(opinion);
        state.r.reviewTaskId = null;
        const passes = args.conclusion === 'LAWFUL' || args.conclusion === 'NO_CLEAR_RULE';
        await sign({
          taskId: args.taskId,
          decision: `LEGALITY_${args.conclusion}`,
          opinion: args.reasons + (opinion.legalRisk ? `\n探索性改革事项，法律风险：${opinion.legalRisk}` : ''),
          actor: args.actor,
          role: Role.LegalAdviser,
          sha256: args.reviewedSha256,
        });
        if (passes) await advance();
        else {
          await openStageTask(
            'MD_LEGALITY_REVISION',
            '根据合法性审查意见修改草案',
            undertaker(),
            policy.undertakerStepPeriod,
          );
        }
      }),
    {
      validator: (args: DecisionLegalityOpinionArgs) => {
        requireRole(
          args.actor,
          [Role.LegalAdviser],
          `a legal adviser or government lawyer (法律顾问、公职律师, G-A9, ${A('第二十八条')})`,
          'give the legality-review opinion',
        );
        requireStage(Stage.LegalityReview, 'The legality-review opinion');
        if (!state.r.reviewTaskId || args.taskId !== state.r.reviewTaskId) {
          refuse(ErrorCode.TaskClosed, `Task ${args.taskId} is not the open legality-review task of this procedure.`);
        }
        if (args.reviewedSha256 !== state.documents.DRAFT?.sha256) {
          refuse(ErrorCode.StaleVersion, 'The opinion must be on the current draft version.');
        }
        requireText(args.reasons, `The legality-review opinion is written, with reasons (${A('第二十七条')}).`);
        if (args.conclusion === 'NO_CLEAR_RULE') {
          if (!cls.exploratoryReform) {
            refuse(
              ErrorCode.RuleViolation,
              `Only an exploratory reform matter may go forward without a clear rule (G-A8, ${A('第二十五条至第二十八条')}).`,
            );
          }
          requireText(
            args.legalRisk,
            `An exploratory reform goes forward only with its legal risk stated explicitly (G-A8).`,
          );
        }
      },
    },
  );

  // ---- A9: meeting package (G-A8 hard gate, G-A11) ---------------------------------------------------------------

  function lawfulOpinion(): LegalityOpinion | undefined {
    const last = state.r.legalityOpinions[state.r.legalityOpinions.length - 1];
    return last && (last.conclusion === 'LAWFUL' || last.conclusion === 'NO_CLEAR_RULE') ? last : undefined;
  }

  setHandler(
    mdSubmitMeetingPackageUpdate,
    (args: MeetingPackageArgs) =>
      busy(async () => {
        await sign({
          taskId: state.openTaskId,
          decision: 'MEETING_PACKAGE_COMPLETE',
          opinion:
            `${args.note}\n审议材料：决策草案；公众意见及采纳情况；` +
            `${cls.professional ? `专家论证意见采纳情况（${state.r.expertAdoption}）；` : ''}` +
            `${cls.riskFlagged ? '风险评估报告；' : ''}合法性审查意见` +
            `${args.fairCompetitionReview ? `；公平竞争审查：${args.fairCompetitionReview}` : ''}`,
          actor: args.actor,
          role: Role.Drafter,
        });
        await advance();
      }),
    {
      validator: (args: MeetingPackageArgs) => {
        requireUndertaker(args.actor, 'submit the meeting package');
        if (state.stage === Stage.LegalityReview || (!lawfulOpinion() && !TERMINAL.has(state.stage))) {
          const last = state.r.legalityOpinions[state.r.legalityOpinions.length - 1];
          refuse(
            ErrorCode.RuleViolation,
            `No meeting without a legality-review opinion that is not unlawful (G-A8, ${A('第二十五条、第二十九条')}); ` +
              (last ? `the latest opinion is ${last.conclusion}.` : 'no opinion has been given.'),
          );
        }
        requireStage(Stage.MeetingPackage, 'The meeting package');
        const missing: string[] = [];
        if (!state.documents.DRAFT) missing.push('决策草案');
        if (!state.r.commentWindow?.closed) missing.push('公众意见及采纳情况');
        if (cls.professional && !state.r.expertAdoption) missing.push('专家论证意见采纳情况');
        if (cls.riskFlagged && !state.r.risk?.controllable) missing.push('风险评估报告');
        if (cls.touchesMarket && !args.fairCompetitionReview?.trim()) missing.push('公平竞争审查结论');
        if (missing.length > 0) {
          refuse(
            ErrorCode.RuleViolation,
            `The meeting package lacks: ${missing.join('、')} (G-A11, ${A('第二十九条')}).`,
          );
        }
        requireText(args.note, 'The package needs a covering note.');
      },
    },
  );

  // ---- A10: collective discussion (G-A12, G-A17) -----------------------------------------------------------------

  setHandler(
    mdRecordMeetingUpdate,
    (args: RecordMeetingArgs) =>
      busy(async () => {
        const others = args.positions.slice(0, -1);
        if (state.r.reviewMinimumEndsAt && Date.parse(args.meetingDate) < Date.parse(state.r.reviewMinimumEndsAt)) {
          state.warnings.push(
            `G-A10: the meeting (${args.meetingDate}) came before the reviewer's minimum period ended ` +
              `(${state.r.reviewMinimumEndsAt}) (${A('第二十六条')} "一般").`,
          );
        }
        const minutesText =
          `${args.meeting}（${args.meetingType === 'EXECUTIVE' ? '常务会议' : '全体会议'}，${args.meetingDate}）\n` +
          args.positions.map((p) => `${p.name}：${p.position}——${p.statement}`).join('\n') +
          `\n决定：${args.decision}${args.headReason ? `\n行政首长未采纳多数意见的理由：${args.headReason}` : ''}` +
          `\n（其他成员 ${others.length} 人）`;
        const entry = await sign({
          taskId: args.taskId,
          decision: args.decision === 'ADOPTED' ? 'DECIDED_ADOPTED' : 'DECIDED_NOT_ADOPTED',
          opinion: minutesText,
          actor: args.actor,
          role: Role.Leader,
        });
        state.r.minutes = {
          meetingType: args.meetingType as MeetingMinutes['meetingType'],
          meeting: args.meeting,
          meetingDate: args.meetingDate,
          positions: args.positions.map((p) => ({ ...p })),
          headId: args.headId,
          decision: args.decision,
          headReason: args.headReason?.trim() || null,
          signedBy: args.actor.displayName,
          signedAt: new Date().toISOString(),
          ledgerHash: entry.hash,
        };
        if (args.decision === 'ADOPTED') await advance();
        else {
          moveTo(Stage.NotAdopted, 'ENDED');
          await acts.endProcedure({
            procedureId: input.procedureId,
            workflowId,
            stage: Stage.NotAdopted,
            status: 'ENDED',
            actor: args.actor,
            action: 'procedure.not-adopted',
            reason: 'The meeting did not adopt the decision.',
            idempotencyKey: `${workflowId}:not-adopted:${state.round}`,
          });
        }
      }),
    {
      validator: (args: RecordMeetingArgs) => {
        requireRole(args.actor, [Role.Leader], 'a leader of the decision organ', 'record the meeting');
        if (state.r.minutes) {
          refuse(
            ErrorCode.WrongStage,
            `The minutes were signed on ${state.r.minutes.signedAt} and are immutable (G-A12, ${A('第三十条')}).`,
          );
        }
        requireStage(Stage.CollectiveDiscussion, 'The collective discussion');
        requireTask(args.taskId);
        if (args.meetingType !== 'EXECUTIVE' && args.meetingType !== 'PLENARY') {
          refuse(
            ErrorCode.RuleViolation,
            `A major decision is taken at an executive or plenary meeting, not by circulation (G-A12, ${A('第三十条')}).`,
          );
        }
        requireText(args.meeting, 'Name the meeting.');
        if (Number.isNaN(Date.parse(args.meetingDate))) {
          refuse(ErrorCode.ValidationFailed, 'meetingDate must be an ISO date.');
        }
        const positions: MemberPositionRecord[] = args.positions ?? [];
        if (positions.length === 0) {
          refuse(ErrorCode.RuleViolation, `The minutes record each member's position (${A('第三十条')}).`);
        }
        if (new Set(positions.map((p) => p.memberId)).size !== positions.length) {
          refuse(ErrorCode.RuleViolation, 'Each member has one position in the minutes.');
        }
        for (const p of positions) {
          requireText(p.name, 'Each position names its member.');
          if (!['FOR', 'AGAINST', 'ABSTAIN'].includes(p.position)) {
            refuse(ErrorCode.ValidationFailed, `Position of ${p.name} must be FOR, AGAINST or ABSTAIN.`);
          }
          if (p.position === 'AGAINST') {
            requireText(p.statement, `Dissent is recorded verbatim: ${p.name}'s statement is missing (G-A12).`);
          }
        }
        if (positions[positions.length - 1].memberId !== args.headId) {
          refuse(
            ErrorCode.RuleViolation,
            `The head of government speaks last: the last position must be the head's (G-A12, ${A('第三十条')}).`,
          );
        }
        const others = positions.slice(0, -1);
        const forCount = others.filter((p) => p.position === 'FOR').length;
        const against = others.filter((p) => p.position === 'AGAINST').length;
        const majority = forCount > against ? 'ADOPTED' : against > forCount ? 'NOT_ADOPTED' : null;
        if (majority && majority !== args.decision) {
          requireText(
            args.headReason,
            `The head decided ${args.decision} against the majority (${forCount} for, ${against} against): the reason ` +
              `must be stated in the minutes (G-A12, ${A('第三十条')}).`,
          );
        }
      },
    },
  );

  // ---- A11: report to the Party committee (G-A13) ----------------------------------------------------------------

  setHandler(
    mdRecordPartyReportUpdate,
    (args: PartyReportArgs) =>
      busy(async () => {
        state.r.partyReport = { reportedTo: args.reportedTo, reference: args.reference, at: new Date().toISOString() };
        await sign({
          taskId: args.taskId,
          decision: 'REPORTED_TO_PARTY_COMMITTEE',
          opinion: `报告：${args.reportedTo}（${args.reference}）`,
          actor: args.actor,
          role: Role.Leader,
        });
        await advance();
      }),
    {
      validator: (args: PartyReportArgs) => {
        requireRole(
          args.actor,
          [Role.Leader],
          'a leader of the decision organ',
          'record the report to the Party committee',
        );
        requireStage(Stage.PartyReport, 'The report to the Party committee');
        requireTask(args.taskId);
        requireText(args.reportedTo, 'Name the Party committee reported to.');
        requireText(args.reference, 'Give the report reference.');
      },
    },
  );

  // ---- A12: publication (G-A13, G-A14) ---------------------------------------------------------------------------

  setHandler(
    mdRecordPublicationUpdate,
    (args: DecisionPublicationArgs) =>
      busy(async () => {
        const publishedAt = new Date().toISOString();
        state.r.publication = {
          channels: [...args.channels],
          reference: args.reference,
          opinionsExplanation: args.opinionsExplanation?.trim() || null,
          publishedAt,
        };
        await sign({
          taskId: args.taskId,
          decision: 'PUBLISHED',
          opinion:
            `公布渠道：${args.channels.join('、')}（${args.reference}）` +
            (args.opinionsExplanation ? `\n公众和专家意见采纳情况说明：${args.opinionsExplanation}` : ''),
          actor: args.actor,
          role: args.actor.roles.includes(Role.Leader) ? Role.Leader : Role.LegalAffairsOfficer,
        });
        await advance();
      }),
    {
      validator: (args: DecisionPublicationArgs) => {
        requireRole(args.actor, [Role.Leader, Role.LegalAffairsOfficer], 'the decision organ', 'publish the decision');
        if (state.stage === Stage.PartyReport) {
          refuse(
            ErrorCode.RuleViolation,
            `Publication is blocked until the report to the same-level Party committee is recorded (G-A13, ${A('第三十一条')}).`,
          );
        }
        requireStage(Stage.Publication, 'Publication');
        requireTask(args.taskId);
        const known = PUBLICATION_CHANNELS as readonly string[];
        if ((args.channels ?? []).length === 0 || args.channels.some((c: string) => !known.includes(c))) {
          refuse(
            ErrorCode.RuleViolation,
            `Name the publication channels (${known.join(', ')}) (G-A14, ${A('第三十二条')}).`,
          );
        }
        requireText(args.reference, 'Give the publication reference (gazette issue or URL).');
        if (cls.wideConcern) {
          requireText(
            args.opinionsExplanation,
            `A matter of wide concern is published with an explanation of how public and expert opinions were used ` +
              `(G-A14, ${A('第三十二条')}).`,
          );
        }
      },
    },
  );

  // ---- Dual track: registration and numbering ---------------------------------------------------------------------

  setHandler(
    mdRegisterDocumentUpdate,
    (args: DecisionTaskArgs) =>
      busy(async () => {
        const draft = state.documents.DRAFT!;
        state.registration = await executeChild<DocumentRegistrationWorkflow>(DOCUMENT_REGISTRATION_WORKFLOW_TYPE, {
          workflowId: registrationWorkflowId(input.procedureId),
          args: [
            {
              procedureId: input.procedureId,
              workflowId,
              issuerUnitId: input.governmentUnitId,
              series: policy.numberSeries,
              title: input.title,
              documentSha256: draft.sha256,
              validityYears: policy.validityYears,
              registeredBy: args.actor,
              idempotencyKey: `registration:${input.procedureId}`,
            },
          ],
        });
        upsertSearchAttributes([{ key: DocumentNumberAttr, value: state.registration.number }]);
        await sign({
          taskId: args.taskId,
          decision: 'REGISTERED',
          opinion: `登记编号 ${state.registration.number}，有效期至 ${state.registration.validUntil}`,
          actor: args.actor,
          role: Role.LegalAffairsOfficer,
        });
        await advance();
      }),
    {
      validator: (args: DecisionTaskArgs) => {
        requireRole(
          args.actor,
          [Role.LegalAffairsOfficer],
          'an officer of the legal-affairs office',
          'register the document',
        );
        requireStage(Stage.Registration, 'Registration and numbering');
        requireTask(args.taskId);
      },
    },
  );

  // ---- A13: archive (G-A15) ---------------------------------------------------------------------------------------

  setHandler(
    mdArchiveUpdate,
    (args: DecisionTaskArgs) =>
      busy(async () => {
        state.r.archived = true;
        await sign({
          taskId: args.taskId,
          decision: 'ARCHIVED',
          opinion: `${args.note}\n各环节记录和材料已归档（${state.steps.length} 项签署）`,
          actor: args.actor,
          role: Role.LegalAffairsOfficer,
        });
        await advance();
      }),
    {
      validator: (args: DecisionTaskArgs) => {
        requireRole(
          args.actor,
          [Role.LegalAffairsOfficer],
          'an officer of the legal-affairs office',
          'archive the records',
        );
        requireStage(Stage.Archive, 'Archiving');
        requireTask(args.taskId);
      },
    },
  );

  // ---- A14–A16: execution, evaluation, suspension, adjustment (G-A16) --------------------------------------------

  function requireExecuting(what: string, allowSuspended = false): void {
    if (TERMINAL.has(state.stage)) refuse(ErrorCode.WrongStage, `The procedure has already ended (${state.stage}).`);
    if (state.stage !== Stage.Execution && !(allowSuspended && state.stage === Stage.Suspended)) {
      refuse(
        ErrorCode.WrongStage,
        `${what} belongs to execution (${majorStageName(Stage.Execution)}); the procedure is in stage ${state.stage}.`,
      );
    }
    if (state.busy) refuse(ErrorCode.WrongStage, PROCEDURE_BUSY_MESSAGE);
  }

  setHandler(
    mdRecordExecutionReportUpdate,
    (args: ExecutionReportArgs) =>
      busy(async () => {
        state.executionReports.push({ kind: args.kind, text: args.text, at: new Date().toISOString() });
        await sign({
          taskId: null,
          decision: `EXECUTION_${args.kind}`,
          opinion: args.text,
          actor: args.actor,
          role: Role.Drafter,
        });
      }),
    {
      validator: (args: ExecutionReportArgs) => {
        requireUndertaker(args.actor, 'report on execution');
        requireExecuting('An execution report', true);
        if (args.kind !== 'PROGRESS' && args.kind !== 'PROBLEM') {
          refuse(ErrorCode.ValidationFailed, 'kind is PROGRESS or PROBLEM.');
        }
        requireText(args.text, `The report needs its text (${A('第三十四条、第三十五条')}).`);
      },
    },
  );

  setHandler(
    mdRecordEvaluationUpdate,
    (args: EvaluationArgs) =>
      busy(async () => {
        state.evaluations.push({ evaluator: args.evaluator, result: args.result, at: new Date().toISOString() });
        await sign({
          taskId: null,
          decision: 'EVALUATED',
          opinion: `评估单位：${args.evaluator}\n${args.result}`,
          actor: args.actor,
          role: args.actor.roles.includes(Role.Leader) ? Role.Leader : Role.LegalAffairsOfficer,
        });
      }),
    {
      validator: (args: EvaluationArgs) => {
        requireRole(
          args.actor,
          [Role.Leader, Role.LegalAffairsOfficer],
          'the decision organ',
          'record a post-decision evaluation',
        );
        requireExecuting('A post-decision evaluation', true);
        requireText(args.evaluator, 'Name the evaluating unit.');
        if (args.didPreDecisionWork) {
          refuse(
            ErrorCode.RuleViolation,
            `A unit that did the main pre-decision argumentation or assessment cannot evaluate the decision (${A('第三十六条')}).`,
          );
        }
        requireText(args.result, 'The evaluation needs its result.');
      },
    },
  );

  setHandler(
    mdSuspendExecutionUpdate,
    (args: ReasonArgs) =>
      busy(async () => {
        state.suspension = { reason: args.reason, at: new Date().toISOString() };
        await sign({
          taskId: null,
          decision: 'SUSPENDED',
          opinion: args.reason,
          actor: args.actor,
          role: Role.Leader,
          next: Stage.Suspended,
          status: 'SUSPENDED',
        });
      }),
    {
      validator: (args: ReasonArgs) => {
        requireRole(args.actor, [Role.Leader], 'the head of government', 'suspend execution');
        requireExecuting('An urgent suspension');
        requireText(args.reason, `An urgent suspension needs its reason (G-A16, ${A('第三十五条、第三十七条')}).`);
      },
    },
  );

  setHandler(
    mdResumeExecutionUpdate,
    (args: ReasonArgs) =>
      busy(async () => {
        state.suspension = null;
        await sign({
          taskId: null,
          decision: 'RESUMED',
          opinion: args.reason,
          actor: args.actor,
          role: Role.Leader,
          next: Stage.Execution,
        });
      }),
    {
      validator: (args: ReasonArgs) => {
        requireRole(args.actor, [Role.Leader], 'the head of government', 'resume execution');
        requireStage(Stage.Suspended, 'Resuming execution');
        requireText(args.reason, 'Resuming needs its reason.');
      },
    },
  );

  setHandler(
    mdStartAdjustmentUpdate,
    (args: ReasonArgs) =>
      busy(async () => {
        await sign({
          taskId: null,
          decision: 'ADJUSTMENT_STARTED',
          opinion: `${args.reason}\n重新履行法定程序（第 ${state.round + 1} 轮）`,
          actor: args.actor,
          role: Role.Leader,
          next: Stage.Drafting,
        });
        // A major adjustment re-runs the statutory steps (Art 37): this round's records start afresh; the earlier
        // round's stay in the ledger and the archive.
        state.round += 1;
        state.r = fresh();
        state.suspension = null;
        await enter(Stage.Drafting);
      }),
    {
      validator: (args: ReasonArgs) => {
        requireRole(args.actor, [Role.Leader], 'the decision organ', 'start an adjustment');
        requireExecuting('An adjustment', true);
        requireText(
          args.reason,
          `An adjustment needs its reason; it re-runs the statutory steps (G-A16, ${A('第三十七条')}).`,
        );
      },
    },
  );

  setHandler(
    mdCloseDecisionUpdate,
    (args: ReasonArgs) =>
      busy(async () => {
        await sign({
          taskId: null,
          decision: 'CLOSED',
          opinion: args.reason,
          actor: args.actor,
          role: args.actor.roles.includes(Role.Leader) ? Role.Leader : Role.LegalAffairsOfficer,
          next: Stage.Closed,
        });
      }),
    {
      validator: (args: ReasonArgs) => {
        requireRole(args.actor, [Role.Leader, Role.LegalAffairsOfficer], 'the decision organ', 'close the case');
        requireExecuting('Closing the case', true);
        if (!state.r.archived) {
          refuse(
            ErrorCode.RuleViolation,
            `The case cannot close before its records are archived (G-A15, ${A('第三十三条')}).`,
          );
        }
        requireText(args.reason, 'Closing needs its reason.');
      },
    },
  );

  // ---- Comment window timer ----------------------------------------------------------------------------------------

  /** A5: waits until the window closes (at its end, or early once the minimum ran), then opens the answering task. */
  async function runPublicComment(): Promise<void> {
    const here = () => state.stage === Stage.PublicParticipation;
    await condition(() => state.r.commentWindow !== null || !here());
    const r = state.r;
    const window = r.commentWindow;
    if (!window || !here()) return;
    while (!r.closeRequested && here()) {
      const revision = r.commentRevision;
      const left = Date.parse(window.closesAt) - Date.now();
      if (left <= 0) break;
      await condition(() => r.commentRevision !== revision || !here(), left);
    }
    if (!here()) return;
    await condition(() => !state.busy);
    const closed = await acts.closeCommentWindow({ windowId: window.windowId });
    window.closed = true;
    window.commentIds = closed.commentIds;
  }

  // ---- Start: G-A1 scope classification, A1 proposal -------------------------------------------------------------

  upsertSearchAttributes([
    { key: ProcedureTypeAttr, value: MAJOR_DECISION },
    { key: StageAttr, value: state.stage },
    { key: DepartmentAttr, value: input.departmentCode },
  ]);
  await acts.registerProcedure({
    procedureId: input.procedureId,
    workflowId,
    type: MAJOR_DECISION,
    projectCode: input.matterCode,
    title: input.title,
    departmentId: input.departmentId,
    initiator: input.proposer,
    stage: state.stage,
    policyVersion: policy.version,
    details: {
      proposal: input.proposal,
      classification: input.classification,
      catalogItemId: input.catalogItemId ?? null,
      policy,
    },
  });
  const refusal = scopeRefusal(cls.kind);
  if (refusal || !cls.reason?.trim()) {
    // G-A1: an excluded kind never enters; the classification and its reason are on record.
    await sign({
      taskId: null,
      decision: 'OUT_OF_SCOPE',
      opinion: refusal ?? `A classification needs its reason (${A('第三条')}).`,
      actor: input.proposer,
      role: Role.Drafter,
      next: Stage.OutOfScope,
    });
    state.settled = true;
    await condition(allHandlersFinished);
    return snapshot();
  }
  await sign({
    taskId: null,
    decision: 'CLASSIFIED_IN_SCOPE',
    opinion:
      `事项类别 ${cls.kind}：${cls.reason}\n建议：${input.proposal.problem}；理由和依据：${input.proposal.reasonsAndBasis}；` +
      `初步方案：${input.proposal.preliminarySolution}；必要性和可行性：${input.proposal.necessityAndFeasibility}`,
    actor: input.proposer,
    role: Role.Drafter,
    next: Stage.Launch,
  });
  await openStageTask('MD_LAUNCH', '决策启动', government, policy.launchPeriod);
  state.settled = true;

  while (!TERMINAL.has(state.stage)) {
    const stage = state.stage;
    const round = state.round;
    if (stage === Stage.PublicParticipation) await runPublicComment();
    await condition(() => (state.stage !== stage || state.round !== round) && !state.busy);
  }
  await condition(allHandlersFinished);
  return snapshot();
}
