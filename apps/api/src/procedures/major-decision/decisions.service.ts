import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@lawgate/config';
import {
  DomainError,
  ErrorCode,
  OrgUnitKind,
  IN_SCOPE_KINDS,
  MAJOR_DECISION,
  getMajorDecisionStateQuery,
  majorDecisionWorkflowId,
  mdAwaitSettledUpdate,
  scopeRefusal,
  type MajorDecisionInput,
  type MajorDecisionSnapshot,
  policyVersionFor,
} from '@lawgate/domain';
import {
  type ProcedureEntity,
  CatalogRepository,
  OrgRepository,
  ProcedureRepository,
  TaskRepository,
} from '@lawgate/persistence';
import { ProcedureGateway } from '@lawgate/temporal';
import { StartMajorDecisionDto } from './major-decision.dto';
import { actorOf, type Principal } from '../../auth/principal';
import { canSeeProcedure } from '../procedures.service';

/**
 * Starts major decisions and sends their human steps to the workflow as Updates. The API checks identity, role and
 * (for a task's step) that the caller holds the open task; the workflow's validators refuse what the stage does not
 * allow, which reaches the caller as 403/409/422 naming the missing step and its article, with nothing changed.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly gateway: ProcedureGateway,
    private readonly procedures: ProcedureRepository,
    private readonly tasks: TaskRepository,
    private readonly org: OrgRepository,
    private readonly catalog: CatalogRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(principal: Principal, body: StartMajorDecisionDto): Promise<MajorDecisionSnapshot> {
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(body.matterCode)) {
      throw new DomainError(ErrorCode.ValidationFailed, 'matterCode must be letters, digits, _ . or -.', {
        fields: { matterCode: ['must be letters, digits, _ . or -'] },
      });
    }
    if (principal.unitKind !== (OrgUnitKind.Department as string)) {
      throw new DomainError(ErrorCode.Forbidden, 'Only a drafter of a department can propose a major decision.');
    }
    // G-A1: an excluded kind never enters the procedure; nothing is started.
    const refusal = scopeRefusal(body.classification.kind);
    if (refusal) throw new DomainError(ErrorCode.RuleViolation, refusal);
    if (!body.classification.reason.trim()) {
      throw new DomainError(
        ErrorCode.RuleViolation,
        `The scope classification needs its reason against the Art 3 kinds (${IN_SCOPE_KINDS.join(', ')}).`,
      );
    }
    let catalogItemId: string | null = null;
    if (body.catalogYear !== undefined || body.catalogItemKey !== undefined) {
      const item =
        body.catalogYear !== undefined && body.catalogItemKey
          ? await this.catalog.publishedItem(body.catalogYear, body.catalogItemKey)
          : null;
      if (!item) {
        throw new DomainError(
          ErrorCode.NotFound,
          `The published ${body.catalogYear ?? '?'} catalog has no item ${body.catalogItemKey ?? '?'}.`,
        );
      }
      if (item.procedureId) {
        throw new DomainError(ErrorCode.DuplicateProcedure, `Catalog item ${item.itemKey} already has a procedure.`);
      }
      catalogItemId = item.id;
    }
    const government = await this.org.findFirstUnitOfKind(OrgUnitKind.Government);
    const workflowId = majorDecisionWorkflowId(principal.unitCode, body.matterCode);
    const input: MajorDecisionInput = {
      procedureId: randomUUID(),
      matterCode: body.matterCode,
      title: body.title,
      departmentId: principal.unitId,
      departmentCode: principal.unitCode,
      governmentUnitId: government?.id ?? principal.unitId,
      catalogItemId,
      proposer: actorOf(principal),
      proposal: body.proposal,
      classification: body.classification,
      // Periods come from the policy in code, selected by version id (the worker resolves it).
      policyVersion: policyVersionFor(MAJOR_DECISION, this.config.PROCEDURE_PERIODS === 'demo'),
    };
    const snapshot = await this.gateway.start({
      type: MAJOR_DECISION,
      workflowId,
      input,
      departmentCode: principal.unitCode,
      settle: mdAwaitSettledUpdate,
    });
    if (catalogItemId && body.catalogYear !== undefined && body.catalogItemKey) {
      await this.catalog.linkProcedure(body.catalogYear, body.catalogItemKey, input.procedureId);
    }
    return snapshot;
  }

  /** The live state, for those who may see the procedure (the same rule as every procedure's page). */
  async state(principal: Principal, procedureId: string): Promise<MajorDecisionSnapshot> {
    const procedure = await this.visibleProcedure(principal, procedureId);
    return this.gateway.query(procedure.workflowId, getMajorDecisionStateQuery);
  }

  private async visibleProcedure(principal: Principal, procedureId: string): Promise<ProcedureEntity> {
    const procedure = await this.procedure(procedureId);
    if (!canSeeProcedure(principal, procedure, await this.tasks.findByProcedure(procedure.id))) {
      throw new DomainError(ErrorCode.NotFound, `There is no major decision ${procedureId} that you can see.`);
    }
    return procedure;
  }

  private async procedure(procedureId: string): Promise<ProcedureEntity> {
    const procedure = await this.procedures.findById(procedureId);
    if (!procedure || procedure.type !== MAJOR_DECISION) {
      throw new DomainError(ErrorCode.NotFound, `There is no major decision ${procedureId}.`);
    }
    return procedure;
  }
}
