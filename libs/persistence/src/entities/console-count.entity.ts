import { Column, Entity } from 'typeorm';

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
