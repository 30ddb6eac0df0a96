/** What a checkpoint states: the heads of both chains at one moment. */
export interface CheckpointClaim {
  ledgerHeadSeq: string;
  ledgerHeadHash: string;
  auditHeadId: string;
  auditHeadHash: string;
  signedAt: string;
}

export interface SignedCheckpoint extends CheckpointClaim {
  keyId: string;
  signature: string;
}

const FORMAT = 'lawgate-ledger-checkpoint/1';

/** The exact text an Ed25519 checkpoint signature covers (one line per field, fixed order). */
export function checkpointStatement(c: CheckpointClaim): string {
  return [FORMAT, c.ledgerHeadSeq, c.ledgerHeadHash, c.auditHeadId, c.auditHeadHash, c.signedAt].join('\n');
}
