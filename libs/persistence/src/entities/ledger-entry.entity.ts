import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProcedureEntity } from './procedure.entity';

/**
 * The sign-off ledger: every decision a person takes in a procedure, hash-chained (each entry carries the previous
 * entry's hash). The database refuses UPDATE and DELETE on this table (see the migration's trigger).
 */
@Entity('ledger_entry')
export class LedgerEntryEntity {
  /** Position in the chain (1, 2, 3, ...). */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq: string;

  @Index('ix_ledger_procedure')
  @Column({ name: 'procedure_id', type: 'uuid' })
  procedureId: string;

  @ManyToOne(() => ProcedureEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'procedure_id', foreignKeyConstraintName: 'fk_ledger_procedure' })
  procedure?: ProcedureEntity;

  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId: string | null;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId: string;

  @Column({ type: 'text' })
  stage: string;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @Column({ name: 'actor_name', type: 'text' })
  actorName: string;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole: string;

  @Column({ name: 'actor_unit_id', type: 'uuid' })
  actorUnitId: string;

  @Column({ type: 'text' })
  decision: string;

  @Column({ type: 'text' })
  opinion: string;

  /** SHA-256 of the document version the decision is about, when there is one. */
  @Column({ name: 'document_sha256', type: 'text', nullable: true })
  documentSha256: string | null;

  /** Makes a retried activity append once: the workflow update id. */
  @Index('uq_ledger_idempotency_key', { unique: true })
  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash: string;

  @Column({ type: 'text' })
  hash: string;
}
