import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/client';
import { APP_CONFIG } from '../../../../libs/config/src/config.module';
import type { AppConfig } from '../../../../libs/config/src/config';
import { DomainError, ErrorCode } from '../../../../libs/domain/src/errors';
import { OrgUnitKind, Role } from '../../../../libs/domain/src/roles';
import { DepartmentAttr, ProcedureTypeAttr, StageAttr } from '../../../../libs/domain/src/search-attributes';
import type { Actor } from '../../../../libs/domain/src/procedures/normative-document.contract';
import {
  IN_SCOPE_KINDS,
  MAJOR_DECISION,
  MAJOR_DECISION_WORKFLOW_TYPE,
  MATTER_KINDS,
  MajorDecisionStage,
  getMajorDecisionStateQuery,
  majorDecisionWorkflowId,
  mdAddExpertOpinionUpdate,
  mdAnswerCommentUpdate,
  mdArchiveUpdate,
  mdAwaitSettledUpdate,
  mdCloseCommentWindowUpdate,
  mdCloseDecisionUpdate,
  mdCompleteExpertsUpdate,
  mdCompletePublicParticipationUpdate,
  mdDecideLaunchUpdate,
  mdGiveLegalityOpinionUpdate,
  mdOpenCommentWindowUpdate,
  mdRecordConsultationUpdate,
  mdRecordEvaluationUpdate,
  mdRecordExecutionReportUpdate,
  mdRecordHearingUpdate,
  mdRecordMeetingUpdate,
  mdRecordPartyReportUpdate,
  mdRecordPublicationUpdate,
  mdRecordRiskAssessmentUpdate,
  mdRegisterDocumentUpdate,
  mdResumeExecutionUpdate,
  mdStartAdjustmentUpdate,
  mdSubmitDraftOptionsUpdate,
  mdSubmitForLegalityReviewUpdate,
  mdSubmitMeetingPackageUpdate,
  mdSuspendExecutionUpdate,
  scopeRefusal,
  type MajorDecisionInput,
  type MajorDecisionSnapshot,
  type MajorDecisionWorkflow,
} from '../../../../libs/domain/src/procedures/major-decision.contract';
import { policyVersionFor } from '../../../../libs/domain/src/procedures/policies';
import type { ProcedureEntity } from '../../../../libs/persistence/src/entities';
import { CatalogRepository } from '../../../../libs/persistence/src/repositories/catalog.repository';
import { OrgRepository } from '../../../../libs/persistence/src/repositories/org.repository';
import { ProcedureRepository } from '../../../../libs/persistence/src/repositories/procedure.repository';
import { TaskRepository } from '../../../../libs/persistence/src/repositories/task.repository';
import { TemporalClientService } from '../../../../libs/temporal/src/temporal-client.module';
import { actorOf, type Principal } from '../auth/principal';
import { fromTemporalError } from '../common/temporal-errors';
import { canSeeProcedure } from '../procedures/procedures.service';
import { validateBody, type Schema } from './body-schema';

const text = (max = 8000, optional = false) => ({ type: 'string' as const, max, optional });
const flag = { type: 'boolean' as const };

interface StepSpec {
  update: UpdateDefinition<MajorDecisionSnapshot, [never], string>;
  /** Who may take the step (checked here; the workflow checks the unit and the stage). */
  roles: Role[];
  /** The task kinds the step closes: the caller must hold the open task, whose id the API adds. */
  tasks?: string[];
  /** The stages in which the workflow takes the step (it checks again; this tells a form when to offer it). */
  stages: MajorDecisionStage[];
  schema: Schema;
}

const POSITION: Schema = {
  memberId: text(100),
  name: text(100),
  position: { type: 'string', oneOf: ['FOR', 'AGAINST', 'ABSTAIN'] },
  statement: text(8000),
};

/** Every human step of a major decision, by its URL segment. */
export const MAJOR_DECISION_STEPS: Record<string, StepSpec> = {
  launch: {
    update: mdDecideLaunchUpdate as never,
    roles: [Role.Leader],
    stages: [MajorDecisionStage.Launch],
    tasks: ['MD_LAUNCH'],
    schema: { launch: flag, undertakingUnitId: text(36, true), leadUnitId: text(36, true), reason: text() },
  },
  'draft-options': {
    update: mdSubmitDraftOptionsUpdate as never,
    roles: [Role.Drafter],
    stages: [MajorDecisionStage.Drafting],
    schema: {
      options: { type: { array: { label: text(200), sha256: text(64) }, max: 10 } },
      lawInventory: text(),
      costBenefit: text(8000, true),
    },
  },
  consultation: {
    update: mdRecordConsultationUpdate as never,
    roles: [Role.Drafter],
    stages: [MajorDecisionStage.Consultation],
    schema: { consulted: { type: 'string[]' }, consensus: flag, disputeMemo: text(8000, true) },
  },
  'comment-window': {
    update: mdOpenCommentWindowUpdate as never,
    roles: [Role.Drafter],
    stages: [MajorDecisionStage.PublicParticipation],
    schema: { period: { type: 'period', optional: true }, shortenedReason: text(2000, true) },
  },
  'comment-window/close': {
    update: mdCloseCommentWindowUpdate as never,
    roles: [Role.Drafter],
    stages: [MajorDecisionStage.PublicParticipation],
    schema: {},
  },
  'comment-answers': {
    update: mdAnswerCommentUpdate as never,
    roles: [Role.Drafter],
    stages: [MajorDecisionStage.PublicParticipation],
    schema: {
      commentId: text(36),
      answer: { type: 'string', oneOf: ['ADOPTED', 'PARTLY_ADOPTED', 'NOT_ADOPTED'] },
      reason: text(4000),
    },
  },
  hearing: {
    update: mdRecordHearingUpdate as never,
    roles: [Role.Drafter],
    stages: [MajorDecisionStage.PublicParticipation],
    schema: {
      materialsDeliveredAt: text(40),
      participantListPublishedAt: text(40),
      heldAt: text(40),
      participants: { type: 'string[]' },
      signedRecordSha256: text(64),
    },
  },
  'complete-public-participation': {
    update: mdCompletePublicParticipationUpdate as never,
    roles: [Role.Drafter],
    stages: [MajorDecisionStage.PublicParticipation],
    schema: {},
  },
  'expert-opinions': {
    update: mdAddExpertOpinionUpdate as never,
    roles: [Role.Drafter],
    stages: [MajorDecisionStage.ExpertArgumentation],
    schema: {
      expert: {
        type: {
          object: {
            name: text(100),
            affiliation: text(200),
            declaredInterest: flag,
            dissenting: flag,
            opinion: text(),
            signedSha256: text(64),
          },
        },
      },
    },
  },
  'complete-experts': {
    update: mdCompleteExpertsUpdate as never,
    roles: [Role.Drafter],
    stages: [MajorDecisionStage.ExpertArgumentation],
    schema: { adoption: text(), dissentingInvited: flag },
  },
  'risk-assessment': {
    update: mdRecordRiskAssessmentUpdate as never,
    roles: [Role.Drafter],
    stages: [MajorDecisionStage.RiskAssessment],
    schema: {
      riskPoints: text(),
      measures: text(),
      contingencyPlan: text(),
      level: text(40),
      method: text(400),
      controllable: flag,
    },
  },
  'legality-review': {
    update: mdSubmitForLegalityReviewUpdate as never,
    roles: [Role.Drafter],
    stages: [MajorDecisionStage.LegalityReview],
    schema: { basisStatement: text(), proceduresPerformed: text() },
  },
  'legality-opinion': {
    update: mdGiveLegalityOpinionUpdate as never,
    roles: [Role.LegalAdviser],
    stages: [MajorDecisionStage.LegalityReview],
    tasks: ['MD_LEGALITY_REVIEW'],
    schema: {
      conclusion: { type: 'string', oneOf: ['LAWFUL', 'MUST_AMEND', 'UNLAWFUL', 'NO_CLEAR_RULE'] },
      reasons: text(),
      reviewedSha256: text(64),
      legalRisk: text(8000, true),
    },
  },
  'meeting-package': {
    update: mdSubmitMeetingPackageUpdate as never,
    roles: [Role.Drafter],
    stages: [MajorDecisionStage.MeetingPackage],
    schema: { fairCompetitionReview: text(4000, true), note: text() },
  },
  meeting: {
    update: mdRecordMeetingUpdate as never,
    roles: [Role.Leader],
    stages: [MajorDecisionStage.CollectiveDiscussion],
    tasks: ['MD_MEETING'],
    schema: {
      meetingType: text(20),
      meeting: text(200),
      meetingDate: text(40),
      positions: { type: { array: POSITION, max: 60 } },
      headId: text(100),
      decision: { type: 'string', oneOf: ['ADOPTED', 'NOT_ADOPTED'] },
      headReason: text(8000, true),
    },
  },
  'party-report': {
    update: mdRecordPartyReportUpdate as never,
    roles: [Role.Leader],
    stages: [MajorDecisionStage.PartyReport],
    tasks: ['MD_PARTY_REPORT'],
    schema: { reportedTo: text(200), reference: text(200) },
  },
  publication: {
    update: mdRecordPublicationUpdate as never,
    roles: [Role.Leader, Role.LegalAffairsOfficer],
    stages: [MajorDecisionStage.Publication],
    tasks: ['MD_PUBLICATION'],
    schema: { channels: { type: 'string[]' }, reference: text(500), opinionsExplanation: text(8000, true) },
  },
  registration: {
    update: mdRegisterDocumentUpdate as never,
    roles: [Role.LegalAffairsOfficer],
    stages: [MajorDecisionStage.Registration],
    tasks: ['MD_REGISTRATION'],
    schema: { note: text(2000) },
  },
  archive: {
    update: mdArchiveUpdate as never,
    roles: [Role.LegalAffairsOfficer],
    stages: [MajorDecisionStage.Archive],
    tasks: ['MD_ARCHIVE'],
    schema: { note: text(2000) },
  },
  'execution-reports': {
    update: mdRecordExecutionReportUpdate as never,
    roles: [Role.Drafter],
    stages: [MajorDecisionStage.Execution],
    schema: { kind: { type: 'string', oneOf: ['PROGRESS', 'PROBLEM'] }, text: text() },
  },
  evaluations: {
    update: mdRecordEvaluationUpdate as never,
    roles: [Role.Leader, Role.LegalAffairsOfficer],
    stages: [MajorDecisionStage.Execution],
    schema: { evaluator: text(200), didPreDecisionWork: flag, result: text() },
  },
  suspend: {
    update: mdSuspendExecutionUpdate as never,
    roles: [Role.Leader],
    stages: [MajorDecisionStage.Execution],
    schema: { reason: text() },
  },
  resume: {
    update: mdResumeExecutionUpdate as never,
    roles: [Role.Leader],
    stages: [MajorDecisionStage.Suspended],
    schema: { reason: text() },
  },
  adjust: {
    update: mdStartAdjustmentUpdate as never,
    roles: [Role.Leader],
    stages: [MajorDecisionStage.Execution, MajorDecisionStage.Suspended],
    schema: { reason: text() },
  },
  close: {
    update: mdCloseDecisionUpdate as never,
    roles: [Role.Leader, Role.LegalAffairsOfficer],
    stages: [MajorDecisionStage.Execution, MajorDecisionStage.Suspended],
    schema: { reason: text() },
  },
};

const START_SCHEMA: Schema = {
  matterCode: { type: 'string', max: 64 },
  title: text(200),
  catalogYear: { type: 'int', optional: true },
  catalogItemKey: text(64, true),
  proposal: {
    type: {
      object: {
        proposer: {
          type: 'string',
          oneOf: ['LEADER', 'DEPARTMENT', 'LOWER_GOVERNMENT', 'DEPUTY_OR_MEMBER', 'PUBLIC'],
        },
        problem: text(),
        reasonsAndBasis: text(),
        preliminarySolution: text(),
        necessityAndFeasibility: text(),
      },
    },
  },
  classification: {
    type: {
      object: {
        kind: { type: 'string', oneOf: MATTER_KINDS },
        reason: text(),
        professional: flag,
        riskFlagged: flag,
        wideConcern: flag,
        touchesMarket: flag,
        exploratoryReform: flag,
        alsoNormativeDocument: flag,
      },
    },
  },
};

interface StartBody {
  matterCode: string;
  title: string;
  catalogYear?: number;
  catalogItemKey?: string;
  proposal: MajorDecisionInput['proposal'];
  classification: MajorDecisionInput['classification'];
}

/**
 * Starts major decisions and sends their human steps to the workflow as Updates. The API checks identity, role and
 * (for a task's step) that the caller holds the open task; the workflow's validators refuse what the stage does not
 * allow, which reaches the caller as 403/409/422 naming the missing step and its article, with nothing changed.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly temporal: TemporalClientService,
    private readonly procedures: ProcedureRepository,
    private readonly tasks: TaskRepository,
    private readonly org: OrgRepository,
    private readonly catalog: CatalogRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(principal: Principal, raw: unknown): Promise<MajorDecisionSnapshot> {
    const body = validateBody<StartBody>(raw, START_SCHEMA);
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
    try {
      const client = await this.temporal.client();
      const handle = await client.workflow.start<MajorDecisionWorkflow>(MAJOR_DECISION_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: this.temporal.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: ProcedureTypeAttr, value: MAJOR_DECISION },
          { key: StageAttr, value: MajorDecisionStage.ScopeClassification },
          { key: DepartmentAttr, value: principal.unitCode },
        ],
      });
      const snapshot = await handle.executeUpdate(mdAwaitSettledUpdate, { args: [] });
      if (catalogItemId && body.catalogYear !== undefined && body.catalogItemKey) {
        await this.catalog.linkProcedure(body.catalogYear, body.catalogItemKey, input.procedureId);
      }
      return snapshot;
    } catch (err) {
      throw fromTemporalError(err, { workflowId }) ?? err;
    }
  }

  /** The live state, for those who may see the procedure (the same rule as every procedure's page). */
  async state(principal: Principal, procedureId: string): Promise<MajorDecisionSnapshot> {
    const procedure = await this.visibleProcedure(principal, procedureId);
    try {
      const client = await this.temporal.client();
      return await client.workflow.getHandle(procedure.workflowId).query(getMajorDecisionStateQuery);
    } catch (err) {
      throw fromTemporalError(err, { workflowId: procedure.workflowId }) ?? err;
    }
  }

  /**
   * The steps the caller can take now: those of the procedure's current stage that the caller's role takes, and, for
   * a step that closes a task, only when the caller or the caller's unit holds that task. Each with its body schema,
   * from which the web app builds the step's form.
   */
  async availableSteps(principal: Principal, procedureId: string) {
    const live = await this.state(principal, procedureId);
    const procedure = await this.procedure(procedureId);
    const open = (await this.tasks.findByProcedure(procedure.id)).filter(
      (t) =>
        t.status === 'OPEN' &&
        (t.assigneeUserId === principal.userId || (!t.assigneeUserId && t.assigneeUnitId === principal.unitId)),
    );
    return {
      stage: live.stage,
      status: live.status,
      waitingFor: live.waitingFor,
      steps: Object.entries(MAJOR_DECISION_STEPS)
        .filter(
          ([, spec]) =>
            spec.stages.includes(live.stage) &&
            spec.roles.some((r) => principal.roles.includes(r)) &&
            (!spec.tasks || open.some((t) => spec.tasks!.includes(t.kind))),
        )
        .map(([step, spec]) => ({ step, roles: spec.roles, schema: spec.schema })),
    };
  }

  async step(
    principal: Principal,
    procedureId: string,
    name: string,
    raw: unknown,
    idempotencyKey?: string,
  ): Promise<MajorDecisionSnapshot> {
    const spec = MAJOR_DECISION_STEPS[name];
    if (!spec) throw new DomainError(ErrorCode.NotFound, `There is no step ${name} in the major-decision procedure.`);
    const body = validateBody<Record<string, unknown>>(raw, spec.schema);
    const procedure = await this.procedure(procedureId);
    if (!spec.roles.some((r) => principal.roles.includes(r))) {
      throw new DomainError(ErrorCode.Forbidden, `The step ${name} is taken by ${spec.roles.join(' or ')}.`);
    }
    const args: Record<string, unknown> & { actor: Actor } = { ...body, actor: actorOf(principal) };
    if (spec.tasks) args.taskId = await this.heldTask(principal, procedure, spec.tasks, name);
    try {
      const client = await this.temporal.client();
      return await client.workflow.getHandle(procedure.workflowId).executeUpdate(spec.update, {
        args: [args as never],
        ...(idempotencyKey ? { updateId: `md.${name}:${procedureId}:${idempotencyKey}` } : {}),
      });
    } catch (err) {
      const mapped = fromTemporalError(err, { workflowId: procedure.workflowId });
      if (mapped?.code === ErrorCode.NotFound) {
        throw new DomainError(ErrorCode.WrongStage, `The procedure has already ended (${procedure.stage}).`);
      }
      throw mapped ?? err;
    }
  }

  private async visibleProcedure(principal: Principal, procedureId: string): Promise<ProcedureEntity> {
    const procedure = await this.procedure(procedureId);
    if (!canSeeProcedure(principal, procedure, await this.tasks.findByProcedure(procedure.id))) {
      throw new DomainError(ErrorCode.NotFound, `There is no major decision ${procedureId} that you can see.`);
    }
    return procedure;
  }

  /** The open task of the step's kind, which the caller (or the caller's unit) must hold. */
  private async heldTask(principal: Principal, procedure: ProcedureEntity, kinds: string[], name: string) {
    const open = (await this.tasks.findByProcedure(procedure.id)).filter((t) => t.status === 'OPEN');
    const task = open.find((t) => kinds.includes(t.kind));
    if (!task) {
      throw new DomainError(
        ErrorCode.WrongStage,
        `The step ${name} needs an open ${kinds.join('/')} task; the procedure is in stage ${procedure.stage}` +
          (open.length ? ` and waits for ${open.map((t) => `${t.kind}（${t.legalBasis}）`).join(', ')}.` : '.'),
      );
    }
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
    return task.id;
  }

  private async procedure(procedureId: string): Promise<ProcedureEntity> {
    const procedure = await this.procedures.findById(procedureId);
    if (!procedure || procedure.type !== MAJOR_DECISION) {
      throw new DomainError(ErrorCode.NotFound, `There is no major decision ${procedureId}.`);
    }
    return procedure;
  }
}
