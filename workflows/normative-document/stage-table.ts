import { openEntryTask } from '../kernel/stage-entry';
import type { Nd, Stage } from './context';
import { openFiling } from './stages/filing.stage';
import { waitingText, NORMATIVE_DOCUMENT_DEFINITION, NormativeDocumentStage as S } from '@lawgate/domain';

/** Opens what a stage needs when the procedure enters it (terminal stages and those entered by updates: nothing). */
export async function enter(nd: Nd, stage: Stage): Promise<void> {
  const { p, policy, input } = nd;
  if (stage === S.LegalityReview) {
    const review = NORMATIVE_DOCUMENT_DEFINITION.tasks.LEGALITY_REVIEW;
    await nd.legality.open({
      round: p.nextRound(stage),
      kind: review.kind,
      title: review.title,
      period: policy.legalityReviewMaximum,
      departmentId: input.departmentId,
      drafterIds: [input.applicant.userId],
      expertise: nd.s.expertise,
      // The clock starts now that the materials are complete (G-B5); the minimum protects the reviewer (G-B6).
      minimum: nd.s.emergency ? null : policy.legalityReviewMinimum,
    });
  } else if (stage === S.InForce) {
    await openFiling(nd);
  } else {
    // A department's own document is deliberated by the department's own meeting (局务会议), not the government's.
    const holders = nd.s.issuer === 'DEPARTMENT' ? { GOVERNMENT: { unitId: input.departmentId } } : {};
    await openEntryTask(p, NORMATIVE_DOCUMENT_DEFINITION, stage, policy, { unitId: input.departmentId }, holders);
  }
}

/** What the procedure waits for now: the stage's words, or what the open step inside the stage needs. */
export function waitingFor(nd: Nd): string | null {
  const { p, s } = nd;
  const window = nd.comments.window;
  const text = (variant?: string, values?: Record<string, string>) =>
    waitingText(NORMATIVE_DOCUMENT_DEFINITION, p.stage, variant, values);
  if (p.stage === S.Drafting && s.pendingOpinion) return text('opinionPending');
  if (p.stage === S.FairCompetitionReview && s.fcr?.marketRegulationTaskId) return text('marketRegulation');
  if (p.stage === S.PublicComment && window) {
    return window.closed ? text('answering') : text('windowOpen', { closesAt: window.closesAt });
  }
  const filings = s.filings ?? (s.filing ? [s.filing] : []);
  if (p.stage === S.InForce && s.evaluationTaskId) return text('evaluation');
  if (p.stage === S.InForce && s.amendment) return text(s.amendment.procedureId ? 'amending' : 'amendmentToStart');
  if (p.stage === S.InForce && filings.some((f) => f.status !== 'ACCEPTED')) return text('filingPending');
  return text();
}
