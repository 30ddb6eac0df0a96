import { patched } from '@temporalio/workflow';
import { local, refuse } from '../activity-proxies';
import { ProcedureRun } from '../kernel/procedure-run';
import { startPolicy } from '../kernel/start-policy';
import { CommentWindow } from '../steps/comment-window.step';
import { documentVersions } from '../steps/document-versions.step';
import { LegalityReview } from '../steps/legality-review.step';
import { Registration } from '../steps/registration.step';
import { freshRound, type Md, type MdState, type Snap, type Stage } from './context';
import { advance, enter, passes, waitingFor } from './stage-table';
import { archive, partyReport, publication } from './stages/after-decision.stage';
import { expertArgumentation, riskAssessment } from './stages/assessment.stage';
import { collectiveDiscussion, meetingPackage } from './stages/decision.stage';
import { execution } from './stages/execution.stage';
import { classify, launch } from './stages/launch.stage';
import { adviserInputs, legalityReview, reopenReviewIfChanged } from './stages/legality.stage';
import { consultation, draftOptions, publicParticipation, roughMs } from './stages/preparation.stage';
import {
  cite,
  ErrorCode,
  getProcedureStateQuery,
  MAJOR_DECISION,
  MAJOR_DECISION_STAGE_BASIS,
  MAJOR_DECISION_TERMINAL_STAGES,
  MD_DOCUMENT_UPLOAD_STAGES,
  MajorDecisionStage,
  getMajorDecisionStateQuery,
  majorStageName,
  mdAnswerCommentUpdate,
  mdAwaitSettledUpdate,
  mdCloseCommentWindowUpdate,
  mdOpenCommentWindowUpdate,
  mdRegisterDocumentUpdate,
  mdSubmitDocumentVersionUpdate,
  type Actor,
  type LegalityOpinion,
  type MajorDecisionInput,
  type MajorDecisionPolicy,
  type StepRecord,
  Role,
} from '@lawgate/domain';
import type { QueryDefinition } from '@temporalio/common';

/** Statements of a refusal name the article they rest on (G-A1…G-A17). */
const A: Md['A'] = (...keys) => cite(...keys);

/**
 * A major administrative decision (重大行政决策) under Decree 713, from scope classification to execution. The stages
 * in statutory order, each a gate naming its article:
 *
 *   G-A1 范围界定 → A1–A2 决策启动 → A3 拟订决策草案 → A4 协商 → A5 公众参与 → A6 专家论证 (professional matters) →
 *   A7 风险评估 (flagged matters) → A8 合法性审查 → A9 提交审议材料 → A10 集体讨论决定 → A11 向党委请示报告 →
 *   A12 决策公布 → (dual track) 统一登记 → A13 决策档案 → A14–A16 执行、评估、中止、调整.
 *
 * Soft rules ("一般", "注重") are recorded as warnings, never silently dropped. The shared mechanics live in the kernel
 * and `steps/`; a stage that only this statute has lives in `stages/`.
 */
export async function majorDecisionWorkflow(input: MajorDecisionInput): Promise<Snap> {
  // Resolved once every handler is registered (below): an update arriving with the start must find its handler.
  let policy = {} as MajorDecisionPolicy;
  const cls = input.classification;
  const p: ProcedureRun<Stage, Snap> = new ProcedureRun<Stage, Snap>({
    recordDecision: (...args) => local.recordDecision(...args),
    // An adjustment re-runs the statutory steps, so idempotency keys name the round.
    roundInKeys: true,
    input,
    type: MAJOR_DECISION,
    stages: {
      initial: MajorDecisionStage.ScopeClassification,
      terminal: MAJOR_DECISION_TERMINAL_STAGES,
      basis: MAJOR_DECISION_STAGE_BASIS,
    },
    wrongStage: (expected, what): string =>
      `${what} belongs to stage ${majorStageName(expected)}; the procedure is in stage ` +
      `${majorStageName(p.stage)} and waits for: ${waitingFor(md) ?? '—'}.`,
    reminderLeadSeconds: () => policy.reminderLeadSeconds,
  });
  // Decree 713 Art 28: the department responsible for legality review gives the opinion and organises the advisers'
  // opinions. Procedures started before routed the review to an adviser and keep doing so.
  const officeReviews = patched('md-legality-review-by-office');
  // The published text of a decision that is also a normative document carries its number: register, then publish.
  const registerFirst = patched('md-register-before-publication');
  // The launching leader confirms the classification flags (Arts 10, 19, 22), and the meeting records who was present
  // and checks its quorum. Decisions started before keep the drafter's flags and their minutes as they were.
  const confirmsFlags = patched('md-confirmed-flags-and-quorum');
  const s: MdState = {
    undertakingUnitId: null,
    leadUnitId: null,
    executionReports: [],
    evaluations: [],
    suspension: null,
    warnings: [],
    r: freshRound(),
    classificationConfirmation: null,
  };
  const requireUndertaker = (actor: Actor, what: string) => {
    const unit = s.undertakingUnitId;
    if (unit === null) {
      refuse(
        ErrorCode.WrongStage,
        `No undertaking unit has been named: the launch decision (${majorStageName(MajorDecisionStage.Launch)}) ` +
          `comes first (G-A3); the procedure is in stage ${p.stage}.`,
      );
    }
    const isUnit = actor.unitId === unit || (s.leadUnitId !== null && actor.unitId === s.leadUnitId);
    if (!actor.roles.includes(Role.Drafter) || !isUnit) {
      refuse(ErrorCode.Forbidden, `Only the undertaking unit (决策承办单位, ${A('D713/11')}) can ${what}.`);
    }
  };

  // ---- The statutory steps every procedure shares --------------------------------------------------------------
  const legality = new LegalityReview<Stage, Snap, LegalityOpinion>(p, {
    stage: MajorDecisionStage.LegalityReview,
    reviewed: (o) => ({ conclusion: o.conclusion, sha256: o.reviewedSha256 }),
    passing: passes,
    basis: `G-A8, ${A('D713/25', 'D713/29')}`,
  });
  const md: Md = {
    p,
    input,
    policy,
    cls,
    s,
    legality,
    comments: new CommentWindow<Stage, Snap>(p, {
      stage: MajorDecisionStage.PublicParticipation,
      basis: `G-A4, ${A('D713/15', 'D713/18')}`,
      mayAct: requireUndertaker,
      minimum: () => policy.commentMinimum,
      idempotencyKey: () => `${p.workflowId}:comment-window:${p.round}`,
      checkPeriod: (args) => {
        const min = policy.commentMinimum;
        if (args.period && roughMs(args.period) < roughMs(min) && !args.shortenedReason?.trim()) {
          refuse(
            ErrorCode.RuleViolation,
            `Open consultation lasts at least ${min.amount} ${min.unit}; a shorter period needs its reason ` +
              `published in the consultation notice (G-A4, ${A('D713/15')}).`,
          );
        }
      },
      publishingClosesTask: false,
      publishedOpinion: (closesAt, reason) =>
        reason ? `征求意见至 ${closesAt}（缩短理由，随公告公布：${reason}）` : `征求意见至 ${closesAt}`,
      reasonEndsMinimum: true,
      updates: { open: mdOpenCommentWindowUpdate, close: mdCloseCommentWindowUpdate, answer: mdAnswerCommentUpdate },
    }),
    registration: new Registration<Stage, Snap>(p, {
      update: mdRegisterDocumentUpdate,
      stage: MajorDecisionStage.Registration,
      issuerUnitId: () => input.governmentUnitId,
      series: () => policy.numberSeries,
      validityYears: () => policy.validityYears,
      check: () => legality.requireReviewedText('Registration and numbering'),
      then: () => advance(md),
    }),
    enter: (stage) => enter(md, stage),
    advance: () => advance(md),
    requireUndertaker,
    officeReviews,
    registerFirst,
    confirmsFlags,
    A,
  };
  documentVersions(p, {
    update: mdSubmitDocumentVersionUpdate,
    mayUpload: (actor) => requireUndertaker(actor, 'add document versions'),
    stages: MD_DOCUMENT_UPLOAD_STAGES,
    wrongStage: () =>
      `Documents can be added from drafting to the meeting package; the procedure is in stage ${p.stage}.`,
    underReview: () => legality.underReview(),
    afterUpload: (kind, actor) => reopenReviewIfChanged(md, kind, actor),
  });

  // ---- The statute's table of contents ---------------------------------------------------------------------------
  launch(md); // A1–A2
  draftOptions(md); // A3
  consultation(md); // A4
  publicParticipation(md); // A5 (the comment window is a shared step)
  expertArgumentation(md); // A6
  riskAssessment(md); // A7
  legalityReview(md); // A8
  adviserInputs(md); // A8: the advisers' opinions the office organises (Art 28)
  meetingPackage(md); // A9
  collectiveDiscussion(md); // A10
  partyReport(md); // A11
  publication(md); // A12 (registration on the dual track is a shared step)
  archive(md); // A13
  execution(md); // A14–A16

  p.snapshot = () => ({
    ...p.snapshotBase(),
    status: p.status as Snap['status'],
    round: p.round,
    classification: { ...cls },
    ...(confirmsFlags ? { classificationConfirmation: s.classificationConfirmation } : {}),
    undertakingUnitId: s.undertakingUnitId,
    leadUnitId: s.leadUnitId,
    options: [...s.r.options],
    consultation: s.r.consultation,
    commentWindow: md.comments.view(),
    hearing: s.r.hearing,
    experts: [...s.r.experts],
    risk: s.r.risk,
    legalityOpinions: [...legality.opinions],
    adviserOpinions: [...s.r.adviserInputs],
    legalityReviewBy: officeReviews ? 'OFFICE' : 'ADVISER',
    reviewMinimumEndsAt: legality.minimumEndsAt,
    minutes: s.r.minutes,
    partyReport: s.r.partyReport,
    publication: s.r.publication,
    registration: md.registration.record,
    archived: s.r.archived,
    executionReports: [...s.executionReports],
    evaluations: [...s.evaluations],
    suspension: s.suspension,
    steps: [...p.steps] as StepRecord[],
    warnings: [...s.warnings],
    waitingFor: waitingFor(md),
  });
  // The generic procedure endpoints (detail, document upload) ask every procedure under the kernel's query name.
  p.expose(
    [getMajorDecisionStateQuery, getProcedureStateQuery as unknown as QueryDefinition<Snap>],
    mdAwaitSettledUpdate,
  );

  policy = await startPolicy<MajorDecisionPolicy>(MAJOR_DECISION, input);
  md.policy = policy;
  await p.register({
    projectCode: input.matterCode,
    departmentId: input.departmentId,
    initiator: input.proposer,
    policyVersion: policy.version,
    details: { proposal: input.proposal, classification: cls, catalogItemId: input.catalogItemId ?? null, policy },
  });
  const inScope = await classify(md);
  p.settled = true;
  if (!inScope) return p.finish();
  return p.run({ [MajorDecisionStage.PublicParticipation]: () => md.comments.run() });
}
