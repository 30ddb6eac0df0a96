import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProcedureEntity } from '../entities';
import { TaskEntity, TaskHolderEntity } from '../entities';

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
> & {
  assigneeUserId?: string | null;
  routingNote?: string | null;
  subjectVersionId?: string | null;
  question?: string | null;
};

/** The three branches of an inbox: held by the user ($1), drafting for the holder, unclaimed in their unit ($2). */
const INBOX_HOLDERS = [
  't.assignee_user_id = $1',
  't.delegate_user_id = $1',
  't.assignee_unit_id = $2 AND t.assignee_user_id IS NULL',
];

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
        subjectVersionId: task.subjectVersionId ?? null,
        question: task.question ?? null,
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

  /** A procedure's tasks, oldest first, without their holders (a step's check needs only the open task). */
  listByProcedure(procedureId: string): Promise<TaskEntity[]> {
    return this.dataSource.getRepository(TaskEntity).find({ where: { procedureId }, order: { createdAt: 'ASC' } });
  }

  /** A procedure's tasks, oldest first, each with everyone who held it or drafted for it (`holders`). */
  async findByProcedure(procedureId: string): Promise<TaskEntity[]> {
    const tasks = await this.dataSource
      .getRepository(TaskEntity)
      .find({ where: { procedureId }, order: { createdAt: 'ASC' } });
    const holders = await this.dataSource
      .getRepository(TaskHolderEntity)
      .find({ where: { procedureId }, order: { heldFrom: 'ASC' } });
    for (const task of tasks) {
      task.holders = holders
        .filter((h) => h.taskId === task.id)
        .map((h) => ({ userId: h.userId, capacity: h.capacity, heldFrom: h.heldFrom, heldUntil: h.heldUntil }));
    }
    return tasks;
  }

  /** One page of the open tasks assigned to the user, or to their unit and not claimed by anyone else. */
  /**
   * One page of the user's open tasks: held by them, delegated to them, or unclaimed in their unit. Each of the three
   * branches reads its own partial index in due order, so a page costs the same with 100 or 100 000 open tasks.
   */
  async inboxPage(query: InboxQuery): Promise<{ items: TaskEntity[]; nextCursor: string | null }> {
    const params: unknown[] = [query.userId, query.unitId];
    const param = (value: unknown) => `$${params.push(value)}`;
    const filters = this.inboxFilters(query, param);
    const dueKey = "coalesce(t.due_at, 'infinity'::timestamptz)";
    const order = query.sort === 'due' ? `${dueKey}, t.created_at, t.id` : 't.created_at, t.id';
    let after = '';
    if (query.cursor) {
      const key = decodeCursor(query.cursor, query.sort);
      after =
        query.sort === 'due'
          ? ` AND (${dueKey}, t.created_at, t.id) > (${param(key[0])}::timestamptz, ${param(key[1])}::timestamptz, ${param(key[2])}::uuid)`
          : ` AND (t.created_at, t.id) > (${param(key[0])}::timestamptz, ${param(key[1])}::uuid)`;
    }
    const limit = param(query.limit + 1);
    const branch = (holder: string) =>
      `(SELECT t.*, ${dueKey} AS k_due FROM task t
         WHERE t.status = 'OPEN' AND ${holder}${filters}${after} ORDER BY ${order} LIMIT ${limit})`;
    // One round trip: the three ordered branches merged, with the procedure's title and type for the list.
    const rows = await this.dataSource.query<TaskRow[]>(
      `SELECT u.*, p.title AS procedure_title, p.type AS procedure_type FROM (
         ${branch('t.assignee_user_id = $1')}
         UNION ALL ${branch('t.delegate_user_id = $1')}
         UNION ALL ${branch('t.assignee_unit_id = $2 AND t.assignee_user_id IS NULL')}
       ) u JOIN procedure p ON p.id = u.procedure_id
       ORDER BY ${query.sort === 'due' ? 'u.k_due, u.created_at, u.id' : 'u.created_at, u.id'} LIMIT ${limit}`,
      params,
    );
    const items = rows.slice(0, query.limit).map(taskOfRow);
    const last = items[items.length - 1];
    const nextCursor = rows.length > query.limit && last ? encodeCursor(last, query.sort) : null;
    return { items, nextCursor };
  }

  /**
   * Badge counts over the same tasks the inbox shows (filters other than paging applied). Without filters they come
   * from `task_inbox_count` (kept by triggers on `task`): open is the sum of the holder's rows; overdue is the rows of
   * the days before today plus today's tasks already due, read from the inbox indexes. With a filter the tasks are
   * counted.
   */
  async inboxCounts(query: Omit<InboxQuery, 'cursor' | 'limit' | 'sort'>): Promise<{ open: number; overdue: number }> {
    const params: unknown[] = [query.userId, query.unitId];
    const filters = this.inboxFilters({ ...query, overdue: false }, (value) => `$${params.push(value)}`);
    if (filters === '') {
      const due = "coalesce(t.due_at, 'infinity'::timestamptz)";
      const dueToday = INBOX_HOLDERS.map(
        (holder) =>
          `SELECT count(*) AS n FROM task t WHERE t.status = 'OPEN' AND ${holder}
               AND ${due} >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AND ${due} < now()`,
      ).join(' UNION ALL ');
      const [row] = await this.dataSource.query<{ open: string; overdue: string }[]>(
        `SELECT coalesce(sum(c.open), 0) AS open,
                coalesce(sum(c.open) FILTER (WHERE c.due_day < (now() AT TIME ZONE 'UTC')::date), 0)
                  + (SELECT sum(n) FROM (${dueToday}) today) AS overdue
           FROM task_inbox_count c
          WHERE (c.holder_kind IN ('USER', 'DELEGATE') AND c.holder_id = $1)
             OR (c.holder_kind = 'UNIT' AND c.holder_id = $2)`,
        params,
      );
      return { open: Number(row?.open ?? 0), overdue: Number(row?.overdue ?? 0) };
    }
    return this.countTasks(params, filters);
  }

  /** The badge counts by counting the tasks: what the counters must say (a test and the benchmark compare them). */
  inboxCountsCounted(query: Pick<InboxQuery, 'userId' | 'unitId'>): Promise<{ open: number; overdue: number }> {
    return this.countTasks([query.userId, query.unitId], '');
  }

  private async countTasks(params: unknown[], filters: string): Promise<{ open: number; overdue: number }> {
    const branch = (holder: string) => `SELECT t.due_at FROM task t WHERE t.status = 'OPEN' AND ${holder}${filters}`;
    const [row] = await this.dataSource.query<{ open: string; overdue: string }[]>(
      `SELECT count(*) AS open, count(*) FILTER (WHERE u.due_at < now()) AS overdue FROM (
         ${INBOX_HOLDERS.map(branch).join(' UNION ALL ')}
       ) u`,
      params,
    );
    return { open: Number(row?.open ?? 0), overdue: Number(row?.overdue ?? 0) };
  }

  private inboxFilters(
    query: Omit<InboxQuery, 'cursor' | 'limit' | 'sort'>,
    param: (value: unknown) => string,
  ): string {
    let sql = '';
    if (query.procedureType) {
      sql += ` AND EXISTS (SELECT 1 FROM procedure p WHERE p.id = t.procedure_id AND p.type = ${param(query.procedureType)})`;
    }
    if (query.stage) sql += ` AND t.stage = ${param(query.stage)}`;
    if (query.dueBefore) sql += ` AND t.due_at <= ${param(query.dueBefore)}`;
    if (query.overdue) sql += ' AND t.due_at < now()';
    return sql;
  }

  /** Claims a unit task for one person; false when someone else holds it or it is no longer open. */
  async claim(manager: EntityManager, taskId: string, userId: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(TaskEntity)
      .set({ assigneeUserId: userId })
      .where('id = :taskId AND status = :open AND (assignee_user_id IS NULL OR assignee_user_id = :userId)', {
        taskId,
        open: 'OPEN',
        userId,
      })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Stamps the reminder or escalation time on an open task, once; false when it was stamped already or closed. */
  async stamp(manager: EntityManager, taskId: string, field: 'remindedAt' | 'escalatedAt'): Promise<boolean> {
    const column = field === 'remindedAt' ? 'reminded_at' : 'escalated_at';
    const result = await manager
      .createQueryBuilder()
      .update(TaskEntity)
      .set({ [field]: () => 'now()' })
      .where(`id = :taskId AND status = :open AND ${column} IS NULL`, { taskId, open: 'OPEN' })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Gives a claimed task back to its unit; false unless the user holds it and it is open. */
  async release(manager: EntityManager, taskId: string, userId: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(TaskEntity)
      .set({ assigneeUserId: null })
      .where('id = :taskId AND status = :open AND assignee_user_id = :userId', { taskId, open: 'OPEN', userId })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Moves an open task to another person (and their unit); false when the task is no longer open. */
  async reassign(manager: EntityManager, taskId: string, toUserId: string, toUnitId: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(TaskEntity)
      .set({ assigneeUserId: toUserId, assigneeUnitId: toUnitId })
      .where('id = :taskId AND status = :open', { taskId, open: 'OPEN' })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Open tasks assigned to the user, or to their unit and not yet claimed by someone else. */
  async listInbox(userId: string, unitId: string, limit: number): Promise<TaskEntity[]> {
    return (await this.inboxPage({ userId, unitId, limit, sort: 'due' })).items;
  }
}

export interface InboxQuery {
  userId: string;
  unitId: string;
  procedureType?: string;
  stage?: string;
  /** Only tasks due at or before this instant. */
  dueBefore?: Date;
  overdue?: boolean;
  sort: 'due' | 'created';
  cursor?: string;
  limit: number;
}

function encodeCursor(task: TaskEntity, sort: 'due' | 'created'): string {
  const key =
    sort === 'due'
      ? [task.dueAt?.toISOString() ?? 'infinity', task.createdAt.toISOString(), task.id]
      : [task.createdAt.toISOString(), task.id];
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Thrown for a cursor that was not produced by this inbox (or for another sort order). */
export class InvalidCursorError extends Error {}

function decodeCursor(cursor: string, sort: 'due' | 'created'): string[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('cursor is not valid');
  }
  const expected = sort === 'due' ? 3 : 2;
  if (!Array.isArray(key) || key.length !== expected || !key.every((k) => typeof k === 'string')) {
    throw new InvalidCursorError('cursor is not valid for this sort order');
  }
  const [first, ...rest] = key;
  const isTime = (v: string) => v === 'infinity' || !Number.isNaN(Date.parse(v));
  const isUuid = (v: string) => /^[0-9a-f-]{36}$/i.test(v);
  if (!isTime(first) || (sort === 'due' && !isTime(rest[0])) || !isUuid(rest[rest.length - 1])) {
    throw new InvalidCursorError('cursor is not valid');
  }
  return key;
}

/** A task row as the inbox query returns it (snake_case columns, plus the procedure's title and type). */
interface TaskRow {
  id: string;
  procedure_id: string;
  workflow_id: string;
  stage: string;
  round: number;
  kind: string;
  title: string;
  legal_basis: string;
  assignee_unit_id: string;
  assignee_user_id: string | null;
  status: TaskEntity['status'];
  subject_version_id: string | null;
  delegate_user_id: string | null;
  draft_opinion: TaskEntity['draftOpinion'];
  routing_note: string | null;
  question: string | null;
  due_at: Date | null;
  due_calendar_version: number | null;
  due_problem: string | null;
  reminded_at: Date | null;
  escalated_at: Date | null;
  outcome: string | null;
  completed_by: string | null;
  completed_at: Date | null;
  created_at: Date;
  procedure_title: string;
  procedure_type: string;
}

function taskOfRow(r: TaskRow): TaskEntity {
  return Object.assign(new TaskEntity(), {
    id: r.id,
    procedureId: r.procedure_id,
    workflowId: r.workflow_id,
    stage: r.stage,
    round: r.round,
    kind: r.kind,
    title: r.title,
    legalBasis: r.legal_basis,
    assigneeUnitId: r.assignee_unit_id,
    assigneeUserId: r.assignee_user_id,
    status: r.status,
    subjectVersionId: r.subject_version_id,
    delegateUserId: r.delegate_user_id,
    draftOpinion: r.draft_opinion,
    routingNote: r.routing_note,
    question: r.question,
    dueAt: r.due_at,
    dueCalendarVersion: r.due_calendar_version,
    dueProblem: r.due_problem,
    remindedAt: r.reminded_at,
    escalatedAt: r.escalated_at,
    outcome: r.outcome,
    completedBy: r.completed_by,
    completedAt: r.completed_at,
    createdAt: r.created_at,
    procedure: { id: r.procedure_id, title: r.procedure_title, type: r.procedure_type } as ProcedureEntity,
  });
}
