/** Every workflow the LawGate worker runs. Workflow function names are Temporal workflow types: never rename them. */
export { normativeDocumentWorkflow } from './normative-document/normative-document.workflow';
export { documentRegistrationWorkflow } from './registration.workflow';
export { majorDecisionWorkflow } from './major-decision/major-decision.workflow';
export { cleanupCampaignWorkflow, cleanupReviewWorkflow } from './cleanup.workflow';
export { enforcementReviewWorkflow } from './enforcement-review/enforcement-review.workflow';
export { contractReviewWorkflow } from './contract-review/contract-review.workflow';
export { filingReviewWorkflow } from './filing-review/filing-review.workflow';
