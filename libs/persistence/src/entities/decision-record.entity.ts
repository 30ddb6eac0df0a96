import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProcedureEntity } from './procedure.entity';

/**
 * A major decision's record of one step (expert opinion, hearing, risk report, meeting minutes, Party report,
 * publication, execution report, evaluation), kept in PostgreSQL when the step is signed, so that the decision archive
 * does not depend on Temporal's retention of the workflow's history. `content` is the record's JSON text exactly as
 * written (its SHA-256 is `content_sha256`); `ledger_hash` is the hash of the sign-off that recorded the step.
 */
@Entity('decision_record')
@Index('uq_decision_record_key', ['procedureId', 'idempotencyKey'], { unique: true })
export class DecisionRecordEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_decision_record' })
  id: string;

  @Column({ name: 'procedure_id', type: 'uuid' })
  procedureId: string;

  @ManyToOne(() => ProcedureEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'procedure_id', foreignKeyConstraintName: 'fk_decision_record_procedure' })
  procedure?: ProcedureEntity;

  /** EXPERT_OPINION, EXPERT_ADOPTION, HEARING, RISK_ASSESSMENT, MEETING_MINUTES, PARTY_REPORT, PUBLICATION, … */
  @Column({ type: 'text' })
  kind: string;

  /** The round of the statutory steps (an adjustment starts a new one). */
  @Column({ type: 'int' })
  round: number;

  /** The record as JSON text, byte for byte as hashed. */
  @Column({ type: 'text' })
  content: string;

  @Column({ name: 'content_sha256', type: 'text' })
  contentSha256: string;

  /** The hash of the ledger entry that signed the step (null for a record without its own sign-off). */
  @Column({ name: 'ledger_hash', type: 'text', nullable: true })
  ledgerHash: string | null;

  /** The step's update id and the record's kind: a retried activity writes nothing twice. */
  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz', precision: 3 })
  recordedAt: Date;
}
