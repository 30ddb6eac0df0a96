import type { ArchiveSections } from '../procedure-api';

/**
 * A major enforcement decision's case file in the decision archive (C12 归档): every submitted version of the case with
 * its materials, every review opinion with the checklist and the SHA-256 it reviewed (the earlier ones of a rework
 * too), the materials requests, the extension, the collective discussion, the crime-transfer branch, the decision
 * with the text decided, and its disclosure and withdrawal. The sign-offs themselves are the archive's `ledger.json`.
 * Built from the fields the workflow keeps in PostgreSQL (`p.archiveFrom` in enforcement-review.workflow.ts).
 */
export const ENFORCEMENT_REVIEW_ARCHIVE: ArchiveSections = (state) => ({
  'case/classification.json': { classification: state.classification, reviewBody: state.reviewBody },
  'case/versions.json': state.versions,
  'case/evidence-files.json': state.evidenceFiles,
  'case/materials-requests.json': state.materialsRequests,
  'legality/opinions.json': state.opinions,
  'legality/review-clock.json': { startedAt: state.reviewClockStartedAt, extension: state.extension },
  'collective-discussion.json': state.collective,
  'transfer.json': state.transfer,
  'decision.json': state.decision,
  'disclosure.json': state.disclosure,
  'disclosure-withdrawal.json': state.withdrawal,
});
