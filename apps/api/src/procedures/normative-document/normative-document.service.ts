import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@lawgate/config';
import {
  DomainError,
  ErrorCode,
  NORMATIVE_DOCUMENT,
  awaitSettledUpdate,
  getProcedureStateQuery,
  linkAmendmentUpdate,
  NormativeDocumentStage,
  type AmendedDocumentRef,
  type NormativeDocumentInput,
  type ProcedureSnapshot,
  policyVersionFor,
  OrgUnitKind,
  normativeDocumentWorkflowId,
} from '@lawgate/domain';
import { OrgRepository, ProcedureRepository } from '@lawgate/persistence';
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
    private readonly procedures: ProcedureRepository,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts a normative-document procedure with its project application; refuses a second one for the same key. */
  async start(principal: Principal, dto: StartNormativeDocumentDto): Promise<ProcedureSnapshot> {
    if (principal.unitKind !== (OrgUnitKind.Department as string)) {
      throw new DomainError(ErrorCode.Forbidden, 'Only a drafter of a drafting department can apply for a project.');
    }
    const workflowId = normativeDocumentWorkflowId(principal.unitCode, dto.projectCode);
    const amends = dto.amends ? await this.amendedDocument(principal, dto.amends) : undefined;
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
      ...(amends ? { amends } : {}),
    };
    const snapshot = await this.gateway.start({
      type: NORMATIVE_DOCUMENT,
      workflowId,
      input,
      departmentCode: principal.unitCode,
      settle: awaitSettledUpdate,
    });
    this.metrics.proceduresStarted.inc({ type: NORMATIVE_DOCUMENT });
    if (amends) {
      // The amended document records the link; its task to start the amendment closes.
      await this.gateway.step(amends.workflowId, linkAmendmentUpdate, {
        procedureId: input.procedureId,
        workflowId,
        actor: actorOf(principal),
      });
    }
    return snapshot;
  }

  /** The document in force an amendment procedure amends: the drafter's own department's, its amendment decided. */
  private async amendedDocument(principal: Principal, procedureId: string): Promise<AmendedDocumentRef> {
    const amended = await this.procedures.findById(procedureId);
    if (!amended || amended.type !== NORMATIVE_DOCUMENT || amended.departmentId !== principal.unitId) {
      throw new DomainError(ErrorCode.NotFound, `No normative document ${procedureId} of your department.`);
    }
    const live = await this.gateway.query<ProcedureSnapshot>(amended.workflowId, getProcedureStateQuery);
    if (live.stage !== NormativeDocumentStage.InForce || !live.amendment || live.amendment.procedureId) {
      throw new DomainError(
        ErrorCode.WrongStage,
        `Document ${procedureId} waits for no amendment to be started: it is ${live.stage}` +
          (live.amendment?.procedureId ? `, amended by ${live.amendment.procedureId}` : '') +
          ' (an amendment is decided at its evaluation before expiry or by a clean-up review).',
      );
    }
    return {
      procedureId: amended.id,
      workflowId: amended.workflowId,
      registerEntryId: live.registration!.registerEntryId,
      number: live.registration!.number,
    };
  }
}
