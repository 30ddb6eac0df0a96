import { patched } from '@temporalio/workflow';
import { acts, local, refuse } from '../activity-proxies';
import type { LawGateActivities } from '../../activities';
import { ProcedureRun } from '../kernel/procedure-run';
import { startPolicy } from '../kernel/start-policy';
import { CommentWindow } from '../steps/comment-window.step';
import { documentVersions } from '../steps/document-versions.step';
import { LegalityReview } from '../steps/legality-review.step';
import { Registration } from '../steps/registration.step';
import { Revision } from '../steps/revision.step';
import { withdrawal } from '../steps/withdrawal.step';
import { OFFICER, type Nd, type NdPolicy, type NdState } from './context';
import { enter, waitingFor } from './stage-table';
import { drafting } from './stages/drafting.stage';
import { fairCompetitionReview } from './stages/fair-competition.stage';
import { inForce, publication, runInForce } from './stages/in-force.stage';
import { validitySteps, validityView } from './stages/validity.stage';
import { openProjectApproval, projectApproval } from './stages/project-approval.stage';
import { deliberation, legalityOpinion, publicCommentEnd, submission } from './stages/review.stage';
import {
  ErrorCode,
  issuerOf,
  validityYearsFor,
  Role,
  DEFAULT_NORMATIVE_DOCUMENT_POLICY,
  DOCUMENT_UPLOAD_STAGES,
  NORMATIVE_DOCUMENT,
  NORMATIVE_DOCUMENT_STAGE_BASIS,
  NormativeDocumentStage as Stage,
  TERMINAL_STAGES,
  answerCommentUpdate,
  awaitSettledUpdate,
  closeCommentWindowUpdate,
  extendCommentWindowUpdate,
  getProcedureStateQuery,
  openCommentWindowUpdate,
  registerDocumentUpdate,
  resubmitRevisionUpdate,
  submitDocumentVersionUpdate,
  withdrawProcedureUpdate,
  type Actor,
  type LegalityOpinionRecord,
  type NormativeDocumentInput,
  type NormativeDocumentPolicy,
  type ProcedureSnapshot,
} from '@lawgate/domain';

/** Records a sign-off; procedures started before this change keep recording through a regular activity. */
function recordSignOff(
  ...args: Parameters<LawGateActivities['recordDecision']>
): ReturnType<LawGateActivities['recordDecision']> {
  return patched('sign-off-local-activity') ? local.recordDecision(...args) : acts.recordDecision(...args);
}

/** Names a stage and its legal basis in a refusal, so the person knows what is missing and why. */
function stageName(stage: Stage): string {
  const basis = NORMATIVE_DOCUMENT_STAGE_BASIS[stage];
  return `${stage}（${basis.regulation} ${basis.article}）`;
}

/**
 * An administrative normative document (行政规范性文件), 国办发〔2018〕37号 and 115号, from the project application to
 * expiry. The stages in statutory order, each a gate naming its basis:
 *
 *   B1 立项 → B2 起草 (adviser opinions) → B3 公平竞争审查 (when it touches business) → B4 公开征求意见 →
 *   B5 本单位合法性审核 → B6 材料齐全性审查, 合法性审核 → B7 修改 → B8 集体审议决定 → B9 统一登记、统一编号 →
 *   B10 统一发布 → B11 备案 → B12 有效期、评估、清理、废止.
 *
 * The drafting unit may withdraw until publication. Human steps arrive as updates whose validators refuse what the
 * stage does not allow (nothing is written to history); the shared mechanics live in the kernel and `steps/`.
 */
export async function normativeDocumentWorkflow(input: NormativeDocumentInput): Promise<ProcedureSnapshot> {
  // Resolved once every handler is registered (below): an update arriving with the start must find its handler.
  let given = {} as NormativeDocumentPolicy;
  let policy: NdPolicy = DEFAULT_NORMATIVE_DOCUMENT_POLICY;
  const p: ProcedureRun<Stage, ProcedureSnapshot> = new ProcedureRun<Stage, ProcedureSnapshot>({
    type: NORMATIVE_DOCUMENT,
    input,
    stages: { initial: Stage.ProjectApproval, terminal: TERMINAL_STAGES, basis: NORMATIVE_DOCUMENT_STAGE_BASIS },
    reminderLeadSeconds: () => policy.reminderLeadSeconds,
    wrongStage: (expected, what): string =>
      `${what} belongs to stage ${stageName(expected)}; the procedure is in stage ${p.stage}.`,
    recordDecision: recordSignOff,
  });
  // 公平竞争审查条例 Arts 2, 14: the office confirms the business declaration at approval, and a government document is
  // reviewed by the market regulation department after the drafting unit. Procedures started before keep their path.
  const confirmsDeclaration = patched('nd-business-declaration-confirmed');
  const s: NdState = {
    pendingOpinion: null,
    opinions: [],
    legalityOpinionEntry: null,
    emergency: null,
    expertise: [],
    publication: null,
    filing: null,
    filingTaskId: null,
    expiresAt: null,
    cleanupRepeal: null,
    amendmentRequired: null,
    touchesBusiness: input.application.touchesBusiness,
    businessDeclaration: null,
    fcr: confirmsDeclaration
      ? {
          marketRegulationReviews: input.application.issuer !== 'DEPARTMENT',
          reviews: [],
          marketRegulationTaskId: null,
        }
      : null,
    issuer: issuerOf(input.application),
    filings: null,
    validity: {
      effectiveDate: null,
      validUntil: null,
      earlyEffectReason: null,
      effectiveAt: null,
      expiresAt: null,
      continuations: [],
    },
    evaluationTaskId: null,
    validityRound: 0,
    letExpire: false,
    amendment: null,
    predecessorReplaced: false,
    publishedBy: null,
  };
  const requireDrafter = (actor: Actor, what: string) => {
    if (!actor.roles.includes(Role.Drafter) || actor.unitId !== input.departmentId) {
      refuse(ErrorCode.Forbidden, `Only a drafter of the drafting department can ${what}.`);
    }
  };
  const requireOfficer = (actor: Actor, what: string) => p.requireRole(actor, OFFICER.roles, OFFICER.name, what);

  // ---- The statutory steps every procedure shares --------------------------------------------------------------
  const legality = new LegalityReview<Stage, ProcedureSnapshot, LegalityOpinionRecord>(p, {
    stage: Stage.LegalityReview,
    reviewed: (o) => ({ conclusion: o.conclusion, sha256: o.sha256, version: o.version }),
    passing: (conclusion) => conclusion !== 'UNLAWFUL',
    basis: stageName(Stage.LegalityReview),
  });
  const nd: Nd = {
    p,
    input,
    policy,
    given,
    s,
    legality,
    comments: new CommentWindow<Stage, ProcedureSnapshot>(p, {
      stage: Stage.PublicComment,
      basis: stageName(Stage.PublicComment),
      mayAct: requireDrafter,
      minimum: () => (s.touchesBusiness ? policy.businessCommentPeriod : policy.generalCommentPeriod),
      idempotencyKey: () => `${p.workflowId}:comment-window`,
      publishingClosesTask: true,
      publishedOpinion: (closesAt, reason) =>
        reason ? `征求意见至 ${closesAt}（缩短理由：${reason}）` : `征求意见至 ${closesAt}`,
      reasonEndsMinimum: false,
      afterClose: async () => {
        await p.openStageTask(
          'ANSWER_COMMENTS',
          '逐条答复公众意见',
          { unitId: input.departmentId },
          policy.drafterStepPeriod,
        );
      },
      updates: {
        open: openCommentWindowUpdate,
        close: closeCommentWindowUpdate,
        answer: answerCommentUpdate,
        extend: extendCommentWindowUpdate,
      },
    }),
    registration: new Registration<Stage, ProcedureSnapshot>(p, {
      update: registerDocumentUpdate,
      stage: Stage.Registration,
      issuerUnitId: () => input.issuerUnitId ?? input.departmentId,
      series: () => policy.numberSeries,
      validityYears: () =>
        validityYearsFor(input.title, {
          defaultValidityYears: policy.defaultValidityYears,
          provisionalValidityYears: policy.provisionalValidityYears,
        }),
      check: () => legality.requireReviewedText('Registration and numbering'),
      next: Stage.Publication,
      then: () => enter(nd, Stage.Publication),
    }),
    revision: new Revision<Stage, ProcedureSnapshot, LegalityOpinionRecord>(p, legality, {
      update: resubmitRevisionUpdate,
      stage: Stage.Revision,
      mayAct: requireDrafter,
      basis: stageName(Stage.Revision),
      review: Stage.LegalityReview,
      deliberation: Stage.Deliberation,
      enter: (stage) => enter(nd, stage),
      attachStatement: (opinion, statement) => (opinion.nonAdoptionStatement = statement),
    }),
    enter: (stage) => enter(nd, stage),
    requireDrafter,
    requireOfficer,
    stageName,
    confirmsDeclaration,
  };

  documentVersions(p, {
    update: submitDocumentVersionUpdate,
    mayUpload: (actor) => requireDrafter(actor, 'add document versions'),
    stages: DOCUMENT_UPLOAD_STAGES,
    wrongStage: () => `Documents can be added while drafting or revising; the procedure is in stage ${p.stage}.`,
    underReview: () => legality.underReview(),
  });
  withdrawal(p, {
    update: withdrawProcedureUpdate,
    withdrawn: Stage.Withdrawn,
    mayWithdraw: (actor) => requireDrafter(actor, 'withdraw its procedure'),
    check: () => {
      if (p.stage === Stage.InForce) {
        refuse(
          ErrorCode.WrongStage,
          'The document is published and in force: it cannot be withdrawn, only repealed by the legal-affairs office.',
        );
      }
    },
    commentWindow: nd.comments,
    registration: nd.registration,
    unpublished: () => !s.publication,
  });

  // ---- The statute's table of contents ---------------------------------------------------------------------------
  projectApproval(nd); // B1
  drafting(nd); // B2
  fairCompetitionReview(nd); // B3
  publicCommentEnd(nd); // B4 (the window itself is a shared step)
  submission(nd); // B5, B6 intake
  legalityOpinion(nd); // B6 (B7 revision is a shared step)
  deliberation(nd); // B8 (B9 registration is a shared step)
  publication(nd); // B10
  inForce(nd); // B11, B12
  validitySteps(nd); // B12: effective date, evaluation and its outcomes, amendment

  p.snapshot = () => ({
    ...p.snapshotBase(),
    status: p.status as ProcedureSnapshot['status'],
    pendingOpinion: s.pendingOpinion,
    opinions: [...s.opinions],
    commentWindow: nd.comments.view(),
    legalityOpinions: [...legality.opinions],
    reviewMinimumEndsAt: legality.minimumEndsAt,
    registration: nd.registration.record,
    publication: s.publication,
    filing: s.filing ? { ...s.filing } : null,
    expiresAt: s.expiresAt,
    waitingFor: waitingFor(nd),
    amendmentRequired: s.amendmentRequired,
    ...(confirmsDeclaration
      ? {
          businessDeclaration: s.businessDeclaration,
          fairCompetition: s.fcr ? { ...s.fcr, reviews: [...s.fcr.reviews] } : null,
        }
      : {}),
    ...validityView(nd),
  });
  p.expose([getProcedureStateQuery], awaitSettledUpdate);

  given = await startPolicy<NormativeDocumentPolicy>(NORMATIVE_DOCUMENT, input);
  policy = { ...DEFAULT_NORMATIVE_DOCUMENT_POLICY, ...given };
  Object.assign(nd, { given, policy });
  await p.register({
    projectCode: input.projectCode,
    departmentId: input.departmentId,
    initiator: input.applicant,
    policyVersion: given.version,
    details: { application: input.application, policy: given },
  });
  await openProjectApproval(nd);
  return p.run({
    [Stage.PublicComment]: () => nd.comments.run(),
    [Stage.InForce]: () => runInForce(nd),
  });
}
