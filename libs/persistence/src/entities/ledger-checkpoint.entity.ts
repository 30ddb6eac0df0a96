import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A signed checkpoint of the ledger's and the audit trail's chain heads (Ed25519, key outside the database). Written
 * after each batch of sign-offs and daily, published in the public register's feed; anyone's copy of one proves
 * that the chains were neither truncated nor rewritten before it. Append-only in the database.
 */
@Entity('ledger_checkpoint')
export class LedgerCheckpointEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'pk_ledger_checkpoint' })
  id: string;

  @Column({ name: 'ledger_head_seq', type: 'bigint' })
  ledgerHeadSeq: string;

  @Column({ name: 'ledger_head_hash', type: 'text' })
  ledgerHeadHash: string;

  @Column({ name: 'audit_head_id', type: 'bigint' })
  auditHeadId: string;

  @Column({ name: 'audit_head_hash', type: 'text' })
  auditHeadHash: string;

  @Column({ name: 'signed_at', type: 'timestamptz' })
  signedAt: Date;

  /** BATCH (the chains moved), DAILY (nothing moved for a day) or MANUAL. */
  @Column({ type: 'text' })
  reason: string;

  /** First 16 hex digits of the SHA-256 of the signing public key (raw 32 bytes). */
  @Column({ name: 'key_id', type: 'text' })
  keyId: string;

  /** Ed25519 signature (base64) over `checkpointStatement(...)`. */
  @Column({ type: 'text' })
  signature: string;
}
