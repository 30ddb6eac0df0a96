import { Column, Entity } from 'typeorm';

/**
 * How many open tasks an inbox holder has, per due day (UTC). Written only by the database (statement triggers
 * `task_inbox_count_*` on `task`, in the transaction of the change); the inbox's badge sums it.
 */
@Entity('task_inbox_count')
export class TaskInboxCountEntity {
  /** USER (assignee), DELEGATE (drafting for the holder) or UNIT (unclaimed in the unit). */
  @Column({ name: 'holder_kind', type: 'text', primary: true, primaryKeyConstraintName: 'pk_task_inbox_count' })
  holderKind: 'USER' | 'DELEGATE' | 'UNIT';

  @Column({ name: 'holder_id', type: 'uuid', primary: true, primaryKeyConstraintName: 'pk_task_inbox_count' })
  holderId: string;

  /** The UTC day of the tasks' due time; `infinity` for tasks without one. */
  @Column({ name: 'due_day', type: 'date', primary: true, primaryKeyConstraintName: 'pk_task_inbox_count' })
  dueDay: string;

  @Column({ type: 'integer' })
  open: number;
}
