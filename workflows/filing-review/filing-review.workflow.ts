import { acts, local } from '../activity-proxies';
import { ProcedureRun } from '../kernel/procedure-run';
import { openEntryTask } from '../kernel/stage-entry';
import { startPolicy } from '../kernel/start-policy';
import { documentVersions } from '../steps/document-versions.step';
import type { Fr, FrState } from './context';
import { requireIssuer } from './context';
import { arrival, awaitFiling, receiveFiling } from './stages/arrival.stage';
import { review } from './stages/review.stage';
import {
  waitingText,
  getProcedureStateQuery,
  FILING_REVIEW_DEFINITION as DEF,
  FILING_REVIEW,
  FILING_REVIEW_STAGE_BASIS,
  FILING_REVIEW_TERMINAL_STAGES,
  FR_UPLOAD_STAGES,
  FilingReviewStage as S,
  filingStageName as basis,
  frAwaitSettledUpdate,
  frSubmitDocumentVersionUpdate,
  getFilingReviewStateQuery,
  type FilingReviewInput,
  type FilingReviewPolicy,
  type FilingReviewSnapshot as Snap,
  Role,
} from '@lawgate/domain';
import type { QueryDefinition } from '@temporalio/common';

/**
 * The filing review of a normative document on the receiving side (规范性文件备案审查), E1–E9: the filing arrives (from
 * a LawGate procedure, an uploaded package, or expected and followed up when missing) → registration (register,
 * refuse with reasons, or defer for missing materials) → substantive review against the standards → passed or
 * technical problems (filed, in the catalog), or the correction loop: correction agreed or a written opinion, the
 * issuer's corrected text and report, review again; escalation to the government to change or revoke.
 */
export async function filingReviewWorkflow(input: FilingReviewInput): Promise<Snap> {
  let policy = {} as FilingReviewPolicy;
  const p: ProcedureRun<S, Snap> = new ProcedureRun<S, Snap>({
    recordDecision: (...args) => local.recordDecision(...args),
    input: {
      procedureId: input.procedureId,
      title: input.document.title,
      departmentCode: input.document.issuerUnitCode,
    },
    type: FILING_REVIEW,
    stages: { initial: S.AwaitingFiling, terminal: FILING_REVIEW_TERMINAL_STAGES, basis: FILING_REVIEW_STAGE_BASIS },
    wrongStage: (expected, what) =>
      `${what} belongs to stage ${basis(expected)}; the filing is in stage ${basis(p.stage)} and waits for: ` +
      `${waitingText(DEF, p.stage) ?? '—'}.`,
    reminderLeadSeconds: () => policy.reminderLeadSeconds,
  });
  const s: FrState = {
    filingDueAt: null,
    filedAt: null,
    late: false,
    followUps: [],
    registrations: [],
    opinions: [],
    reports: [],
    governmentDecision: null,
    askedOn: {},
  };
  const unit = { unitId: input.document.issuerUnitId };
  const fr: Fr = { p, input, s, policy: () => policy, enter: (stage) => openEntryTask(p, DEF, stage, policy, unit) };

  documentVersions(p, {
    update: frSubmitDocumentVersionUpdate,
    mayUpload: (actor) => requireIssuer(input, actor, 'add documents to the filing'),
    stages: FR_UPLOAD_STAGES,
    wrongStage: () =>
      `Filing documents are added while the filing is expected, supplemented or corrected; it is in stage ${basis(p.stage)}.`,
    underReview: () => false,
  });
  arrival(fr);
  review(fr);

  p.snapshot = () => ({
    ...p.snapshotBase(),
    status: p.status as Snap['status'],
    document: input.document,
    source: input.source,
    origin: input.origin,
    filingDueAt: s.filingDueAt,
    filedAt: s.filedAt,
    late: s.late,
    followUps: [...s.followUps],
    registrations: s.registrations.map((r) => ({ ...r })),
    opinions: [...s.opinions],
    reports: [...s.reports],
    governmentDecision: s.governmentDecision,
    steps: [...p.steps],
    waitingFor: waitingText(DEF, p.stage, p.stage === S.AwaitingFiling && p.openTaskId ? 'overdue' : 'default'),
  });
  p.expose(
    [getFilingReviewStateQuery, getProcedureStateQuery as unknown as QueryDefinition<Snap>],
    frAwaitSettledUpdate,
  );

  policy = await startPolicy<FilingReviewPolicy>(FILING_REVIEW, input);
  await p.register({
    projectCode: input.document.documentNumber,
    departmentId: input.document.issuerUnitId,
    initiator: input.filedBy,
    policyVersion: policy.version,
    details: { document: input.document, source: input.source, origin: input.origin, policy },
  });
  // E1/E8: the filing is due the policy's period after publication (counted from the day of publication, CST).
  s.filingDueAt = (
    await acts.computeDeadline({ from: `${input.document.publishedOn}T00:00:00+08:00`, period: policy.filingPeriod })
  ).dueAt;
  for (const item of input.package) {
    p.documents[item.kind] = await acts.recordDocumentVersion({
      procedureId: p.procedureId,
      workflowId: p.workflowId,
      stage: p.stage,
      kind: item.kind,
      sha256: item.sha256,
      size: item.size,
      mediaType: item.mediaType,
      filename: item.filename,
      note: '备案材料',
      actor: input.filedBy,
      idempotencyKey: `${p.workflowId}:package:${item.kind}:${item.sha256}`,
    });
  }
  if (input.package.length > 0) {
    const role = input.filedBy.roles.includes(Role.Drafter) ? Role.Drafter : Role.LegalAffairsOfficer;
    await receiveFiling(fr, input.filedBy, role);
  }
  p.settled = true;
  return p.run({ [S.AwaitingFiling]: () => awaitFiling(fr) });
}
