import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  Role,
  giveAdviserOpinionUpdate,
  requestAdviserOpinionUpdate,
  type ProcedureSnapshot,
} from '@lawgate/domain';
import {
  TaskEntity,
  AdviserRepository,
  AuditRepository,
  OrgRepository,
  ProcedureRepository,
  TaskRepository,
} from '@lawgate/persistence';
import { ProcedureGateway, stepUpdateId } from '@lawgate/temporal';
import { actorOf, type Principal } from '../auth/principal';
import {
  mapTask,
  type AdviserOpinionDto,
  type DelegateCandidateDto,
  type DelegateTaskDto,
  type RequestAdviserOpinionDto,
  type TaskDto,
} from './procedures.dto';

/**
 * Legal advisers' opinions on drafts: the drafting unit asks, the routed adviser signs the opinion on the exact
 * current version (a stale version is refused), and may delegate the drafting of it to a colleague, whose draft the
 * responsible adviser then countersigns.
 */
@Injectable()
export class OpinionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gateway: ProcedureGateway,
    private readonly procedures: ProcedureRepository,
    private readonly tasks: TaskRepository,
    private readonly org: OrgRepository,
    private readonly audit: AuditRepository,
    private readonly advisers: AdviserRepository,
  ) {}

  async request(principal: Principal, procedureId: string, dto: RequestAdviserOpinionDto): Promise<ProcedureSnapshot> {
    const procedure = await this.procedures.findById(procedureId);
    if (!procedure || procedure.departmentId !== principal.unitId) {
      throw new DomainError(ErrorCode.NotFound, `Your department has no procedure ${procedureId}.`);
    }
    return this.gateway.step(procedure.workflowId, requestAdviserOpinionUpdate, {
      expertise: dto.expertise,
      question: dto.question,
      actor: actorOf(principal),
    });
  }

  async sign(
    principal: Principal,
    taskId: string,
    dto: AdviserOpinionDto,
    idempotencyKey?: string,
  ): Promise<ProcedureSnapshot> {
    const task = await this.openOpinionTask(taskId);
    if (task.assigneeUserId !== principal.userId) {
      throw new DomainError(
        ErrorCode.Forbidden,
        task.delegateUserId === principal.userId
          ? 'Only the responsible adviser signs; submit your draft opinion for their countersignature.'
          : 'This opinion task is held by another adviser.',
      );
    }
    const draftBy = task.draftOpinion ? await this.org.findUserById(task.draftOpinion.byUserId) : null;
    return this.gateway.step(
      task.workflowId,
      giveAdviserOpinionUpdate,
      {
        taskId,
        conclusion: dto.conclusion,
        reasons: dto.reasons,
        reviewedSha256: dto.reviewedSha256,
        ...(draftBy ? { countersignsDraftOf: draftBy.displayName } : {}),
        actor: actorOf(principal),
      },
      idempotencyKey ? stepUpdateId(giveAdviserOpinionUpdate.name, taskId, idempotencyKey) : undefined,
    );
  }

  /** The responsible adviser hands the drafting of the opinion to a colleague, with a reason; they still sign. */
  async delegate(principal: Principal, taskId: string, dto: DelegateTaskDto): Promise<TaskDto> {
    const task = await this.openOpinionTask(taskId);
    if (task.assigneeUserId !== principal.userId) {
      throw new DomainError(ErrorCode.Forbidden, 'Only the adviser holding the task can delegate it.');
    }
    const target = await this.org.findUserById(dto.toUserId);
    if (!target || !target.active || !target.roles.includes(Role.LegalAdviser)) {
      throw new DomainError(ErrorCode.RuleViolation, 'The task can be delegated to another active legal adviser only.');
    }
    if (target.id === principal.userId) throw new DomainError(ErrorCode.RuleViolation, 'You hold the task already.');
    const procedure = await this.procedures.findById(task.procedureId);
    if (procedure && (procedure.initiatorId === target.id || procedure.departmentId === target.orgUnitId)) {
      throw new DomainError(
        ErrorCode.RuleViolation,
        `${target.displayName} is on the drafting side of this procedure (recusal).`,
      );
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        TaskEntity,
        { id: taskId, status: 'OPEN' },
        { delegateUserId: target.id, draftOpinion: null },
      );
      await this.audit.record(manager, {
        actorKind: 'USER',
        actorId: principal.userId,
        action: 'task.delegated',
        procedureId: task.procedureId,
        reason: dto.reason,
        details: { taskId, delegateUserId: target.id },
        dedupKey: `delegate:${taskId}:${target.id}:${Date.now()}`,
      });
    });
    return mapTask((await this.tasks.findById(taskId))!);
  }

  /**
   * The advisers the holder can hand the drafting to: active legal advisers other than the holder, not on the drafting
   * side of the procedure and without a declared conflict with it.
   */
  async delegates(principal: Principal, taskId: string): Promise<DelegateCandidateDto[]> {
    const task = await this.openOpinionTask(taskId);
    if (task.assigneeUserId !== principal.userId) {
      throw new DomainError(ErrorCode.Forbidden, 'Only the adviser holding the task can delegate it.');
    }
    const procedure = await this.procedures.findById(task.procedureId);
    const initiatorId = procedure?.initiatorId;
    const departmentId = procedure?.departmentId;
    return (await this.advisers.candidates())
      .filter(
        (c) =>
          c.active &&
          c.userId !== principal.userId &&
          c.userId !== initiatorId &&
          c.unitId !== departmentId &&
          !c.conflictProcedureIds.includes(task.procedureId) &&
          !(departmentId && c.conflictDepartmentIds.includes(departmentId)),
      )
      .map((c) => ({ userId: c.userId, displayName: c.displayName, expertise: c.expertise, openTasks: c.openTasks }));
  }

  /** The delegate writes the draft opinion; it counts only once the responsible adviser countersigns it. */
  async draft(principal: Principal, taskId: string, dto: AdviserOpinionDto): Promise<TaskDto> {
    const task = await this.openOpinionTask(taskId);
    if (task.delegateUserId !== principal.userId) {
      throw new DomainError(ErrorCode.Forbidden, 'Only the adviser this task was delegated to can draft its opinion.');
    }
    const draftOpinion = {
      conclusion: dto.conclusion,
      reasons: dto.reasons,
      reviewedSha256: dto.reviewedSha256,
      byUserId: principal.userId,
      at: new Date().toISOString(),
    };
    await this.dataSource.transaction(async (manager) => {
      await manager.update(TaskEntity, { id: taskId, status: 'OPEN' }, { draftOpinion });
      await this.audit.record(manager, {
        actorKind: 'USER',
        actorId: principal.userId,
        action: 'task.opinion.drafted',
        procedureId: task.procedureId,
        details: { taskId, conclusion: dto.conclusion, reviewedSha256: dto.reviewedSha256 },
        dedupKey: `draft-opinion:${taskId}:${principal.userId}:${draftOpinion.at}`,
      });
    });
    return mapTask((await this.tasks.findById(taskId))!);
  }

  private async openOpinionTask(taskId: string): Promise<TaskEntity> {
    const task = await this.tasks.findById(taskId);
    if (!task) throw new DomainError(ErrorCode.NotFound, `There is no task ${taskId}.`);
    if (task.kind !== 'ADVISER_OPINION') {
      throw new DomainError(ErrorCode.WrongStage, `Task ${taskId} is a ${task.kind} task, not an adviser opinion.`);
    }
    if (task.status !== 'OPEN') {
      throw new DomainError(ErrorCode.TaskClosed, `Task ${taskId} is already closed (${task.outcome ?? task.status}).`);
    }
    return task;
  }
}
