import type { ArchiveSections } from '../procedure-api';

/**
 * A government contract's file in the decision archive: its facts (basis, counterpart, amount, term, kind), every
 * legality opinion with the checklist and the SHA-256 it reviewed, the signing with the text signed, the filing, and
 * the register (milestones, payment deadlines, warnings). The sign-offs themselves are the archive's `ledger.json`.
 * Built from the fields the workflow keeps in PostgreSQL (`p.archiveFrom` in contract-review.workflow.ts).
 */
export const CONTRACT_REVIEW_ARCHIVE: ArchiveSections = (state) => ({
  'contract/facts.json': state.facts,
  'legality/opinions.json': state.opinions,
  'signing.json': state.signing,
  'filing.json': state.filing,
  'register/performance.json': {
    milestones: state.milestones,
    payments: state.payments,
    warnings: state.warnings,
    expiryReminded: state.expiryReminded,
  },
});
