import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@lawgate/config';
import {
  DomainError,
  ErrorCode,
  OrgUnitKind,
  CONTRACT_REVIEW,
  MAJOR_DECISION,
  contractReviewWorkflowId,
  crAwaitSettledUpdate,
  type ContractReviewInput,
  type ContractReviewPolicy,
  type ContractReviewSnapshot,
  mustReview,
  POLICY_VERSIONS,
  policyVersionFor,
} from '@lawgate/domain';
import { ProcedureGateway } from '@lawgate/temporal';
import { actorOf, type Principal } from '../../auth/principal';
import type { StartContractReviewDto } from './contract-review.dto';

/**
 * Opens the legality review of a government contract: in scope by the policy's amount threshold or listed kinds
 * (G-D1), or reviewed voluntarily; the contracting unit is the caller's department.
 */
@Injectable()
export class ContractReviewService {
  constructor(
    private readonly gateway: ProcedureGateway,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(principal: Principal, body: StartContractReviewDto): Promise<ContractReviewSnapshot> {
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(body.contractNumber)) {
      throw new DomainError(ErrorCode.ValidationFailed, 'contractNumber must be letters, digits, _ . or -.', {
        fields: { contractNumber: ['must be letters, digits, _ . or -'] },
      });
    }
    if (
      principal.unitKind !== (OrgUnitKind.Department as string) &&
      principal.unitKind !== (OrgUnitKind.Town as string)
    ) {
      throw new DomainError(ErrorCode.Forbidden, 'Only a contracting unit (a department or town) submits a contract.');
    }
    if (body.termEnd < body.termStart) {
      throw new DomainError(ErrorCode.RuleViolation, 'The term ends after it starts.');
    }
    const version = policyVersionFor(CONTRACT_REVIEW, this.config.PROCEDURE_PERIODS === 'demo');
    const policy = POLICY_VERSIONS[version].policy as ContractReviewPolicy;
    const why = mustReview(policy, body);
    if (!why && !body.voluntaryReview) {
      throw new DomainError(
        ErrorCode.RuleViolation,
        `The contract is below ${policy.mustReviewFromYuan} yuan and of no listed kind (policy ${policy.version}, ` +
          'G-D1): it need not be reviewed; ask for a voluntary review to submit it anyway.',
      );
    }
    const majorDecision = body.majorDecisionId ? await this.majorDecision(body.majorDecisionId) : null;
    const input: ContractReviewInput = {
      procedureId: randomUUID(),
      contractNumber: body.contractNumber,
      title: body.title,
      departmentId: principal.unitId,
      departmentCode: principal.unitCode,
      drafter: actorOf(principal),
      facts: {
        kind: body.kind,
        administrativeAgreement: body.administrativeAgreement,
        basis: body.basis,
        counterpart: body.counterpart,
        counterpartSme: body.counterpartSme,
        amountYuan: body.amountYuan,
        termStart: body.termStart,
        termEnd: body.termEnd,
        scopeReason: why ?? '自愿送审',
        ...(majorDecision ? { majorDecision } : {}),
      },
      policyVersion: version,
    };
    return this.gateway.start({
      type: CONTRACT_REVIEW,
      workflowId: contractReviewWorkflowId(principal.unitCode, body.contractNumber),
      input,
      departmentCode: principal.unitCode,
      caseNumber: body.contractNumber,
      settle: crAwaitSettledUpdate,
    });
  }

  /** G-D6: the major decision a contract names must be one (its adoption is checked when the contract is signed). */
  private async majorDecision(procedureId: string): Promise<{ procedureId: string; title: string }> {
    const [row] = await this.dataSource.query<{ title: string }[]>(
      'SELECT title FROM procedure WHERE id = $1 AND type = $2',
      [procedureId, MAJOR_DECISION],
    );
    if (!row) {
      throw new DomainError(
        ErrorCode.RuleViolation,
        `majorDecisionId ${procedureId} names no major administrative decision (G-D6).`,
        { fields: { majorDecisionId: ['names no major administrative decision'] } },
      );
    }
    return { procedureId, title: row.title };
  }
}
