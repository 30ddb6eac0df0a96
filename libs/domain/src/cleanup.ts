import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { ErrorCode } from './errors';
import { legalBasis } from './legal-bases';
import type { LegalBasis, Period } from './periods';
import type { Actor, CleanupDecision } from './procedures/normative-document.contract';
import { Role } from './roles';

export type { CleanupDecision } from './procedures/normative-document.contract';

/**
 * Clean-up (清理) of the normative documents in force, regulations.md B12 and gate G-B12: the legal-affairs office
 * reviews every document in force and decides to keep it, amend it (re-issue: a new procedure, a new number) or
 * repeal it, producing the lists of documents kept, amended, repealed and expired. 国办发〔2018〕37号 was not read in
 * full (regulations.md §8), so the basis is unverified and the cadence ("every 2 years") is policy, not a gate.
 */
export const CLEANUP_BASIS: LegalBasis = legalBasis('GB37/cleanup-cadence');

/** Stage and task kind of a clean-up review (the task row, the ledger entry). */
export const CLEANUP_REVIEW_STAGE = 'CLEANUP_REVIEW';
export const CLEANUP_REVIEW_TASK_KIND = 'CLEANUP_REVIEW';

export const CLEANUP_DECISIONS: readonly CleanupDecision[] = ['KEEP', 'AMEND', 'REPEAL'];

/** Temporal workflow types (public API: never rename). */
export const CLEANUP_CAMPAIGN_WORKFLOW_TYPE = 'cleanupCampaignWorkflow';
export const CLEANUP_REVIEW_WORKFLOW_TYPE = 'cleanupReviewWorkflow';

/** A campaign id is a business key an office can say aloud (e.g. `2026`); letters, digits, `.`, `_` and `-`. */
export const CAMPAIGN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function cleanupCampaignWorkflowId(campaignId: string): string {
  return `cleanup-campaign:${campaignId}`;
}

/** One review per campaign and register entry: starting it again is a no-op, never a second review. */
export function cleanupReviewWorkflowId(campaignId: string, registerEntryId: string): string {
  return `cleanup-review:${campaignId}:${registerEntryId}`;
}

export type CleanupCampaignStatus = 'RUNNING' | 'STARTED_ALL' | 'DONE';

/** How a campaign runs; every value is policy with a default, so tests and benchmarks can shrink it. */
export interface CleanupCampaignPolicy {
  /** How long the office has for each review (default 30 working days; an assumption, not a statutory period). */
  reviewPeriod: Period;
  /** Documents per start activity (one page of the register). */
  pageSize: number;
  /** Review workflows started at once by one activity. */
  startConcurrency: number;
  /** Pages per workflow run before continue-as-new keeps the history small. */
  pagesPerRun: number;
  /** How often the campaign counts the decisions once every review is started. */
  progressPollSeconds: number;
}

export const DEFAULT_CLEANUP_POLICY: CleanupCampaignPolicy = {
  reviewPeriod: { amount: 30, unit: 'WORKING_DAYS' },
  pageSize: 500,
  startConcurrency: 32,
  pagesPerRun: 100,
  progressPollSeconds: 600,
};

/** `PROCEDURE_PERIODS=demo`: reviews due in minutes and decisions counted every second, for demos and tests. */
export const DEMO_CLEANUP_POLICY: CleanupCampaignPolicy = {
  ...DEFAULT_CLEANUP_POLICY,
  reviewPeriod: { amount: 600, unit: 'SECONDS' },
  progressPollSeconds: 1,
};

export interface CleanupCampaignInput {
  campaignId: string;
  title: string;
  startedBy: Actor;
  policy: CleanupCampaignPolicy;
  /** Carried over continue-as-new: where paging stands and what was started so far. */
  resume?: { afterId: string | null; reviewsStarted: number; pages: number; startedAll: boolean };
}

export interface CleanupCampaignProgress {
  campaignId: string;
  status: CleanupCampaignStatus;
  /** Review workflows started so far (each document in force at the time its page was read). */
  reviewsStarted: number;
  pages: number;
  /** Decisions counted at the last poll (null before every review was started). */
  decided: number | null;
}

export interface CleanupReviewInput {
  campaignId: string;
  registerEntryId: string;
  procedureId: string;
  /** The document's own workflow, told the decision by its `applyCleanupDecision` update. */
  documentWorkflowId: string;
  number: string;
  title: string;
  /** SHA-256 of the registered text the sign-off binds. */
  documentSha256: string;
  reviewPeriod: Period;
}

/** The title of a review's task in the office's inbox (the review workflow builds the same title for `openTask`). */
export function cleanupReviewTaskTitle(review: Pick<CleanupReviewInput, 'title' | 'number'>): string {
  return `规范性文件清理：${review.title}（${review.number}）`;
}

export interface DecideCleanupReviewArgs {
  taskId: string;
  decision: CleanupDecision;
  /** Required for AMEND and REPEAL: the published lists carry it. */
  reason: string;
  actor: Actor;
}

/**
 * How the document learnt the decision: APPLIED by its workflow's `applyCleanupDecision` update (signed into its
 * ledger), REFUSED by that update's checks (the decision has no effect on the document), NOT_RUNNING (it has no
 * workflow running; the register was set), or SIGNALLED (reviews started before `CLEANUP_DECISION_UPDATE_PATCH`).
 */
export type DocumentNotice = 'APPLIED' | 'REFUSED' | 'SIGNALLED' | 'NOT_RUNNING';

export interface CleanupReviewSnapshot {
  campaignId: string;
  registerEntryId: string;
  number: string;
  taskId: string | null;
  decision: CleanupDecision | null;
  reason: string | null;
  decidedBy: string | null;
  documentNotice: DocumentNotice | null;
}

/** The office decides one review (an officer holding the task). */
export const decideCleanupReviewUpdate = defineUpdate<CleanupReviewSnapshot, [DecideCleanupReviewArgs]>(
  'decideCleanupReview',
);
export const getCleanupReviewQuery = defineQuery<CleanupReviewSnapshot>('getCleanupReview');
export const getCleanupProgressQuery = defineQuery<CleanupCampaignProgress>('getCleanupProgress');

export type CleanupCampaignWorkflow = (input: CleanupCampaignInput) => Promise<CleanupCampaignProgress>;
export type CleanupReviewWorkflow = (input: CleanupReviewInput) => Promise<CleanupReviewSnapshot>;

/**
 * Why a decision is refused, or null when it may be taken. Pure, so the workflow's update validator and tests share
 * it: only a legal-affairs officer decides; AMEND and REPEAL need their reason (it goes into the published lists).
 */
export function cleanupDecisionRefusal(
  args: Pick<DecideCleanupReviewArgs, 'decision' | 'reason' | 'actor'>,
): { code: ErrorCode; message: string } | null {
  if (!args.actor?.roles?.includes(Role.LegalAffairsOfficer)) {
    return {
      code: ErrorCode.Forbidden,
      message: 'Only an officer of the legal-affairs office can decide a clean-up review.',
    };
  }
  if (!CLEANUP_DECISIONS.includes(args.decision)) {
    return {
      code: ErrorCode.ValidationFailed,
      message: `The decision must be one of ${CLEANUP_DECISIONS.join(', ')}.`,
    };
  }
  if (args.decision !== 'KEEP' && (!args.reason || args.reason.trim().length === 0)) {
    return {
      code: ErrorCode.RuleViolation,
      message: `A decision to ${args.decision === 'REPEAL' ? 'repeal' : 'amend'} a document needs its reason (${CLEANUP_BASIS.regulation}).`,
    };
  }
  return null;
}
