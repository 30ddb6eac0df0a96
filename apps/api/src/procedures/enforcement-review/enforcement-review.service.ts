import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@lawgate/config';
import {
  DomainError,
  ErrorCode,
  cite,
  OrgUnitKind,
  ENFORCEMENT_REVIEW,
  enforcementReviewWorkflowId,
  erAwaitSettledUpdate,
  type EnforcementReviewInput,
  type EnforcementReviewSnapshot,
  catalogOf,
  classifyMajor,
  policyVersionFor,
} from '@lawgate/domain';
import { OrgRepository } from '@lawgate/persistence';
import { ProcedureGateway } from '@lawgate/temporal';
import { actorOf, type Principal } from '../../auth/principal';
import type { StartEnforcementReviewDto } from './enforcement-review.dto';

/**
 * Opens a major enforcement decision review for a case unit's case: the case must be major by the department's
 * catalog (versioned, with thresholds) or a statutory ground; its handlers are members of the department; its review
 * body is the department's own legal review unit (a legal-affairs unit under it) or, where it has none, the office.
 */
@Injectable()
export class EnforcementReviewService {
  constructor(
    private readonly gateway: ProcedureGateway,
    private readonly org: OrgRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(principal: Principal, body: StartEnforcementReviewDto): Promise<EnforcementReviewSnapshot> {
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(body.caseNumber)) {
      throw new DomainError(ErrorCode.ValidationFailed, 'caseNumber must be letters, digits, _ . or -.', {
        fields: { caseNumber: ['must be letters, digits, _ . or -'] },
      });
    }
    if (principal.unitKind !== (OrgUnitKind.Department as string)) {
      throw new DomainError(ErrorCode.Forbidden, 'Only a case unit of an enforcement department submits a case.');
    }
    const catalog = catalogOf(principal.unitCode);
    const major = classifyMajor(catalog, body);
    if (!major.major) {
      throw new DomainError(
        ErrorCode.RuleViolation,
        `The case is not a major enforcement decision: it matches no item of catalog ${catalog.departmentCode}@` +
          `${catalog.version} and names no statutory ground (${cite('G118/12', 'APL/58')}).`,
      );
    }
    const usernames = [...new Set(body.caseHandlers)];
    if (usernames.length < 2) {
      throw new DomainError(ErrorCode.RuleViolation, 'A case has at least two case handlers (执法人员不得少于两人).');
    }
    const units = await this.org.listUnits();
    // Handlers belong to the department or to a unit under it (an officer may since have moved to its review unit).
    const ownUnits = new Set([
      principal.unitId,
      ...units.filter((u) => u.parentId === principal.unitId).map((u) => u.id),
    ]);
    const handlers: string[] = [];
    for (const username of usernames) {
      const user = await this.org.findUserByUsername(username);
      if (!user || !ownUnits.has(user.orgUnitId)) {
        throw new DomainError(ErrorCode.RuleViolation, `Case handler ${username} is not a member of your department.`);
      }
      handlers.push(user.id);
    }
    const own = units.find((u) => u.kind === OrgUnitKind.LegalAffairsOffice && u.parentId === principal.unitId);
    const office = units.find(
      (u) =>
        u.kind === OrgUnitKind.LegalAffairsOffice &&
        !units.some((d) => d.id === u.parentId && d.kind === OrgUnitKind.Department),
    );
    const reviewUnit = own ?? office;
    if (!reviewUnit) throw new DomainError(ErrorCode.RuleViolation, 'No legal review body exists to review the case.');
    const input: EnforcementReviewInput = {
      procedureId: randomUUID(),
      caseNumber: body.caseNumber,
      title: body.title,
      departmentId: principal.unitId,
      departmentCode: principal.unitCode,
      reviewUnitId: reviewUnit.id,
      reviewBody: own ? 'DEPARTMENT' : 'OFFICE',
      submitter: actorOf(principal),
      caseHandlerIds: [...new Set([principal.userId, ...handlers])],
      classification: {
        decisionKind: body.decisionKind,
        measure: body.measure,
        field: body.field,
        amountYuan: body.amountYuan,
        statutoryGrounds: [...body.statutoryGrounds],
        catalogVersion: `${catalog.departmentCode}@${catalog.version}`,
        catalogItemKey: major.itemKey,
        reason: major.reason,
        complexOrSerious: body.complexOrSerious,
      },
      policyVersion: policyVersionFor(ENFORCEMENT_REVIEW, this.config.PROCEDURE_PERIODS === 'demo'),
    };
    return this.gateway.start({
      type: ENFORCEMENT_REVIEW,
      workflowId: enforcementReviewWorkflowId(principal.unitCode, body.caseNumber),
      input,
      departmentCode: principal.unitCode,
      caseNumber: body.caseNumber,
      settle: erAwaitSettledUpdate,
    });
  }
}
