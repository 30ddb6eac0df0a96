import { createHash } from 'node:crypto';

/** The hash that precedes the first ledger entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of a ledger entry that its hash binds, in a fixed order. */
export interface LedgerPayload {
  procedureId: string;
  taskId: string | null;
  workflowId: string;
  stage: string;
  actorId: string;
  actorName: string;
  actorRole: string;
  actorUnitId: string;
  decision: string;
  opinion: string;
  documentSha256: string | null;
  idempotencyKey: string;
  recordedAt: string;
}

const FIELD_ORDER: (keyof LedgerPayload)[] = [
  'procedureId',
  'taskId',
  'workflowId',
  'stage',
  'actorId',
  'actorName',
  'actorRole',
  'actorUnitId',
  'decision',
  'opinion',
  'documentSha256',
  'idempotencyKey',
  'recordedAt',
];

/** SHA-256 over the previous hash and the entry's fields as canonical JSON (fixed key order). */
export function ledgerHash(prevHash: string, payload: LedgerPayload): string {
  const canonical = JSON.stringify(FIELD_ORDER.map((key) => [key, payload[key]]));
  return createHash('sha256').update(prevHash).update('\n').update(canonical, 'utf8').digest('hex');
}
