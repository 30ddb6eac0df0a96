import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ProcedureEntity } from '../entities';

export interface ProcedureListFilter {
  /** Only procedures of this department. */
  departmentId?: string;
  /**
   * Only procedures with a task this user holds, held (completed, or before a reassignment: `task_holder`) or drafts
   * or drafted for (delegate): the list side of
   * `involvedThroughTasks` in libs/domain visibility.
   */
  involvedUserId?: string;
  stage?: string;
  limit: number;
}

@Injectable()
export class ProcedureRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the procedure row unless it exists (activities are retried). */
  async registerIfAbsent(manager: EntityManager, row: Omit<ProcedureEntity, 'createdAt' | 'updatedAt'>): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ProcedureEntity)
      .values(row as QueryDeepPartialEntity<ProcedureEntity>)
      .orIgnore()
      .execute();
  }

  /**
   * A recorded decision's moves of the read model, in one statement: closes the task it decided (if still open),
   * moves the procedure run by `workflowId` to its next stage and status, and returns the department and title of
   * the procedure the decision is about (null when there is no such procedure row).
   */
  async moveOnDecision(
    manager: EntityManager,
    o: {
      taskId: string | null;
      outcome: string;
      completedBy: string | null;
      workflowId: string;
      stage: string;
      status: string;
      procedureId: string;
    },
  ): Promise<{ departmentId: string; title: string } | null> {
    const rows = await manager.query<{ department_id: string; title: string }[]>(
      `WITH t AS (
         UPDATE task SET status = 'DONE', outcome = $2, completed_by = $3, completed_at = now()
         WHERE $1::uuid IS NOT NULL AND id = $1::uuid AND status = 'OPEN'
       ), s AS (
         UPDATE procedure SET stage = $5, status = $6, updated_at = CURRENT_TIMESTAMP WHERE workflow_id = $4
       )
       SELECT department_id, title FROM procedure WHERE id = $7::uuid`,
      [o.taskId, o.outcome, o.completedBy, o.workflowId, o.stage, o.status, o.procedureId],
    );
    return rows[0] ? { departmentId: rows[0].department_id, title: rows[0].title } : null;
  }

  async setStage(manager: EntityManager, workflowId: string, stage: string, status: string): Promise<void> {
    await manager.getRepository(ProcedureEntity).update({ workflowId }, { stage, status });
  }

  findById(id: string): Promise<ProcedureEntity | null> {
    return this.dataSource.getRepository(ProcedureEntity).findOne({ where: { id }, relations: { department: true } });
  }

  findByWorkflowId(workflowId: string): Promise<ProcedureEntity | null> {
    return this.dataSource.getRepository(ProcedureEntity).findOne({ where: { workflowId } });
  }

  list(filter: ProcedureListFilter): Promise<ProcedureEntity[]> {
    const qb = this.dataSource
      .getRepository(ProcedureEntity)
      .createQueryBuilder('p')
      .leftJoinAndSelect('p.department', 'd')
      .orderBy('p.createdAt', 'DESC')
      // One row per procedure (the join is many-to-one): a plain LIMIT, read from the created_at indexes.
      .limit(filter.limit);
    if (filter.departmentId) qb.andWhere('p.department_id = :departmentId', { departmentId: filter.departmentId });
    if (filter.stage) qb.andWhere('p.stage = :stage', { stage: filter.stage });
    if (filter.involvedUserId) {
      // The person's procedures, newest first from their side: procedure_involvement holds every holder and
      // delegate of a task, present or past, and whoever closed one (kept by triggers), with the procedure's
      // creation time; the list reads its index in order and stops at the limit.
      qb.innerJoin('procedure_involvement', 'i', 'i.procedure_id = p.id AND i.user_id = :userId', {
        userId: filter.involvedUserId,
      }).orderBy('i.procedure_created_at', 'DESC');
    }
    return qb.getMany();
  }
}
