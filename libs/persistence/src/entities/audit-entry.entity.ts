import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Evidence trail of actions around procedures: who started what, who decided, operator actions with reasons. */
@Entity('audit_entry')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  /** USER, OPERATOR or SYSTEM. */
  @Column({ name: 'actor_kind', type: 'text' })
  actorKind: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

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
}
