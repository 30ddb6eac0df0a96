import { Column, Entity, Index } from 'typeorm';

/**
 * Closed tasks per month of closing (China Standard Time) and how many of them on time, in 8 shards. Written only by
 * the database (statement triggers `task_close_month_*` on `task`); the console's on-time rate sums the shards.
 */
@Entity('task_close_month')
export class TaskCloseMonthEntity {
  /** YYYY-MM. */
  @Column({ type: 'text', primary: true, primaryKeyConstraintName: 'pk_task_close_month' })
  month: string;

  @Column({ type: 'smallint', primary: true, primaryKeyConstraintName: 'pk_task_close_month' })
  shard: number;

  @Column({ type: 'bigint' })
  total: string;

  @Column({ name: 'on_time', type: 'bigint' })
  onTime: string;
}

/**
 * Procedures per type and stage, in 8 shards. Written only by the database (statement triggers
 * `procedure_stage_count_*` on `procedure`); the console's procedures by stage sum the shards.
 */
@Entity('procedure_stage_count')
export class ProcedureStageCountEntity {
  @Column({ type: 'text', primary: true, primaryKeyConstraintName: 'pk_procedure_stage_count' })
  type: string;

  @Column({ type: 'text', primary: true, primaryKeyConstraintName: 'pk_procedure_stage_count' })
  stage: string;

  @Column({ type: 'smallint', primary: true, primaryKeyConstraintName: 'pk_procedure_stage_count' })
  shard: number;

  @Column({ type: 'bigint' })
  n: string;
}

/** Legality (and other) decisions per month of recording (China Standard Time), stage and decision, in 8 shards. */
@Entity('ledger_decision_month')
export class LedgerDecisionMonthEntity {
  @Column({ type: 'text', primary: true, primaryKeyConstraintName: 'pk_ledger_decision_month' })
  month: string;

  @Column({ type: 'text', primary: true, primaryKeyConstraintName: 'pk_ledger_decision_month' })
  stage: string;

  @Column({ type: 'text', primary: true, primaryKeyConstraintName: 'pk_ledger_decision_month' })
  decision: string;

  @Column({ type: 'smallint', primary: true, primaryKeyConstraintName: 'pk_ledger_decision_month' })
  shard: number;

  @Column({ type: 'bigint' })
  n: string;
}

/** Answered public comments per month of answering (China Standard Time) and answer, in 8 shards. */
@Entity('comment_answer_month')
export class CommentAnswerMonthEntity {
  @Column({ type: 'text', primary: true, primaryKeyConstraintName: 'pk_comment_answer_month' })
  month: string;

  @Column({ type: 'text', primary: true, primaryKeyConstraintName: 'pk_comment_answer_month' })
  answer: string;

  @Column({ type: 'smallint', primary: true, primaryKeyConstraintName: 'pk_comment_answer_month' })
  shard: number;

  @Column({ type: 'bigint' })
  n: string;
}

/**
 * A person and a procedure they held a task in, drafted for, or closed a task of, with the procedure's creation time
 * (the procedure list's order). Written only by the database (triggers on `task_holder` and `task`); never removed.
 */
@Entity('procedure_involvement')
@Index('ix_procedure_involvement_newest', { synchronize: false })
export class ProcedureInvolvementEntity {
  @Column({ name: 'user_id', type: 'uuid', primary: true, primaryKeyConstraintName: 'pk_procedure_involvement' })
  userId: string;

  @Column({ name: 'procedure_id', type: 'uuid', primary: true, primaryKeyConstraintName: 'pk_procedure_involvement' })
  procedureId: string;

  @Column({ name: 'procedure_created_at', type: 'timestamptz' })
  procedureCreatedAt: Date;
}
