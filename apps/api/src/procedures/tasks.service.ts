import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalendarRangeError, periodEnd, DomainError, ErrorCode, taskHolderRoles } from '@lawgate/domain';
import {
  type TaskEntity,
  CalendarRepository,
  AuditRepository,
  OrgRepository,
  ProcedureRepository,
  InvalidCursorError,
  TaskRepository,
} from '@lawgate/persistence';
import type { Principal } from '../auth/principal';
import { mapTask, type InboxPageDto, type InboxQueryDto, type ReassignTaskDto, type TaskDto } from './procedures.dto';

/** The inbox and who holds each task: claim, release, reassign. Assignment never moves a procedure on. */
@Injectable()
export class TasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskRepository,
    private readonly procedures: ProcedureRepository,
    private readonly org: OrgRepository,
    private readonly audit: AuditRepository,
    private readonly calendar: CalendarRepository,
  ) {}

  async inbox(principal: Principal, query: InboxQueryDto): Promise<InboxPageDto> {
    let dueBefore: Date | undefined;
    if (query.dueWithinWorkingDays !== undefined) {
      const snapshot = await this.calendar.snapshot();
      if (!snapshot) {
        throw new DomainError(ErrorCode.RuleViolation, 'The working-day calendar is empty; load it first.');
      }
      try {
        dueBefore = periodEnd(new Date(), { amount: query.dueWithinWorkingDays, unit: 'WORKING_DAYS' }, snapshot);
      } catch (err) {
        if (err instanceof CalendarRangeError) throw new DomainError(ErrorCode.RuleViolation, err.message);
        throw err;
      }
    }
    const filter = {
      userId: principal.userId,
      unitId: principal.unitId,
      procedureType: query.procedureType,
      stage: query.stage,
      dueBefore,
      overdue: query.overdue,
    };
    try {
      const [page, counts] = await Promise.all([
        this.tasks.inboxPage({ ...filter, sort: query.sort ?? 'due', cursor: query.cursor, limit: query.limit ?? 50 }),
        this.tasks.inboxCounts(filter),
      ]);
      return { items: page.items.map(mapTask), nextCursor: page.nextCursor, counts };
    } catch (err) {
      if (err instanceof InvalidCursorError) {
        throw new DomainError(ErrorCode.ValidationFailed, `The ${err.message}; start again from the first page.`, {
          fields: { cursor: [err.message] },
        });
      }
      throw err;
    }
  }

  async claim(principal: Principal, taskId: string): Promise<TaskDto> {
    const task = await this.visibleTask(principal, taskId);
    await this.requireHolderRole(principal, task);
    if (task.assigneeUserId === principal.userId) return mapTask(task);
    if (task.assigneeUserId) throw new DomainError(ErrorCode.TaskClosed, await this.heldBy(task));
    if (task.assigneeUnitId !== principal.unitId) {
      throw new DomainError(ErrorCode.Forbidden, 'This task belongs to another unit; you cannot claim it.');
    }
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.tasks.claim(manager, taskId, principal.userId))) {
        throw new DomainError(ErrorCode.TaskClosed, 'Someone claimed this task a moment ago, or it was closed.');
      }
      await this.audit.record(manager, {
        actorKind: 'USER',
        actorId: principal.userId,
        action: 'task.claimed',
        procedureId: task.procedureId,
        details: { taskId },
        dedupKey: `claim:${taskId}:${principal.userId}:${Date.now()}`,
      });
    });
    return mapTask((await this.tasks.findById(taskId))!);
  }

  async release(principal: Principal, taskId: string): Promise<TaskDto> {
    const task = await this.visibleTask(principal, taskId);
    if (task.assigneeUserId !== principal.userId) {
      throw new DomainError(ErrorCode.Forbidden, 'Only the person holding a task can release it.');
    }
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.tasks.release(manager, taskId, principal.userId))) {
        throw new DomainError(ErrorCode.TaskClosed, 'This task was closed or moved on in the meantime.');
      }
      await this.audit.record(manager, {
        actorKind: 'USER',
        actorId: principal.userId,
        action: 'task.released',
        procedureId: task.procedureId,
        details: { taskId },
        dedupKey: `release:${taskId}:${principal.userId}:${Date.now()}`,
      });
    });
    return mapTask((await this.tasks.findById(taskId))!);
  }

  /** The legal-affairs office moves a task to another person, with a written reason. */
  async reassign(principal: Principal, taskId: string, dto: ReassignTaskDto): Promise<TaskDto> {
    const task = await this.tasks.findById(taskId);
    if (!task) throw new DomainError(ErrorCode.NotFound, `There is no task ${taskId}.`);
    if (task.status !== 'OPEN') {
      throw new DomainError(ErrorCode.TaskClosed, `Task ${taskId} is already closed (${task.outcome ?? task.status}).`);
    }
    const target = await this.org.findUserById(dto.toUserId);
    if (!target || !target.active) {
      throw new DomainError(ErrorCode.NotFound, `There is no active user ${dto.toUserId}.`);
    }
    const procedure = await this.procedures.findById(task.procedureId);
    const allowed = taskHolderRoles(procedure?.type, task.kind);
    if (!target.roles.some((r) => allowed.includes(r))) {
      throw new DomainError(
        ErrorCode.RuleViolation,
        `${target.displayName} cannot hold a ${task.kind} task: it needs one of the roles ${allowed.join(', ')}.`,
      );
    }
    if (procedure && (procedure.initiatorId === target.id || procedure.departmentId === target.orgUnitId)) {
      throw new DomainError(
        ErrorCode.RuleViolation,
        `${target.displayName} belongs to the drafting side of this procedure and must not review it (recusal).`,
      );
    }
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.tasks.reassign(manager, taskId, target.id, target.orgUnitId))) {
        throw new DomainError(ErrorCode.TaskClosed, 'This task was closed in the meantime.');
      }
      await this.audit.record(manager, {
        actorKind: 'OPERATOR',
        actorId: principal.userId,
        action: 'task.reassigned',
        procedureId: task.procedureId,
        reason: dto.reason,
        details: { taskId, fromUserId: task.assigneeUserId, fromUnitId: task.assigneeUnitId, toUserId: target.id },
        dedupKey: `reassign:${taskId}:${target.id}:${Date.now()}`,
      });
    });
    return mapTask((await this.tasks.findById(taskId))!);
  }

  private async visibleTask(principal: Principal, taskId: string): Promise<TaskEntity> {
    const task = await this.tasks.findById(taskId);
    const mine = task && (task.assigneeUserId === principal.userId || task.assigneeUnitId === principal.unitId);
    if (!task || !mine) throw new DomainError(ErrorCode.NotFound, `There is no task ${taskId} in your inbox.`);
    if (task.status !== 'OPEN') {
      throw new DomainError(ErrorCode.TaskClosed, `Task ${taskId} is already closed (${task.outcome ?? task.status}).`);
    }
    return task;
  }

  /** The roles the procedure's definition names for a task of this kind. */
  private async requireHolderRole(principal: Principal, task: TaskEntity): Promise<void> {
    const procedure = await this.procedures.findById(task.procedureId);
    const allowed = taskHolderRoles(procedure?.type, task.kind);
    if (!principal.roles.some((r) => allowed.includes(r))) {
      throw new DomainError(ErrorCode.Forbidden, `A ${task.kind} task needs one of the roles ${allowed.join(', ')}.`);
    }
  }

  private async heldBy(task: TaskEntity): Promise<string> {
    const holder = task.assigneeUserId ? await this.org.findUserById(task.assigneeUserId) : null;
    return `This task is already held by ${holder?.displayName ?? 'someone else'}.`;
  }
}
