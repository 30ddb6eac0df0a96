import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, getProcedureStateQuery } from '@lawgate/domain';
import {
  type ProcedureEntity,
  type TaskEntity,
  LedgerRepository,
  ProcedureRepository,
  TaskRepository,
} from '@lawgate/persistence';
import { ProcedureGateway, stepUpdateId } from '@lawgate/temporal';
import { actorOf, type Principal } from '../auth/principal';
import { MetricsService } from '../metrics/metrics';
import type { PreReviewDecisionDto } from '../pre-review/pre-review.dto';
import { PreReviewService } from '../pre-review/pre-review.service';
import type { StepApi } from './procedure-api';
import { canSeeProcedure } from './procedures.service';
import { procedureApiOf } from './registry';
import { fieldSchemaOf, validateStepBody } from './step-body';
import { recordedButNotTaken } from './recorded-not-taken';
import { requireTaskHolder } from './task-holder';

/** What a step answers: the procedure's snapshot, as its workflow returns it. */
export type StepResult = { procedureId: string; stage: string; status: string } & Record<string, unknown>;

/**
 * Takes a person's step on any procedure: finds the step in the procedure type's API (`registry.ts`), checks the
 * body against its DTO, the caller's role and scope (own department, or the holder of the open task), and sends the
 * update through the procedure gateway. The workflow's validator then refuses what the stage does not allow, which
 * reaches the caller as 403/409/422 with nothing changed. An `Idempotency-Key` makes a repeated request act once.
 */
@Injectable()
export class ProcedureStepsService {
  constructor(
    private readonly gateway: ProcedureGateway,
    private readonly procedures: ProcedureRepository,
    private readonly tasks: TaskRepository,
    private readonly ledger: LedgerRepository,
    private readonly metrics: MetricsService,
    private readonly preReview: PreReviewService,
  ) {}

  /** `POST /api/procedures/:id/steps/:step`. */
  async take(principal: Principal, procedureId: string, name: string, raw: unknown, key?: string) {
    // Both at once: a person waits for the step, and most steps are on a task.
    const [procedure, procedureTasks] = await Promise.all([
      this.procedures.findById(procedureId),
      this.tasks.listByProcedure(procedureId),
    ]);
    if (!procedure) throw new DomainError(ErrorCode.NotFound, `There is no procedure ${procedureId}.`);
    const step = this.stepOf(procedure, name);
    const body = validateStepBody(step.body, raw);
    this.requireRole(principal, step, name);
    if (step.scope === 'OWN_DEPARTMENT' && procedure.departmentId !== principal.unitId) {
      throw new DomainError(ErrorCode.NotFound, `Your department has no procedure ${procedureId}.`);
    }
    if (step.scope !== 'TASK') {
      return this.send(principal, procedure, step, body, null, key && stepUpdateId(step.update, procedureId, key));
    }
    const open = procedureTasks.find((t) => t.status === 'OPEN' && step.tasks.includes(t.kind));
    if (!open) {
      const done = procedureTasks.filter((t) => step.tasks.includes(t.kind)).pop();
      const lost = done && (await this.lostStep(principal, procedure, step, done));
      if (done && lost) {
        requireTaskHolder(done, principal);
        return this.send(principal, procedure, step, body, done.id, lost);
      }
      // The same request again after it was recorded gets the same answer, not an error.
      if (done && key && (await this.ledger.findByIdempotencyKey(stepUpdateId(step.update, done.id, key)))) {
        return this.readModelSnapshot(done);
      }
      const waits = procedureTasks.filter((t) => t.status === 'OPEN');
      throw new DomainError(
        ErrorCode.WrongStage,
        `The step ${name} needs an open ${step.tasks.join('/')} task; the procedure is in stage ${procedure.stage}` +
          (waits.length ? ` and waits for ${waits.map((t) => `${t.kind}（${t.legalBasis}）`).join(', ')}.` : '.') +
          (step.gate ? ` ${step.gate}` : ''),
      );
    }
    return this.onTask(principal, procedure, open, step, body, key);
  }

  /**
   * The steps the caller can take now: those of the current stage that the caller's role takes, within their scope
   * (own department; for a task's step, only when the caller or the caller's unit holds that task), each with its
   * body's fields, from which the web app builds the step's form.
   */
  async available(principal: Principal, procedureId: string) {
    const procedure = await this.procedures.findById(procedureId);
    const tasks = procedure ? await this.tasks.findByProcedure(procedure.id) : [];
    if (!procedure || !canSeeProcedure(principal, procedure, tasks)) {
      throw new DomainError(ErrorCode.NotFound, `There is no procedure ${procedureId} that you can see.`);
    }
    const live = await this.gateway
      .query<{ stage: string; status: string; waitingFor?: string | null }>(
        procedure.workflowId,
        getProcedureStateQuery.name,
        3000,
      )
      .catch(() => null);
    const stage = live?.stage ?? procedure.stage;
    const held = tasks.filter(
      (t) =>
        t.status === 'OPEN' &&
        (t.assigneeUserId === principal.userId || (!t.assigneeUserId && t.assigneeUnitId === principal.unitId)),
    );
    const steps = Object.entries(procedureApiOf(procedure.type)?.steps ?? {}).filter(
      ([, s]) =>
        s.stages.includes(stage) &&
        s.roles.some((r) => principal.roles.includes(r)) &&
        (s.scope !== 'OWN_DEPARTMENT' || procedure.departmentId === principal.unitId) &&
        (s.scope !== 'TASK' || held.some((t) => s.tasks.includes(t.kind))),
    );
    return {
      procedureId: procedure.id,
      type: procedure.type,
      stage,
      status: live?.status ?? procedure.status,
      waitingFor: live?.waitingFor ?? null,
      steps: steps.map(([step, s]) => ({
        step,
        summary: s.summary,
        roles: [...s.roles],
        scope: s.scope,
        schema: fieldSchemaOf(s.body),
      })),
    };
  }

  private async onTask(
    principal: Principal,
    procedure: ProcedureEntity,
    task: TaskEntity,
    step: StepApi,
    body: object,
    key: string | undefined,
  ) {
    requireTaskHolder(task, principal);
    if (!step.tasks.includes(task.kind)) {
      throw new DomainError(
        ErrorCode.WrongStage,
        `Task ${task.id} is a ${task.kind} task; this action needs ${step.tasks.join(' or ')}.`,
      );
    }
    const updateId = key ? stepUpdateId(step.update, task.id, key) : undefined;
    if (task.status !== 'OPEN') {
      const lost = await this.lostStep(principal, procedure, step, task);
      if (lost) return this.send(principal, procedure, step, body, task.id, lost);
      // The same request again after it was recorded gets the same answer, not an error.
      if (updateId && (await this.ledger.findByIdempotencyKey(updateId))) return this.readModelSnapshot(task);
      throw new DomainError(
        ErrorCode.TaskClosed,
        `Task ${task.id} was already closed (${task.outcome ?? task.status}).`,
      );
    }
    return this.send(principal, procedure, step, body, task.id, updateId);
  }

  private async send(
    principal: Principal,
    procedure: ProcedureEntity,
    step: StepApi,
    body: object,
    taskId: string | null,
    updateId: string | undefined,
  ): Promise<StepResult> {
    let extra: Record<string, unknown> | undefined;
    if (step.preReview) {
      const b = body as { reviewedSha256: string; preReviewDecisions?: PreReviewDecisionDto[] };
      const decisions = await this.preReview.decide(procedure, b.reviewedSha256, b.preReviewDecisions);
      if (decisions?.length) extra = { preReview: decisions };
    }
    try {
      const snapshot = (await step.send({
        gateway: this.gateway,
        workflowId: procedure.workflowId,
        body,
        actor: actorOf(principal),
        taskId,
        updateId,
        extra,
      })) as StepResult;
      this.metrics.decisions.inc({ stage: procedure.stage, decision: step.update });
      return snapshot;
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.NotFound) {
        throw new DomainError(ErrorCode.WrongStage, `The procedure has already ended (${procedure.stage}).`);
      }
      throw err;
    }
  }

  private stepOf(procedure: ProcedureEntity, name: string): StepApi {
    const step = procedureApiOf(procedure.type)?.steps[name];
    if (!step || !Object.hasOwn(procedureApiOf(procedure.type)!.steps, name)) {
      throw new DomainError(ErrorCode.NotFound, `There is no step ${name} in a ${procedure.type} procedure.`);
    }
    return step;
  }

  private requireRole(principal: Principal, step: StepApi, name: string): void {
    if (!step.roles.some((r) => principal.roles.includes(r))) {
      throw new DomainError(ErrorCode.Forbidden, `The step ${name} is taken by ${step.roles.join(' or ')}.`);
    }
  }

  /** See `recordedButNotTaken`: the workflow still waits when its live stage is the one the step was recorded in. */
  private lostStep(principal: Principal, procedure: ProcedureEntity, step: StepApi, task: TaskEntity) {
    return recordedButNotTaken(
      this.ledger,
      principal,
      { procedureId: procedure.id, taskId: task.id, update: step.update },
      async (stage) =>
        (await this.gateway.query<{ stage: string }>(procedure.workflowId, getProcedureStateQuery.name, 3000)).stage ===
        stage,
    );
  }

  private async readModelSnapshot(task: TaskEntity): Promise<StepResult> {
    const procedure = await this.procedures.findById(task.procedureId);
    const open = (await this.tasks.findByProcedure(task.procedureId)).find((t) => t.status === 'OPEN');
    return {
      procedureId: task.procedureId,
      workflowId: task.workflowId,
      stage: procedure?.stage ?? task.stage,
      status: procedure?.status ?? 'ACTIVE',
      openTaskId: open?.id ?? null,
      dueAt: open?.dueAt?.toISOString() ?? null,
    };
  }
}
