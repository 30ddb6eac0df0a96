import type { EntityManager } from 'typeorm';
import { filingReviewStatusOf } from '@lawgate/domain';
import { writeFilingReviewStatus, type LedgerEntryEntity } from '@lawgate/persistence';

/** The workflow ID of a case opened by a filing made in LawGate: `filing-review:filing:<filingId>`. */
const FROM_FILING = /^filing-review:filing:([0-9a-f-]{36})$/i;

/**
 * When a filing-review case opened by a filing made in LawGate signs a decision that is a review status (registered,
 * refused, deferred, passed, correction agreed, written opinion, escalated, ...), the issuing procedure's filing for
 * that recipient shows it with its date and reference, in the sign-off's transaction: the drafting department sees
 * it without anyone typing it. Once per sign-off (its idempotency key): a retried activity writes once.
 */
export async function filingReviewWrittenBack(
  manager: EntityManager,
  input: { workflowId: string; procedureId: string; decision: string; idempotencyKey: string },
  entry: Pick<LedgerEntryEntity, 'seq' | 'recordedAt'>,
): Promise<boolean> {
  const filingId = FROM_FILING.exec(input.workflowId)?.[1];
  const status = filingReviewStatusOf(input.decision);
  if (!filingId || !status) return false;
  return writeFilingReviewStatus(manager, {
    filingId,
    status,
    at: new Date(entry.recordedAt),
    reference: `备案审查 #${entry.seq}`,
    caseId: input.procedureId,
    key: input.idempotencyKey,
  });
}
