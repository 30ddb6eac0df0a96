import { Inject, Injectable } from '@nestjs/common';
import {
  CLEANUP_CAMPAIGN_WORKFLOW_TYPE,
  CLEANUP_REVIEW_TASK_KIND,
  DEFAULT_CLEANUP_POLICY,
  DEMO_CLEANUP_POLICY,
  cleanupCampaignWorkflowId,
  decideCleanupReviewUpdate,
  getCleanupReviewQuery,
  type CleanupCampaignWorkflow,
  type CleanupDecision,
  type CleanupReviewSnapshot,
  DomainError,
  ErrorCode,
  registrationYear,
} from '@lawgate/domain';
import { APP_CONFIG, type AppConfig } from '@lawgate/config';
import {
  type CleanupCampaignEntity,
  type CleanupReviewEntity,
  LedgerRepository,
  CleanupRepository,
  TaskRepository,
} from '@lawgate/persistence';
import { ProcedureGateway, stepUpdateId } from '@lawgate/temporal';
import { actorOf, type Principal } from '../auth/principal';
import { recordedButNotTaken } from '../procedures/recorded-not-taken';
import { requireTaskHolder } from '../procedures/task-holder';

function campaignDto(c: CleanupCampaignEntity) {
  return {
    id: c.id,
    title: c.title,
    status: c.status,
    startedBy: c.startedBy,
    startedAt: c.startedAt.toISOString(),
    totalInForce: c.totalInForce,
    reviewsStarted: c.reviewsStarted,
    finishedAt: c.finishedAt?.toISOString() ?? null,
  };
}

function reviewDto(r: CleanupReviewEntity) {
  return {
    registerEntryId: r.registerEntryId,
    procedureId: r.procedureId,
    number: r.number,
    title: r.title,
    reason: r.reason,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt?.toISOString() ?? null,
  };
}

/**
 * Clean-up campaigns (清理, B12) for the legal-affairs office: start one, watch its progress, read its lists, and
 * decide a review. A decision is a Workflow Update on the review's workflow, authorised here like every task step
 * (the holder, or a member of the holding unit) and then checked by the update's validator, whose refusals reach the
 * caller as 403/409/422 and change nothing.
 */
@Injectable()
export class CleanupService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly gateway: ProcedureGateway,
    private readonly cleanup: CleanupRepository,
    private readonly tasks: TaskRepository,
    private readonly ledger: LedgerRepository,
  ) {}

  async start(principal: Principal, title: string, campaignId?: string) {
    const id = campaignId ?? String(registrationYear(new Date()));
    const workflowId = cleanupCampaignWorkflowId(id);
    const input: Parameters<CleanupCampaignWorkflow>[0] = {
      campaignId: id,
      title,
      startedBy: actorOf(principal),
      policy: this.config.PROCEDURE_PERIODS === 'demo' ? DEMO_CLEANUP_POLICY : DEFAULT_CLEANUP_POLICY,
    };
    try {
      // A campaign key names one campaign for ever, running or finished.
      await this.gateway.startWorkflow({ workflowType: CLEANUP_CAMPAIGN_WORKFLOW_TYPE, workflowId, input });
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.DuplicateProcedure) {
        throw new DomainError(ErrorCode.DuplicateProcedure, `A clean-up campaign ${id} already exists.`, {
          campaignId: id,
        });
      }
      throw err;
    }
    return { campaignId: id, workflowId, status: 'RUNNING' as const };
  }

  async list() {
    return (await this.cleanup.listCampaigns()).map(campaignDto);
  }

  /** The campaign's read model (written page by page by its workflow) with the decisions counted. */
  async progress(id: string) {
    const campaign = await this.cleanup.findCampaign(id);
    if (!campaign) throw new DomainError(ErrorCode.NotFound, `There is no clean-up campaign ${id}.`);
    const counts = await this.cleanup.counts(id);
    return {
      ...campaignDto(campaign),
      reviews: counts.reviews,
      decided: { total: counts.decided, kept: counts.kept, amended: counts.amended, repealed: counts.repealed },
      undecided: counts.reviews - counts.decided,
    };
  }

  /** The campaign's results: kept, amended and repealed from its decisions; expired from the register. */
  async lists(id: string) {
    const campaign = await this.cleanup.findCampaign(id);
    if (!campaign) throw new DomainError(ErrorCode.NotFound, `There is no clean-up campaign ${id}.`);
    const decided = await this.cleanup.decided(id);
    const of = (d: CleanupDecision) => decided.filter((r) => r.decision === d).map(reviewDto);
    const expired = await this.cleanup.expired();
    return {
      campaignId: id,
      status: campaign.status,
      kept: of('KEEP'),
      amended: of('AMEND'),
      repealed: of('REPEAL'),
      expired: expired.map((e) => ({
        registerEntryId: e.id,
        procedureId: e.procedureId,
        number: e.number,
        title: e.title,
        validUntil: e.validUntil,
        expiredAt: e.expiredAt?.toISOString() ?? null,
      })),
    };
  }

  private async review(workflowId: string): Promise<CleanupReviewSnapshot | null> {
    const row = await this.cleanup.findReviewByWorkflowId(workflowId);
    if (!row) return null;
    return {
      campaignId: row.campaignId,
      registerEntryId: row.registerEntryId,
      number: row.number,
      taskId: row.taskId,
      decision: row.decision,
      reason: row.reason,
      decidedBy: row.decidedBy,
      documentNotice: null,
    };
  }

  /** The officer holding a review task decides it. */
  async decide(
    principal: Principal,
    taskId: string,
    decision: CleanupDecision,
    reason: string | undefined,
    idempotencyKey?: string,
  ): Promise<CleanupReviewSnapshot> {
    const task = await this.tasks.findById(taskId);
    if (!task) throw new DomainError(ErrorCode.NotFound, `There is no task ${taskId}.`);
    requireTaskHolder(task, principal);
    if (task.kind !== CLEANUP_REVIEW_TASK_KIND) {
      throw new DomainError(
        ErrorCode.WrongStage,
        `Task ${taskId} is a ${task.kind} task; this action needs ${CLEANUP_REVIEW_TASK_KIND}.`,
      );
    }
    let updateId = idempotencyKey ? stepUpdateId(decideCleanupReviewUpdate.name, taskId, idempotencyKey) : undefined;
    // A decision recorded while its workflow never took it (see `recordedButNotTaken`) is sent again under its id.
    const lost =
      task.status === 'OPEN'
        ? null
        : await recordedButNotTaken(
            this.ledger,
            principal,
            { procedureId: task.procedureId, taskId, update: decideCleanupReviewUpdate.name },
            async () =>
              (await this.gateway.query<CleanupReviewSnapshot>(task.workflowId, getCleanupReviewQuery.name, 3000))
                .decision === null,
          );
    if (task.status !== 'OPEN' && !lost) {
      // The same request again after it was recorded gets the same answer, not an error.
      const repeated = updateId ? await this.ledger.findByIdempotencyKey(updateId) : null;
      const review = repeated ? await this.review(task.workflowId) : null;
      if (review) return review;
      throw new DomainError(
        ErrorCode.TaskClosed,
        `Task ${taskId} was already closed (${task.outcome ?? task.status}).`,
      );
    }
    updateId = lost ?? updateId;
    try {
      return await this.gateway.step(
        task.workflowId,
        decideCleanupReviewUpdate,
        { taskId, decision, reason: reason ?? '', actor: actorOf(principal) },
        updateId,
      );
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.NotFound) {
        throw new DomainError(ErrorCode.TaskClosed, 'This clean-up review has already ended.');
      }
      throw err;
    }
  }
}
