import { Injectable, Logger } from '@nestjs/common';
import { ApplicationFailure, Context } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import {
  CLEANUP_BASIS,
  CLEANUP_REVIEW_STAGE,
  CLEANUP_REVIEW_TASK_KIND,
  CLEANUP_REVIEW_WORKFLOW_TYPE,
  cleanupReviewTaskTitle,
  cleanupReviewWorkflowId,
  type CleanupCampaignStatus,
  type CleanupDecision,
  type CleanupReviewInput,
  type CleanupReviewWorkflow,
  ErrorCode,
  formatLegalBasis,
  type Period,
  OrgUnitKind,
  type Actor,
  DomainError,
  applyCleanupDecisionUpdate,
} from '@lawgate/domain';
import {
  AuditRepository,
  CleanupRepository,
  type CleanupCounts,
  OrgRepository,
  RegisterRepository,
} from '@lawgate/persistence';
import { TemporalClientService, ProcedureGateway } from '@lawgate/temporal';
import { ProcedureActivities } from './procedure.activities';

export interface OpenCleanupCampaignInput {
  campaignId: string;
  title: string;
  startedBy: Actor;
}

export interface StartCleanupReviewsInput {
  campaignId: string;
  /** The last register entry id of the previous page; null for the first page. */
  afterId: string | null;
  limit: number;
  /** Review workflows started at once. */
  concurrency: number;
  reviewPeriod: Period;
}

export interface StartedCleanupReviews {
  /** The last register entry id of this page, to pass as `afterId`; null when the page was empty. */
  lastId: string | null;
  /** Documents in force on this page. */
  listed: number;
  /** Review workflows this call started. */
  started: number;
  /** Review workflows that already existed (a retried page, or a campaign resumed). */
  alreadyStarted: number;
  /** Whether documents in force follow this page (false: every review of the campaign is started). */
  more: boolean;
}

export interface VerifyCleanupDecisionInput {
  campaignId: string;
  procedureId: string;
  decision: CleanupDecision;
  actorUserId: string;
}

export interface ApplyCleanupDecisionInput {
  documentWorkflowId: string;
  campaignId: string;
  decision: CleanupDecision;
  reason: string;
  actor: Actor;
  /** The update id: a retried activity sends the same update, which the workflow runs once. */
  updateId: string;
}

/** What became of a decision sent to the document's workflow. */
export interface AppliedCleanupDecision {
  /** APPLIED: signed and acted on; NOT_RUNNING: no such workflow running; REFUSED: the workflow refused it. */
  notice: 'APPLIED' | 'NOT_RUNNING' | 'REFUSED';
  refusal: { code: string; message: string } | null;
}

export interface RecordCleanupDecisionInput {
  campaignId: string;
  registerEntryId: string;
  procedureId: string;
  taskId: string | null;
  decision: CleanupDecision;
  reason: string;
  actor: Actor;
  /** The workflow update id. */
  idempotencyKey: string;
}

/** Heartbeats when running as an activity; a no-op when called directly (tests, benchmarks). */
function heartbeat(details: unknown): void {
  try {
    Context.current().heartbeat(details);
  } catch {
    // not inside an activity
  }
}

/**
 * Clean-up campaigns (清理, B12): the campaign's read model, starting its review workflows page by page, and the
 * decisions. Starting workflows from an activity (not as children of the campaign) keeps the campaign's history to a
 * few events per page however many documents are in force, and a review outlives the campaign run that started it.
 */
@Injectable()
export class CleanupActivities {
  private readonly logger = new Logger(CleanupActivities.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly cleanup: CleanupRepository,
    private readonly register: RegisterRepository,
    private readonly audit: AuditRepository,
    private readonly org: OrgRepository,
    private readonly procedures: ProcedureActivities,
    private readonly temporal: TemporalClientService,
    private readonly gateway: ProcedureGateway,
  ) {}

  /** Creates the campaign row once, counting the documents in force, and audits who started it. */
  async openCleanupCampaign(input: OpenCleanupCampaignInput): Promise<{ totalInForce: number; startedAt: string }> {
    return this.dataSource.transaction(async (manager) => {
      const campaign = await this.cleanup.openCampaign(manager, {
        id: input.campaignId,
        title: input.title,
        startedBy: input.startedBy.userId,
        startedAt: new Date(),
      });
      await this.audit.record(manager, {
        actorKind: 'USER',
        actorId: input.startedBy.userId,
        action: 'cleanup.campaign.started',
        procedureId: null,
        details: { campaignId: input.campaignId, title: input.title, totalInForce: campaign.totalInForce },
        dedupKey: `cleanup-campaign:${input.campaignId}:started`,
      });
      return { totalInForce: campaign.totalInForce, startedAt: campaign.startedAt.toISOString() };
    });
  }

  /**
   * Reads one page of the documents in force (register id order), records a review row for each, opens their review
   * tasks for the legal-affairs office (one statement for the page), starts their review workflows, `concurrency` at a
   * time, and moves the campaign's read model (reviews started; STARTED_ALL after the last page). Idempotent: rows and
   * tasks are inserted once (a retry gets the tasks already open), and a workflow id already taken counts as started,
   * so a retried page (the worker died half-way) just finishes the page. One activity per page and nothing else keeps
   * the campaign off the task queue, where thousands of new reviews wait for the worker.
   */
  async startCleanupReviews(input: StartCleanupReviewsInput): Promise<StartedCleanupReviews> {
    const limit = Math.max(1, Math.min(1000, Math.floor(input.limit)));
    // One row more than the page tells whether another page follows, without reading an empty page.
    const read = await this.register.inForcePage(input.afterId, limit + 1);
    const more = read.length > limit;
    const page = read.slice(0, limit);
    if (page.length === 0) {
      await this.cleanup.recordStarted(input.campaignId, true);
      return { lastId: null, listed: 0, started: 0, alreadyStarted: 0, more: false };
    }
    const reviews: CleanupReviewInput[] = page.map((e) => ({
      campaignId: input.campaignId,
      registerEntryId: e.id,
      procedureId: e.procedureId,
      documentWorkflowId: e.workflowId,
      number: e.number,
      title: e.title,
      documentSha256: e.documentSha256,
      reviewPeriod: input.reviewPeriod,
    }));
    const workflowIdOf = (r: CleanupReviewInput) => cleanupReviewWorkflowId(input.campaignId, r.registerEntryId);
    await this.cleanup.insertReviews(
      input.campaignId,
      reviews.map((r) => ({
        registerEntryId: r.registerEntryId,
        procedureId: r.procedureId,
        number: r.number,
        title: r.title,
        workflowId: workflowIdOf(r),
      })),
    );
    // The office's inbox holds the page's tasks before their reviews start; each review's own `openTask` then finds
    // its task open (same key) instead of opening it, wherever the worker has got to.
    await this.openReviewTasks(input.reviewPeriod, reviews, workflowIdOf);
    const client = await this.temporal.client();
    const taskQueue = this.temporal.taskQueue;
    let started = 0;
    let alreadyStarted = 0;
    let next = 0;
    const startOne = async (review: CleanupReviewInput) => {
      try {
        await client.workflow.start<CleanupReviewWorkflow>(CLEANUP_REVIEW_WORKFLOW_TYPE, {
          workflowId: workflowIdOf(review),
          taskQueue,
          args: [review],
          // One review per campaign and document, running or finished: a second start is the first one.
          workflowIdConflictPolicy: 'FAIL',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        });
        started += 1;
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        alreadyStarted += 1;
      }
    };
    const concurrency = Math.max(1, Math.min(256, Math.floor(input.concurrency)));
    await Promise.all(
      Array.from({ length: Math.min(concurrency, reviews.length) }, async () => {
        for (let i = next++; i < reviews.length; i = next++) {
          await startOne(reviews[i]);
          heartbeat({ afterId: input.afterId, done: started + alreadyStarted });
        }
      }),
    );
    if (alreadyStarted > 0) {
      this.logger.log(`campaign ${input.campaignId}: ${alreadyStarted} reviews on this page existed already`);
    }
    // The read model moves with the page (idempotent: it counts the campaign's review rows).
    await this.cleanup.recordStarted(input.campaignId, !more);
    return { lastId: page[page.length - 1].id, listed: page.length, started, alreadyStarted, more };
  }

  /**
   * The review tasks of a page, opened as `openTask` opens one (the first legal-affairs office unit; due at the end of
   * the review period counted from now). Every review of the page has its task afterwards or the activity fails: a
   * task opened concurrently by another run of the page is picked up on the retry.
   */
  private async openReviewTasks(
    reviewPeriod: Period,
    reviews: CleanupReviewInput[],
    workflowIdOf: (r: CleanupReviewInput) => string,
  ): Promise<void> {
    const office = await this.org.findFirstUnitOfKind(OrgUnitKind.LegalAffairsOffice);
    if (!office) {
      throw ApplicationFailure.create({
        type: ErrorCode.RuleViolation,
        message: `No organisation unit of kind ${OrgUnitKind.LegalAffairsOffice} exists to take the ${CLEANUP_REVIEW_TASK_KIND} tasks`,
        nonRetryable: true,
      });
    }
    const deadline = await this.procedures.deadlineFrom(new Date(), reviewPeriod);
    const taskIds = await this.cleanup.openReviewTasks(
      {
        stage: CLEANUP_REVIEW_STAGE,
        kind: CLEANUP_REVIEW_TASK_KIND,
        legalBasis: formatLegalBasis(CLEANUP_BASIS),
        assigneeUnitId: office.id,
        dueAt: deadline.dueAt,
        dueCalendarVersion: deadline.calendarVersion,
        dueProblem: deadline.problem,
      },
      reviews.map((r) => ({
        procedureId: r.procedureId,
        workflowId: workflowIdOf(r),
        title: cleanupReviewTaskTitle(r),
      })),
    );
    const missing = reviews.filter((r) => !taskIds.has(workflowIdOf(r))).length;
    if (missing > 0) {
      throw new Error(`${missing} review tasks of this page were opened concurrently and not yet visible; retrying`);
    }
  }

  /** Moves the campaign's read model (reviews started, status). */
  async recordCleanupProgress(input: {
    campaignId: string;
    reviewsStarted: number;
    status: CleanupCampaignStatus;
  }): Promise<void> {
    await this.cleanup.setProgress(input.campaignId, input.reviewsStarted, input.status);
  }

  /** How many reviews the campaign has and how they were decided. */
  async cleanupProgress(input: { campaignId: string }): Promise<CleanupCounts> {
    return this.cleanup.counts(input.campaignId);
  }

  /** Records a review's decision on its row (once) and audits it; the sign-off itself is in the ledger already. */
  async recordCleanupDecision(input: RecordCleanupDecisionInput): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const now = new Date();
      await this.cleanup.decide(manager, {
        campaignId: input.campaignId,
        registerEntryId: input.registerEntryId,
        taskId: input.taskId,
        decision: input.decision,
        reason: input.reason,
        decidedBy: input.actor.userId,
        decidedAt: now,
      });
      await this.audit.record(manager, {
        actorKind: 'USER',
        actorId: input.actor.userId,
        action: 'cleanup.review.decided',
        procedureId: input.procedureId,
        reason: input.reason,
        details: { campaignId: input.campaignId, registerEntryId: input.registerEntryId, decision: input.decision },
        dedupKey: `cleanup-decision:${input.idempotencyKey}`,
        at: now,
      });
    });
  }

  /**
   * The document's workflow asks, before it applies a decision, whether the campaign exists and has recorded exactly
   * this decision about this document by this officer. A decision no campaign took (a forged or replayed update) is
   * refused, naming why; nothing is written.
   */
  async verifyCleanupDecision(input: VerifyCleanupDecisionInput): Promise<{ registerEntryId: string }> {
    const refuse = (message: string) =>
      ApplicationFailure.create({ type: ErrorCode.RuleViolation, message, nonRetryable: true });
    const campaign = await this.cleanup.findCampaign(input.campaignId);
    if (!campaign) throw refuse(`There is no clean-up campaign ${input.campaignId}.`);
    const review = await this.cleanup.findDecidedReview(input.campaignId, input.procedureId);
    if (!review || !review.decision) {
      throw refuse(`Clean-up campaign ${input.campaignId} has decided nothing about this document.`);
    }
    if (review.decision !== input.decision || review.decidedBy !== input.actorUserId) {
      throw refuse(
        `Clean-up campaign ${input.campaignId} decided ${review.decision} about this document, by another officer ` +
          'or with another decision than the one sent.',
      );
    }
    return { registerEntryId: review.registerEntryId };
  }

  /**
   * Sends a review's decision to the document's workflow as the `applyCleanupDecision` update, through the procedure
   * gateway (as the API sends every step). A workflow that is not running is NOT_RUNNING (the review then acts on the
   * register); a refusal is REFUSED with its code; a busy procedure or an unreachable server is retried.
   */
  async applyCleanupDecision(input: ApplyCleanupDecisionInput): Promise<AppliedCleanupDecision> {
    try {
      await this.gateway.step(
        input.documentWorkflowId,
        applyCleanupDecisionUpdate,
        { campaignId: input.campaignId, decision: input.decision, reason: input.reason, actor: input.actor },
        input.updateId,
      );
      return { notice: 'APPLIED', refusal: null };
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      if (err.code === ErrorCode.NotFound) return { notice: 'NOT_RUNNING', refusal: null };
      if (
        err.code === ErrorCode.ProcedureBusy ||
        err.code === ErrorCode.Unavailable ||
        err.code === ErrorCode.Internal
      ) {
        throw new Error(`The document's workflow could not take the decision yet (${err.code}); retrying`);
      }
      this.logger.warn(`Clean-up decision refused by ${input.documentWorkflowId}: ${err.code} ${err.message}`);
      return { notice: 'REFUSED', refusal: { code: err.code, message: err.message } };
    }
  }
}
