import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The audit trail: logins, exports, archive downloads, document reads, administrative changes and every operator
 * action, with who, when and why. Append-only and hash-chained by the database itself (see the EvidenceChains
 * migration): the `prev_hash`/`hash` columns are set by a trigger, never by the application.
 */
@Entity('audit_entry')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Index('ix_audit_at')
  @Column({ type: 'timestamptz' })
  at: Date;

  /** USER, OPERATOR or SYSTEM. */
  @Column({ name: 'actor_kind', type: 'text' })
  actorKind: string;

  @Index('ix_audit_actor')
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Index('ix_audit_action')
  @Column({ type: 'text' })
  action: string;

  @Index('ix_audit_procedure')
  @Column({ name: 'procedure_id', type: 'uuid', nullable: true })
  procedureId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;

  /** Makes retried activities write once. */
  @Index('uq_audit_dedup_key', { unique: true })
  @Column({ name: 'dedup_key', type: 'text' })
  dedupKey: string;

  /** The previous entry's hash (set by the database). */
  @Column({ name: 'prev_hash', type: 'text', insert: false, update: false })
  prevHash: string;

  /** SHA-256 over the previous hash and this entry (set by the database, `lawgate_audit_hash`). */
  @Column({ type: 'text', insert: false, update: false })
  hash: string;
}
