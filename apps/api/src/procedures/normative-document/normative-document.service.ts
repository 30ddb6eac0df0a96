import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@lawgate/config';
import {
  DomainError,
  ErrorCode,
  NORMATIVE_DOCUMENT,
  awaitSettledUpdate,
  type NormativeDocumentInput,
  type ProcedureSnapshot,
  policyVersionFor,
  OrgUnitKind,
  normativeDocumentWorkflowId,
} from '@lawgate/domain';
import { OrgRepository } from '@lawgate/persistence';
import { ProcedureGateway } from '@lawgate/temporal';
import { actorOf, type Principal } from '../../auth/principal';
import { MetricsService } from '../../metrics/metrics';
import type { StartNormativeDocumentDto } from '../procedures.dto';

/** Starts normative-document procedures (B1: the project application), through the procedure gateway. */
@Injectable()
export class NormativeDocumentService {
  constructor(
    private readonly gateway: ProcedureGateway,
    private readonly org: OrgRepository,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts a normative-document procedure with its project application; refuses a second one for the same key. */
  async start(principal: Principal, dto: StartNormativeDocumentDto): Promise<ProcedureSnapshot> {
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
    const snapshot = await this.gateway.start({
      type: NORMATIVE_DOCUMENT,
      workflowId,
      input,
      departmentCode: principal.unitCode,
      settle: awaitSettledUpdate,
    });
    this.metrics.proceduresStarted.inc({ type: NORMATIVE_DOCUMENT });
    return snapshot;
  }
}
