import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TaskEntity } from './task.entity';

/**
 * Who held a task, or drafted for its holder, and when: one row per holding. Written by the database (trigger
 * `task_holder_history` on `task`) whenever a task's holder or delegate changes, so it is complete whoever changes
 * the task. Visibility reads it: a person who once held a task in a procedure stays involved in it.
 */
@Entity('task_holder')
@Index('ix_task_holder_procedure_user', ['procedureId', 'userId'])
export class TaskHolderEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_task_holder' })
  id: string;

  @Index('ix_task_holder_task')
  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_task_holder_task' })
  task?: TaskEntity;

  @Column({ name: 'procedure_id', type: 'uuid' })
  procedureId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** HOLDER (assigned, claimed, reassigned to them) or DELEGATE (drafting the opinion for the holder). */
  @Column({ type: 'text' })
  capacity: 'HOLDER' | 'DELEGATE';

  @Column({ name: 'held_from', type: 'timestamptz', precision: 3, default: () => 'now()' })
  heldFrom: Date;

  /** When the holding ended (released, reassigned, the task closed at the time of the copy); null while it lasts. */
  @Column({ name: 'held_until', type: 'timestamptz', precision: 3, nullable: true })
  heldUntil: Date | null;
}

/**
 * What the reconciliation last compared of a procedure's ledger with its workflow's history: when the run, the
 * history's length and the ledger's digest are all still the same, the entry-by-entry comparison is not repeated.
 */
@Entity('reconciliation_mark')
export class ReconciliationMarkEntity {
  @Column({ name: 'procedure_id', type: 'uuid', primary: true, primaryKeyConstraintName: 'pk_reconciliation_mark' })
  procedureId: string;

  @Column({ name: 'run_id', type: 'text' })
  runId: string;

  @Column({ name: 'history_length', type: 'bigint' })
  historyLength: string;

  /** md5 of the procedure's ledger hashes in chain order, with their count. */
  @Column({ name: 'ledger_digest', type: 'text' })
  ledgerDigest: string;

  @Column({ name: 'checked_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  checkedAt: Date;
}
