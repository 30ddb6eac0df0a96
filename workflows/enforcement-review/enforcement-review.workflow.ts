import { local } from '../activity-proxies';
import { ProcedureRun } from '../kernel/procedure-run';
import { startPolicy } from '../kernel/start-policy';
import { documentVersions } from '../steps/document-versions.step';
import { LegalityReview } from '../steps/legality-review.step';
import {
  basis,
  current,
  enter,
  requireCaseUnit,
  waitingFor,
  type Er,
  type ErState,
  type Snap,
  type Stage,
} from './context';
import { decision } from './stages/decision.stage';
import { review } from './stages/review.stage';
import { submission } from './stages/submission.stage';
import {
  DocumentKind,
  getProcedureStateQuery,
  ENFORCEMENT_REVIEW,
  ENFORCEMENT_REVIEW_STAGE_BASIS,
  ENFORCEMENT_REVIEW_TERMINAL_STAGES,
  ER_DOCUMENT_UPLOAD_STAGES,
  EnforcementReviewStage as S,
  erAwaitSettledUpdate,
  erSubmitDocumentVersionUpdate,
  getEnforcementReviewStateQuery,
  type Actor,
  type EnforcementReviewInput,
  type EnforcementReviewPolicy,
  type ReviewOpinion,
  Role,
} from '@lawgate/domain';
import type { QueryDefinition } from '@temporalio/common';

/**
 * The legal review of a major law-enforcement decision (重大执法决定法制审核), from the case unit's submission to the
 * archive, each gate naming its basis:
 *
 *   C1–C4 送审 → C5 接收审查 (clock on complete materials; supplement pauses it) → C6–C7 法制审核 (同意 / 存在问题 /
 *   移送; recusal and qualification; extension by policy) → [C8 退回修改 → new version] → [C10a 移送: 3 days, 24 hours]
 *   → [C9 集体讨论] → C10 决定 (only on a passed review of that version) → C11 公示 (7 / 20 working days) →
 *   撤回公示 (3 working days) or C12 归档.
 */
export async function enforcementReviewWorkflow(input: EnforcementReviewInput): Promise<Snap> {
  let policy = {} as EnforcementReviewPolicy;
  const p: ProcedureRun<Stage, Snap> = new ProcedureRun<Stage, Snap>({
    recordDecision: (...args) => local.recordDecision(...args),
    input: { procedureId: input.procedureId, title: input.title, departmentCode: input.departmentCode },
    type: ENFORCEMENT_REVIEW,
    stages: {
      initial: S.CasePreparation,
      terminal: ENFORCEMENT_REVIEW_TERMINAL_STAGES,
      basis: ENFORCEMENT_REVIEW_STAGE_BASIS,
    },
    wrongStage: (expected, what) =>
      `${what} belongs to stage ${basis(expected)}; the case is in stage ${basis(p.stage)} and waits for: ` +
      `${waitingFor(er) ?? '—'}.`,
    reminderLeadSeconds: () => policy.reminderLeadSeconds,
  });
  const s: ErState = {
    evidenceFiles: [],
    hearingRecords: [],
    versions: [],
    materialsRequests: [],
    reviewClockStartedAt: null,
    extension: null,
    collective: null,
    decision: null,
    transfer: null,
    disclosure: null,
    withdrawal: null,
    reviewTasks: 0,
  };
  const legality = new LegalityReview<Stage, Snap, ReviewOpinion>(p, {
    stage: S.LegalReview,
    reviewed: (o) => ({ conclusion: o.conclusion, sha256: o.reviewedSha256, version: o.caseVersion }),
    passing: (conclusion) => conclusion === 'AGREE',
    basis: `G-C1, ${basis(S.Decision)}`,
  });
  const er: Er = {
    p,
    input,
    policy,
    s,
    legality,
    collectiveRequired: () => er.policy.collectiveDiscussion === 'ALL' || input.classification.complexOrSerious,
  };

  documentVersions(p, {
    update: erSubmitDocumentVersionUpdate,
    mayUpload: (actor) => requireCaseUnit(er, actor, 'add case documents'),
    stages: ER_DOCUMENT_UPLOAD_STAGES,
    wrongStage: () =>
      `Case documents are added while the case is prepared, supplemented or reworked, and before the decision; ` +
      `the case is in stage ${p.stage}.`,
    underReview: () => legality.underReview(),
    afterUpload: (kind, actor) => afterUpload(er, kind, actor),
  });

  // ---- The review's table of contents ----------------------------------------------------------------------------
  submission(er); // C1–C5
  review(er); // C6–C7, C10a
  decision(er); // C9–C12

  p.snapshot = () => ({
    ...p.snapshotBase(),
    status: p.status as Snap['status'],
    classification: input.classification,
    reviewBody: input.reviewBody,
    evidenceFiles: [...s.evidenceFiles],
    versions: [...s.versions],
    opinions: [...legality.opinions],
    materialsRequests: [...s.materialsRequests],
    reviewClockStartedAt: s.reviewClockStartedAt,
    extension: s.extension,
    collectiveRequired: er.collectiveRequired(),
    collective: s.collective,
    decision: s.decision,
    transfer: s.transfer,
    disclosure: s.disclosure,
    withdrawal: s.withdrawal,
    steps: [...p.steps],
    waitingFor: waitingFor(er),
  });
  // What the archive's case file is built from (the API's ENFORCEMENT_REVIEW_ARCHIVE), kept in PostgreSQL.
  p.archiveFrom(() => ({
    classification: input.classification,
    reviewBody: input.reviewBody,
    versions: s.versions,
    evidenceFiles: s.evidenceFiles,
    materialsRequests: s.materialsRequests,
    opinions: legality.opinions,
    reviewClockStartedAt: s.reviewClockStartedAt,
    extension: s.extension,
    collective: s.collective,
    transfer: s.transfer,
    decision: s.decision,
    disclosure: s.disclosure,
    withdrawal: s.withdrawal,
  }));
  p.expose(
    [getEnforcementReviewStateQuery, getProcedureStateQuery as unknown as QueryDefinition<Snap>],
    erAwaitSettledUpdate,
  );

  policy = await startPolicy<EnforcementReviewPolicy>(ENFORCEMENT_REVIEW, input);
  er.policy = policy;
  await p.register({
    projectCode: input.caseNumber,
    departmentId: input.departmentId,
    initiator: input.submitter,
    policyVersion: policy.version,
    details: { classification: input.classification, reviewBody: input.reviewBody, policy },
  });
  await enter(er, S.CasePreparation);
  p.settled = true;
  return p.run({});
}

/**
 * Evidence files and hearing records are kept by SHA-256 for the materials check; a decision text changed after a
 * passed review re-opens the review as a new version of the case (G-C5), signed into the ledger.
 */
async function afterUpload(er: Er, kind: DocumentKind, actor: Actor): Promise<void> {
  const { p, s, legality } = er;
  const sha = p.documents[kind]!.sha256;
  if (kind === DocumentKind.Evidence) s.evidenceFiles.push(sha);
  if (kind === DocumentKind.HearingRecord) s.hearingRecords.push(sha);
  if (!legality.reopens(kind) || (p.stage !== S.CollectiveDiscussion && p.stage !== S.Decision)) return;
  const last = legality.last()!;
  const version = s.versions.length + 1;
  s.versions.push({
    ...current(er)!,
    version,
    draftSha256: sha,
    submittedBy: actor.userId,
    submittedAt: new Date().toISOString(),
  });
  await p.sign({
    taskId: p.openTaskId,
    decision: 'LEGAL_REVIEW_REOPENED',
    opinion:
      `拟作决定在审核意见（${last.conclusion}，${last.reviewedSha256}）之后修改为 ${sha}：作为第${version}版重新送审` +
      `（G-C5, ${basis(S.LegalReview)}）`,
    actor,
    role: Role.Drafter,
    next: S.Intake,
  });
  await enter(er, S.Intake);
}
