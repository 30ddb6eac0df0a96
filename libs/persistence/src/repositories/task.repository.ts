import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { TaskEntity } from '../entities';

export type NewTask = Pick<
  TaskEntity,
  | 'procedureId'
  | 'workflowId'
  | 'stage'
  | 'round'
  | 'kind'
  | 'title'
  | 'legalBasis'
  | 'assigneeUnitId'
  | 'dueAt'
  | 'dueCalendarVersion'
  | 'dueProblem'
> & { assigneeUserId?: string | null; routingNote?: string | null };

@Injectable()
export class TaskRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Opens the task for (workflow, stage, round, kind) unless it exists, and returns the row either way. */
  async openIfAbsent(manager: EntityManager, task: NewTask): Promise<TaskEntity> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(TaskEntity)
      .values({
        ...task,
        assigneeUserId: task.assigneeUserId ?? null,
        routingNote: task.routingNote ?? null,
        status: 'OPEN',
      })
      .orIgnore()
      .execute();
    return manager.getRepository(TaskEntity).findOneOrFail({
      where: { workflowId: task.workflowId, stage: task.stage, round: task.round, kind: task.kind },
    });
  }

  /** The task of a step, if it was opened already. */
  findStep(
    manager: EntityManager,
    step: Pick<TaskEntity, 'workflowId' | 'stage' | 'round' | 'kind'>,
  ): Promise<TaskEntity | null> {
    return manager.getRepository(TaskEntity).findOne({
      where: { workflowId: step.workflowId, stage: step.stage, round: step.round, kind: step.kind },
    });
  }

  /** Closes an open task with its outcome; a task already closed is left as it is. */
  async complete(manager: EntityManager, taskId: string, outcome: string, completedBy: string | null): Promise<void> {
    await manager
      .getRepository(TaskEntity)
      .createQueryBuilder()
      .update()
      .set({ status: 'DONE', outcome, completedBy, completedAt: () => 'now()' })
      .where('id = :taskId AND status = :open', { taskId, open: 'OPEN' })
      .execute();
  }

  async cancelOpen(manager: EntityManager, workflowId: string, reason: string): Promise<void> {
    await manager
      .getRepository(TaskEntity)
      .createQueryBuilder()
      .update()
      .set({ status: 'CANCELLED', outcome: reason, completedAt: () => 'now()' })
      .where('workflow_id = :workflowId AND status = :open', { workflowId, open: 'OPEN' })
      .execute();
  }

  findById(id: string): Promise<TaskEntity | null> {
    return this.dataSource.getRepository(TaskEntity).findOne({ where: { id } });
  }

  findByProcedure(procedureId: string): Promise<TaskEntity[]> {
    return this.dataSource.getRepository(TaskEntity).find({ where: { procedureId }, order: { createdAt: 'ASC' } });
  }

  /** Open tasks assigned to the user, or to their unit and not yet claimed by someone else. */
  listInbox(userId: string, unitId: string, limit: number): Promise<TaskEntity[]> {
    return this.dataSource
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .where('t.status = :open', { open: 'OPEN' })
      .andWhere('(t.assignee_user_id = :userId OR (t.assignee_unit_id = :unitId AND t.assignee_user_id IS NULL))', {
        userId,
        unitId,
      })
      .orderBy('t.due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('t.created_at', 'ASC')
      .take(limit)
      .getMany();
  }
}
