import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../../../libs/config/src/config.module';
import type { AppConfig } from '../../../../libs/config/src/config';
import { policyVersionFor } from '../../../../libs/domain/src/procedures/policies';
import { DomainError, ErrorCode } from '../../../../libs/domain/src/errors';
import { OrgUnitKind, Role } from '../../../../libs/domain/src/roles';
import { canSeeProcedure as canSee, type VisibilityContext } from '../../../../libs/domain/src/visibility';
import { DepartmentAttr, ProcedureTypeAttr, StageAttr } from '../../../../libs/domain/src/search-attributes';
import { normativeDocumentWorkflowId } from '../../../../libs/domain/src/task-queues';
import {
  NORMATIVE_DOCUMENT,
  NORMATIVE_DOCUMENT_WORKFLOW_TYPE,
  NormativeDocumentStage,
  awaitSettledUpdate,
  decideProjectApprovalUpdate,
  getProcedureStateQuery,
  withdrawProcedureUpdate,
  type NormativeDocumentInput,
  type NormativeDocumentWorkflow,
  type ProcedureSnapshot,
} from '../../../../libs/domain/src/procedures/normative-document.contract';
import type { ProcedureEntity, TaskEntity } from '../../../../libs/persistence/src/entities';
import { LedgerRepository } from '../../../../libs/persistence/src/ledger/ledger.repository';
import { OrgRepository } from '../../../../libs/persistence/src/repositories/org.repository';
import { ProcedureRepository } from '../../../../libs/persistence/src/repositories/procedure.repository';
import { TaskRepository } from '../../../../libs/persistence/src/repositories/task.repository';
import { TemporalClientService } from '../../../../libs/temporal/src/temporal-client.module';
import { fromTemporalError } from '../common/temporal-errors';
import { MetricsService } from '../metrics/metrics';
import { actorOf, type Principal } from '../auth/principal';
import {
  mapLedgerEntry,
  mapProcedure,
  mapTask,
  type DecideProjectApprovalDto,
  type ProcedureDetailDto,
  type ProcedureDto,
  type StartNormativeDocumentDto,
  type WithdrawProcedureDto,
} from './procedures.dto';

/** The visibility context of a procedure for a user: department, stage, and whether a task involves them. */
export function visibilityOf(principal: Principal, procedure: ProcedureEntity, tasks: TaskEntity[]): VisibilityContext {
  return {
    roles: principal.roles,
    userId: principal.userId,
    unitId: principal.unitId,
    procedureDepartmentId: procedure.departmentId,
    procedureStage: procedure.stage,
    involvedThroughTask: tasks.some(
      (t) =>
        t.assigneeUserId === principal.userId ||
        t.delegateUserId === principal.userId ||
        // A unit's task involves the unit's members who can hold tasks, not e.g. an administrator seated there.
        (t.assigneeUnitId === principal.unitId && principal.roles.some((r) => TASK_HOLDERS.includes(r))),
    ),
  };
}

export function canSeeProcedure(principal: Principal, procedure: ProcedureEntity, tasks: TaskEntity[]): boolean {
  return canSee(visibilityOf(principal, procedure, tasks));
}

/** Roles that can hold review tasks. */
const TASK_HOLDERS: Role[] = [Role.LegalAffairsOfficer, Role.LegalAdviser];

/** Roles that see every procedure (the legal-affairs office watches all of them). */
const SEES_ALL: Role[] = [Role.LegalAffairsOfficer, Role.Leader, Role.SystemAdmin];

/** How long a procedure's page waits for its workflow's own view before it shows the read model alone. */
const LIVE_QUERY_TIMEOUT_MS = 3000;
@Injectable()
export class ProceduresService {
  constructor(
    private readonly temporal: TemporalClientService,
    private readonly procedures: ProcedureRepository,
    private readonly tasks: TaskRepository,
    private readonly ledger: LedgerRepository,
    private readonly org: OrgRepository,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts a normative-document procedure with its project application; refuses a second one for the same key. */
  async startNormativeDocument(principal: Principal, dto: StartNormativeDocumentDto): Promise<ProcedureSnapshot> {
    if (principal.unitKind !== (OrgUnitKind.Department as string)) {
      throw new DomainError(ErrorCode.Forbidden, 'Only a drafter of a drafting department can apply for a project.');
    }
    const workflowId = normativeDocumentWorkflowId(principal.unitCode, dto.projectCode);
    const issuerUnitId =
      dto.application.issuer === 'DEPARTMENT'
        ? principal.unitId
        : ((await this.org.findFirstUnitOfKind(OrgUnitKind.Government))?.id ?? principal.unitId);
    const input: NormativeDocumentInput = {
      procedureId: randomUUID(),
      projectCode: dto.projectCode,
      title: dto.title,
      departmentId: principal.unitId,
      departmentCode: principal.unitCode,
      issuerUnitId,
      applicant: actorOf(principal),
      application: { ...dto.application },
      // Periods come from the policy in code, selected by version id (the worker resolves it).
      policyVersion: policyVersionFor(NORMATIVE_DOCUMENT, this.config.PROCEDURE_PERIODS === 'demo'),
    };
    const client = await this.client(workflowId);
    try {
      const handle = await client.workflow.start<NormativeDocumentWorkflow>(NORMATIVE_DOCUMENT_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: this.temporal.taskQueue,
        args: [input],
        // A business key names one procedure for ever: neither a running nor an ended one may be started again.
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: ProcedureTypeAttr, value: NORMATIVE_DOCUMENT },
          { key: StageAttr, value: NormativeDocumentStage.ProjectApproval },
          { key: DepartmentAttr, value: principal.unitCode },
        ],
      });
      this.metrics.proceduresStarted.inc({ type: NORMATIVE_DOCUMENT });
      return await handle.executeUpdate(awaitSettledUpdate, { args: [] });
    } catch (err) {
      throw fromTemporalError(err, { workflowId }) ?? err;
    }
  }

  async list(principal: Principal, limit: number, stage?: string): Promise<ProcedureDto[]> {
    const seesAll = principal.roles.some((role) => SEES_ALL.includes(role));
    if (seesAll) return (await this.procedures.list({ limit, stage })).map(mapProcedure);
    const own = principal.roles.includes(Role.Drafter)
      ? await this.procedures.list({ limit, stage, departmentId: principal.unitId })
      : [];
    const viaTasks = await this.procedures.list({
      limit,
      stage,
      taskUnitId: principal.unitId,
      taskUserId: principal.userId,
    });
    const byId = new Map([...own, ...viaTasks].map((p) => [p.id, p]));
    return [...byId.values()]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, limit)
      .map(mapProcedure);
  }

  async detail(principal: Principal, procedureId: string): Promise<ProcedureDetailDto> {
    const procedure = await this.procedures.findById(procedureId);
    const tasks = procedure ? await this.tasks.findByProcedure(procedure.id) : [];
    if (!procedure || !canSeeProcedure(principal, procedure, tasks)) {
      throw new DomainError(ErrorCode.NotFound, `There is no procedure ${procedureId} that you can see.`);
    }
    const ledger = await this.ledger.findByProcedure(procedure.id);
    const ui = `${this.config.TEMPORAL_UI_URL.replace(/\/$/, '')}/namespaces/${encodeURIComponent(
      this.config.TEMPORAL_NAMESPACE,
    )}/workflows/${encodeURIComponent(procedure.workflowId)}`;
    return {
      ...mapProcedure(procedure),
      tasks: tasks.map(mapTask),
      ledger: ledger.map(mapLedgerEntry),
      temporalUiUrl: ui,
      live: await this.liveState(procedure.workflowId),
    };
  }

  /**
   * The workflow's own view (comment window, opinions, number, what it waits for); null once it is gone, or when no
   * worker answers within a few seconds: the page then shows the read model instead of waiting on a stopped worker.
   */
  private async liveState(workflowId: string): Promise<ProcedureSnapshot | null> {
    try {
      const client = await this.temporal.client();
      return await client.withDeadline(Date.now() + LIVE_QUERY_TIMEOUT_MS, () =>
        client.workflow.getHandle(workflowId).query(getProcedureStateQuery),
      );
    } catch {
      return null;
    }
  }

  /** The legal-affairs office decides a project application through the workflow's update. */
  async decideProjectApproval(
    principal: Principal,
    taskId: string,
    dto: DecideProjectApprovalDto,
    idempotencyKey: string | undefined,
  ): Promise<ProcedureSnapshot> {
    const task = await this.tasks.findById(taskId);
    if (!task) throw new DomainError(ErrorCode.NotFound, `There is no task ${taskId}.`);
    if (task.assigneeUserId ? task.assigneeUserId !== principal.userId : task.assigneeUnitId !== principal.unitId) {
      throw new DomainError(
        ErrorCode.Forbidden,
        task.assigneeUserId
          ? 'This task is held by another person; only they (or whoever it is reassigned to) can decide it.'
          : 'This task is assigned to another unit; you cannot decide it.',
      );
    }
    if (task.kind !== 'PROJECT_APPROVAL') {
      throw new DomainError(ErrorCode.WrongStage, `Task ${taskId} is a ${task.kind} task, not a project approval.`);
    }
    const updateId = idempotencyKey ? `decide:${taskId}:${idempotencyKey}` : undefined;
    if (task.status !== 'OPEN') {
      // The same request again (same idempotency key) after it was recorded gets the same answer, not an error.
      if (updateId && (await this.ledger.findByIdempotencyKey(updateId))) return this.snapshotFromReadModel(task);
      throw new DomainError(
        ErrorCode.TaskClosed,
        `Task ${taskId} was already closed (${task.outcome ?? task.status}).`,
      );
    }
    const client = await this.client(task.workflowId);
    try {
      const snapshot = await client.workflow.getHandle(task.workflowId).executeUpdate(decideProjectApprovalUpdate, {
        args: [{ taskId, decision: dto.decision, opinion: dto.opinion, actor: actorOf(principal) }],
        ...(updateId ? { updateId } : {}),
      });
      this.metrics.decisions.inc({ stage: task.stage, decision: dto.decision });
      return snapshot;
    } catch (err) {
      throw fromTemporalError(err, { workflowId: task.workflowId }) ?? err;
    }
  }

  private async snapshotFromReadModel(task: TaskEntity): Promise<ProcedureSnapshot> {
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

  async withdraw(principal: Principal, procedureId: string, dto: WithdrawProcedureDto): Promise<ProcedureSnapshot> {
    const procedure = await this.procedures.findById(procedureId);
    if (!procedure || procedure.departmentId !== principal.unitId) {
      throw new DomainError(ErrorCode.NotFound, `Your department has no procedure ${procedureId}.`);
    }
    if (procedure.status !== 'ACTIVE') {
      throw new DomainError(ErrorCode.WrongStage, `The procedure has already ended (${procedure.stage}).`);
    }
    const client = await this.client(procedure.workflowId);
    try {
      return await client.workflow.getHandle(procedure.workflowId).executeUpdate(withdrawProcedureUpdate, {
        args: [{ reason: dto.reason, actor: actorOf(principal) }],
      });
    } catch (err) {
      const mapped = fromTemporalError(err, { workflowId: procedure.workflowId });
      if (mapped?.code === ErrorCode.NotFound) {
        throw new DomainError(ErrorCode.WrongStage, `The procedure has already ended (${procedure.stage}).`);
      }
      throw mapped ?? err;
    }
  }

  private async client(workflowId: string) {
    try {
      return await this.temporal.client();
    } catch (err) {
      throw (
        fromTemporalError(err, { workflowId }) ??
        new DomainError(ErrorCode.Unavailable, 'The workflow engine is not reachable right now; try again shortly.')
      );
    }
  }
}
