import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity';
import { ProcedureEntity } from './procedure.entity';
import { UserEntity } from './user.entity';

export type TaskStatus = 'OPEN' | 'DONE' | 'CANCELLED';

/** One person's or one unit's piece of a procedure. Opened idempotently per (workflow, stage, round, kind). */
@Entity('task')
@Index('uq_task_step', ['workflowId', 'stage', 'round', 'kind'], { unique: true })
@Index('ix_task_inbox', ['status', 'assigneeUnitId'])
// The inbox reads open tasks per holder in due order; these partial indexes serve each branch of that query.
@Index('ix_task_inbox_user', { synchronize: false })
@Index('ix_task_inbox_delegate', { synchronize: false })
@Index('ix_task_inbox_unit', { synchronize: false })
// The console: overdue work (open tasks by due time) and on-time rates (closed tasks by close time).
@Index('ix_task_open_due_id', { synchronize: false })
@Index('ix_task_completed', { synchronize: false })
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_task_procedure')
  @Column({ name: 'procedure_id', type: 'uuid' })
  procedureId: string;

  @ManyToOne(() => ProcedureEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'procedure_id', foreignKeyConstraintName: 'fk_task_procedure' })
  procedure?: ProcedureEntity;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId: string;

  @Column({ type: 'text' })
  stage: string;

  @Column({ type: 'int' })
  round: number;

  /** What is asked: PROJECT_APPROVAL, REVIEW, OPINION, REVISION, ... */
  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  title: string;

  /** Why the task exists: regulation and article. */
  @Column({ name: 'legal_basis', type: 'text' })
  legalBasis: string;

  @Column({ name: 'assignee_unit_id', type: 'uuid' })
  assigneeUnitId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_unit_id', foreignKeyConstraintName: 'fk_task_assignee_unit' })
  assigneeUnit?: OrgUnitEntity;

  @Column({ name: 'assignee_user_id', type: 'uuid', nullable: true })
  assigneeUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_user_id', foreignKeyConstraintName: 'fk_task_assignee_user' })
  assigneeUser?: UserEntity;

  @Column({ type: 'text', default: 'OPEN' })
  status: TaskStatus;

  /** The exact document version the task is about (for reviews and opinions). */
  @Column({ name: 'subject_version_id', type: 'uuid', nullable: true })
  subjectVersionId: string | null;

  /** An adviser the holder delegated the drafting of the opinion to; the holder still signs. */
  @Column({ name: 'delegate_user_id', type: 'uuid', nullable: true })
  delegateUserId: string | null;

  /** The delegate's draft opinion, waiting for the holder's countersignature. */
  @Column({ name: 'draft_opinion', type: 'jsonb', nullable: true })
  draftOpinion: {
    conclusion: 'LAWFUL' | 'UNLAWFUL' | 'MUST_AMEND';
    reasons: string;
    reviewedSha256: string;
    byUserId: string;
    at: string;
  } | null;

  /** Why the task went where it went (routing reasons, or why it was escalated to the legal-affairs office). */
  @Column({ name: 'routing_note', type: 'text', nullable: true })
  routingNote: string | null;

  /** What the requester asks the holder to look at (an adviser's opinion task). */
  @Column({ type: 'text', nullable: true })
  question: string | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  /** The calendar version the due date was computed with (null for test periods in seconds). */
  @Column({ name: 'due_calendar_version', type: 'int', nullable: true })
  dueCalendarVersion: number | null;

  /** Why there is no due date, when it could not be computed (e.g. the next year's calendar is not loaded). */
  @Column({ name: 'due_problem', type: 'text', nullable: true })
  dueProblem: string | null;

  /** When the reminder before the due date went out. */
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  /** When the task was escalated for being overdue. */
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Column({ name: 'completed_by', type: 'uuid', nullable: true })
  completedBy: string | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** Millisecond precision, so that inbox cursors (JavaScript dates) compare exactly. */
  /**
   * Everyone who held the task or drafted for it, and when (from `task_holder`, filled by
   * `TaskRepository.findByProcedure`; not a column).
   */
  holders?: { userId: string; capacity: string; heldFrom: Date; heldUntil: Date | null }[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
