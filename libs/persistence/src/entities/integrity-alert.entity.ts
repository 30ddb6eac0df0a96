import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An integrity alert raised by the reconciliation of a procedure's ledger and read model with its workflow's history
 * and status: a workflow reset, terminated outside LawGate, missing, or whose history does not match the ledger.
 * One row per procedure, kind, workflow run and subject, so that running the reconciliation again raises nothing twice.
 */
@Entity('integrity_alert')
@Index('uq_integrity_alert', ['procedureId', 'kind', 'runId', 'subject'], { unique: true })
export class IntegrityAlertEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_integrity_alert' })
  id: string;

  @Column({ name: 'procedure_id', type: 'uuid' })
  procedureId: string;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId: string;

  /** The workflow run the alert is about ('' when no run was found). */
  @Column({ name: 'run_id', type: 'text' })
  runId: string;

  /** What inside the run the alert is about ('' for the run itself; `ledger:<seq>` for one ledger entry). */
  @Column({ type: 'text', default: '' })
  subject: string;

  /** WORKFLOW_RESET, WORKFLOW_TERMINATED, WORKFLOW_MISSING, STATUS_MISMATCH, LEDGER_ENTRY_MISSING, LEDGER_ENTRY_UNMATCHED,
   * LEDGER_ENTRY_MISMATCH. */
  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  message: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;

  @CreateDateColumn({ name: 'detected_at', type: 'timestamptz', precision: 3 })
  detectedAt: Date;
}
