import { proxyActivities } from '@temporalio/workflow';
import type { LawGateActivities } from '../activities';
import type { RegisterDocumentInput, RegisteredDocument } from '@lawgate/domain';

const acts = proxyActivities<Pick<LawGateActivities, 'registerDocument'>>({
  startToCloseTimeout: '30 seconds',
  // Retrying is safe: registerDocument is idempotent on its key, so a retry after a commit returns the same number.
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/**
 * Registers and numbers one document (B9, G-B9). A workflow of its own so that the normative-document workflow
 * starts it as a child with the ID `registration:<procedureId>` (`registrationWorkflowId`): whatever happens to the
 * parent, a procedure is registered once. Fails only on a business refusal (unknown issuer or series).
 */
export async function documentRegistrationWorkflow(input: RegisterDocumentInput): Promise<RegisteredDocument> {
  return acts.registerDocument(input);
}
