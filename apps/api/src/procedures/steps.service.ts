import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/client';
import { DomainError, ErrorCode } from '../../../../libs/domain/src/errors';
import type { Actor, ProcedureSnapshot } from '../../../../libs/domain/src/procedures/normative-document.contract';
import type { ProcedureEntity, TaskEntity } from '../../../../libs/persistence/src/entities';
import { LedgerRepository } from '../../../../libs/persistence/src/ledger/ledger.repository';
import { ProcedureRepository } from '../../../../libs/persistence/src/repositories/procedure.repository';
import { TaskRepository } from '../../../../libs/persistence/src/repositories/task.repository';
import { TemporalClientService } from '../../../../libs/temporal/src/temporal-client.module';
import { actorOf, type Principal } from '../auth/principal';
import { fromTemporalError } from '../common/temporal-errors';
import { MetricsService } from '../metrics/metrics';

type StepUpdate<A extends { actor: Actor }> = UpdateDefinition<ProcedureSnapshot, [A], string>;
/** What the caller gives; the API adds the authenticated actor (and the task). */
type StepArgs<A> = Omit<A, 'actor' | 'taskId'>;

/**
 * The human steps of a procedure after project approval. The API checks who the person is and whether the task or
 * procedure is theirs; the workflow's update validators then refuse whatever the stage does not allow (wrong stage,
 * missing material, stale version, a minimum period not yet run), which reaches the caller as 403/409/422 with the
 * validator's message and changes nothing. An `Idempotency-Key` makes a repeated request act once.
 */
@Injectable()
export class StepsService {
  constructor(
    private readonly temporal: TemporalClientService,
    private readonly procedures: ProcedureRepository,
    private readonly tasks: TaskRepository,
    private readonly ledger: LedgerRepository,
    private readonly metrics: MetricsService,
  ) {}

  /** A step the drafting department takes on its own procedure. */
  async drafterStep<A extends { actor: Actor }>(
    principal: Principal,
    procedureId: string,
    update: StepUpdate<A>,
    args: StepArgs<A>,
    idempotencyKey?: string,
  ): Promise<ProcedureSnapshot> {
    const procedure = await this.procedures.findById(procedureId);
    if (!procedure || procedure.departmentId !== principal.unitId) {
      throw new DomainError(ErrorCode.NotFound, `Your department has no procedure ${procedureId}.`);
    }
    return this.send(
      principal,
      procedure,
      update,
      args,
      idempotencyKey && `${update.name}:${procedureId}:${idempotencyKey}`,
    );
  }

  /** A step the legal-affairs office takes on any procedure (filing, repeal). */
  async officeStep<A extends { actor: Actor }>(
    principal: Principal,
    procedureId: string,
    update: StepUpdate<A>,
    args: StepArgs<A>,
    idempotencyKey?: string,
  ): Promise<ProcedureSnapshot> {
    const procedure = await this.procedures.findById(procedureId);
    if (!procedure) throw new DomainError(ErrorCode.NotFound, `There is no procedure ${procedureId}.`);
    return this.send(
      principal,
      procedure,
      update,
      args,
      idempotencyKey && `${update.name}:${procedureId}:${idempotencyKey}`,
    );
  }

  /** A step that closes a task: only its holder (or, for a unit's task, a member of that unit) may take it. */
  async taskStep<A extends { actor: Actor; taskId: string }>(
    principal: Principal,
    taskId: string,
    kinds: string[],
    update: StepUpdate<A>,
    args: StepArgs<A>,
    idempotencyKey?: string,
  ): Promise<ProcedureSnapshot> {
    const task = await this.holdableTask(principal, taskId, kinds);
    const updateId = idempotencyKey ? `${update.name}:${taskId}:${idempotencyKey}` : undefined;
    if (task.status !== 'OPEN') {
      // The same request again after it was recorded gets the same answer, not an error.
      if (updateId && (await this.ledger.findByIdempotencyKey(updateId))) return this.readModelSnapshot(task);
      throw new DomainError(
        ErrorCode.TaskClosed,
        `Task ${taskId} was already closed (${task.outcome ?? task.status}).`,
      );
    }
    const procedure = (await this.procedures.findById(task.procedureId))!;
    return this.send(principal, procedure, update, { ...args, taskId }, updateId);
  }

  private async holdableTask(principal: Principal, taskId: string, kinds: string[]): Promise<TaskEntity> {
    const task = await this.tasks.findById(taskId);
    if (!task) throw new DomainError(ErrorCode.NotFound, `There is no task ${taskId}.`);
    const holds = task.assigneeUserId
      ? task.assigneeUserId === principal.userId
      : task.assigneeUnitId === principal.unitId;
    if (!holds) {
      throw new DomainError(
        ErrorCode.Forbidden,
        task.assigneeUserId
          ? 'This task is held by another person; only they (or whoever it is reassigned to) can act on it.'
          : 'This task is assigned to another unit; you cannot act on it.',
      );
    }
    if (!kinds.includes(task.kind)) {
      throw new DomainError(
        ErrorCode.WrongStage,
        `Task ${taskId} is a ${task.kind} task; this action needs ${kinds.join(' or ')}.`,
      );
    }
    return task;
  }

  private async send<A extends { actor: Actor }>(
    principal: Principal,
    procedure: ProcedureEntity,
    update: StepUpdate<A>,
    args: StepArgs<A> & { taskId?: string },
    updateId: string | undefined,
  ): Promise<ProcedureSnapshot> {
    const workflowId = procedure.workflowId;
    try {
      const client = await this.temporal.client();
      const snapshot = await client.workflow.getHandle(workflowId).executeUpdate(update, {
        args: [{ ...args, actor: actorOf(principal) } as unknown as A],
        ...(updateId ? { updateId } : {}),
      });
      this.metrics.decisions.inc({ stage: procedure.stage, decision: update.name });
      return snapshot;
    } catch (err) {
      const mapped = fromTemporalError(err, { workflowId });
      if (mapped?.code === ErrorCode.NotFound) {
        throw new DomainError(ErrorCode.WrongStage, `The procedure has already ended (${procedure.stage}).`);
      }
      throw mapped ?? err;
    }
  }

  private async readModelSnapshot(task: TaskEntity): Promise<ProcedureSnapshot> {
    const procedure = await this.procedures.findById(task.procedureId);
    const open = (await this.tasks.findByProcedure(task.procedureId)).find((t) => t.status === 'OPEN');
    return {
      procedureId: task.procedureId,
      workflowId: task.workflowId,
      stage: (procedure?.stage ?? task.stage) as ProcedureSnapshot['stage'],
      status: (procedure?.status ?? 'ACTIVE') as ProcedureSnapshot['status'],
      openTaskId: open?.id ?? null,
      dueAt: open?.dueAt?.toISOString() ?? null,
    };
  }
}
