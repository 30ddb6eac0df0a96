import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@lawgate/config';
import {
  DomainError,
  ErrorCode,
  Role,
  canSeeProcedure as canSee,
  involvedThroughTasks,
  type VisibilityContext,
  getProcedureStateQuery,
  withdrawProcedureUpdate,
  type ProcedureSnapshot,
} from '@lawgate/domain';
import {
  type ProcedureEntity,
  type TaskEntity,
  FilingCatalogRepository,
  LedgerRepository,
  OrgRepository,
  ProcedureRepository,
  TaskRepository,
} from '@lawgate/persistence';
import { ProcedureGateway } from '@lawgate/temporal';
import { MetricsService } from '../metrics/metrics';
import { actorOf, type Principal } from '../auth/principal';
import {
  mapLedgerEntry,
  mapProcedure,
  mapFiling,
  mapTask,
  type ProcedureDetailDto,
  type ProcedureDto,
  type WithdrawProcedureDto,
} from './procedures.dto';

/** The visibility context of a procedure for a user: department, stage, and whether a task involves them. */
export function visibilityOf(principal: Principal, procedure: ProcedureEntity, tasks: TaskEntity[]): VisibilityContext {
  return {
    roles: principal.roles,
    userId: principal.userId,
    unitId: principal.unitId,
    procedureDepartmentId: procedure.departmentId,
    procedureType: procedure.type,
    procedureStage: procedure.stage,
    involvedThroughTask: involvedThroughTasks(principal, tasks),
  };
}

export function canSeeProcedure(principal: Principal, procedure: ProcedureEntity, tasks: TaskEntity[]): boolean {
  return canSee(visibilityOf(principal, procedure, tasks));
}

/** Roles that see every procedure (the legal-affairs office watches all of them). */
const SEES_ALL: Role[] = [Role.LegalAffairsOfficer, Role.Leader, Role.SystemAdmin];

/** How long a procedure's page waits for its workflow's own view before it shows the read model alone. */
const LIVE_QUERY_TIMEOUT_MS = 3000;
@Injectable()
export class ProceduresService {
  constructor(
    private readonly gateway: ProcedureGateway,
    private readonly procedures: ProcedureRepository,
    private readonly tasks: TaskRepository,
    private readonly ledger: LedgerRepository,
    private readonly filings: FilingCatalogRepository,
    private readonly org: OrgRepository,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(principal: Principal, limit: number, stage?: string): Promise<ProcedureDto[]> {
    const seesAll = principal.roles.some((role) => SEES_ALL.includes(role));
    if (seesAll) return (await this.procedures.list({ limit, stage })).map(mapProcedure);
    const own = principal.roles.includes(Role.Drafter)
      ? await this.procedures.list({ limit, stage, departmentId: principal.unitId })
      : [];
    const viaTasks = await this.procedures.list({
      limit,
      stage,
      involvedUserId: principal.userId,
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
      filings: (await this.filings.filingsOf(procedure.id)).map(mapFiling),
      live: await this.liveState(procedure.workflowId),
    };
  }

  /**
   * The workflow's own view (comment window, opinions, number, what it waits for); null once it is gone, or when no
   * worker answers within a few seconds: the page then shows the read model instead of waiting on a stopped worker.
   */
  private async liveState(workflowId: string): Promise<ProcedureSnapshot | null> {
    return this.gateway.query(workflowId, getProcedureStateQuery, LIVE_QUERY_TIMEOUT_MS).catch(() => null);
  }

  async withdraw(principal: Principal, procedureId: string, dto: WithdrawProcedureDto): Promise<ProcedureSnapshot> {
    const procedure = await this.procedures.findById(procedureId);
    if (!procedure || procedure.departmentId !== principal.unitId) {
      throw new DomainError(ErrorCode.NotFound, `Your department has no procedure ${procedureId}.`);
    }
    if (procedure.status !== 'ACTIVE') {
      throw new DomainError(ErrorCode.WrongStage, `The procedure has already ended (${procedure.stage}).`);
    }
    try {
      return await this.gateway.step(procedure.workflowId, withdrawProcedureUpdate, {
        reason: dto.reason,
        actor: actorOf(principal),
      });
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.NotFound) {
        throw new DomainError(ErrorCode.WrongStage, `The procedure has already ended (${procedure.stage}).`);
      }
      throw err;
    }
  }
}
