import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import { ACTIVITY_RETRY, acts, local, refuse } from './activity-proxies';
import type { LawGateActivities } from '../activities';
import {
  CLEANUP_BASIS,
  CLEANUP_REVIEW_STAGE,
  CLEANUP_REVIEW_TASK_KIND,
  cleanupDecisionRefusal,
  decideCleanupReviewUpdate,
  getCleanupProgressQuery,
  getCleanupReviewQuery,
  type CleanupCampaignInput,
  type CleanupCampaignProgress,
  type CleanupDecision,
  type CleanupReviewInput,
  type CleanupReviewSnapshot,
  type DecideCleanupReviewArgs,
  type DocumentNotice,
  ErrorCode,
  OrgUnitKind,
  Role,
  CLEANUP_DECISION_UPDATE_PATCH,
  cleanupDecisionSignal,
  type Actor,
} from '@lawgate/domain';

/**
 * One page of review starts: up to a few hundred workflow starts, so it gets minutes, and heartbeats so that a dead
 * worker is noticed within a minute; the retry finishes the page (starts are idempotent by workflow id).
 */
const starter = proxyActivities<Pick<LawGateActivities, 'startCleanupReviews'>>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: ACTIVITY_RETRY,
});

/** Polls of the decision count per run before continue-as-new (each poll is an activity and a timer). */
const POLLS_PER_RUN = 200;

/**
 * A clean-up campaign (清理, B12, G-B12): pages through the register's documents in force, starting one review
 * workflow per document (`startCleanupReviews`, a page per activity), then counts the decisions until every review is
 * decided. Continues as new every `pagesPerRun` pages (and every few hundred polls), so its history stays small
 * however many documents are in force. The lists (kept, amended, repealed, expired) are read from the review rows.
 */
export async function cleanupCampaignWorkflow(input: CleanupCampaignInput): Promise<CleanupCampaignProgress> {
  const policy = input.policy;
  const resume = input.resume;
  let afterId = resume?.afterId ?? null;
  const progress: CleanupCampaignProgress = {
    campaignId: input.campaignId,
    status: resume?.startedAll ? 'STARTED_ALL' : 'RUNNING',
    reviewsStarted: resume?.reviewsStarted ?? 0,
    pages: resume?.pages ?? 0,
    decided: null,
  };
  setHandler(getCleanupProgressQuery, () => progress);

  const carryOn = () =>
    continueAsNew<typeof cleanupCampaignWorkflow>({
      ...input,
      resume: {
        afterId,
        reviewsStarted: progress.reviewsStarted,
        pages: progress.pages,
        startedAll: progress.status !== 'RUNNING',
      },
    });

  if (!resume) {
    await acts.openCleanupCampaign({ campaignId: input.campaignId, title: input.title, startedBy: input.startedBy });
  }

  let pagesThisRun = 0;
  while (progress.status === 'RUNNING') {
    if (pagesThisRun >= policy.pagesPerRun || workflowInfo().continueAsNewSuggested) return carryOn();
    const page = await starter.startCleanupReviews({
      campaignId: input.campaignId,
      afterId,
      limit: policy.pageSize,
      concurrency: policy.startConcurrency,
      reviewPeriod: policy.reviewPeriod,
    });
    pagesThisRun += 1;
    progress.pages += 1;
    progress.reviewsStarted += page.listed;
    if (page.lastId) afterId = page.lastId;
    // The activity moved the read model with the page; the last page says so.
    if (!page.more) progress.status = 'STARTED_ALL';
  }

  for (let polls = 0; ; polls += 1) {
    const counts = await acts.cleanupProgress({ campaignId: input.campaignId });
    progress.decided = counts.decided;
    if (counts.decided >= counts.reviews) break;
    if (polls >= POLLS_PER_RUN || workflowInfo().continueAsNewSuggested) return carryOn();
    await sleep(policy.progressPollSeconds * 1000);
  }
  progress.status = 'DONE';
  await acts.recordCleanupProgress({
    campaignId: input.campaignId,
    reviewsStarted: progress.reviewsStarted,
    status: 'DONE',
  });
  return progress;
}

/** A signal to a workflow that does not exist, or has ended, fails with this; the review then acts on the register. */
function isWorkflowNotFound(err: unknown): boolean {
  return (
    err instanceof ApplicationFailure && (/not found/i.test(err.message) || /NOT_FOUND|NotFound/.test(err.type ?? ''))
  );
}

/**
 * One document's clean-up review: a task for the legal-affairs office, the officer's decision (KEEP, AMEND with a
 * reason, REPEAL with a reason) as the `decideCleanupReview` update, signed into the ledger against the registered
 * text, recorded on the review row, and then sent to the document's workflow as its `applyCleanupDecision` update
 * (reviews started before `CLEANUP_DECISION_UPDATE_PATCH`: the `cleanupDecisionSignal`): it repeals the document (and
 * sets the register) or marks it for re-issue. A document with no running workflow (it ended, or
 * was registered before LawGate) is repealed in the register directly.
 */
export async function cleanupReviewWorkflow(input: CleanupReviewInput): Promise<CleanupReviewSnapshot> {
  const { workflowId } = workflowInfo();
  const state = {
    taskId: null as string | null,
    deciding: false,
    decision: null as CleanupDecision | null,
    reason: null as string | null,
    actor: null as Actor | null,
    documentNotice: null as DocumentNotice | null,
  };
  const snapshot = (): CleanupReviewSnapshot => ({
    campaignId: input.campaignId,
    registerEntryId: input.registerEntryId,
    number: input.number,
    taskId: state.taskId,
    decision: state.decision,
    reason: state.reason,
    decidedBy: state.actor?.userId ?? null,
    documentNotice: state.documentNotice,
  });
  setHandler(getCleanupReviewQuery, snapshot);

  setHandler(
    decideCleanupReviewUpdate,
    async (args: DecideCleanupReviewArgs) => {
      // The task row is in the inbox as soon as the activity that opens it wrote it, a moment before this workflow
      // has its id: a decision taken in that moment waits for it instead of being refused, and is checked then.
      if (!state.taskId) {
        await condition(() => state.taskId !== null);
        if (args.taskId !== state.taskId) {
          refuse(ErrorCode.WrongStage, `Task ${args.taskId} is not this review's task (${state.taskId}).`);
        }
        if (state.decision !== null || state.deciding) {
          refuse(ErrorCode.TaskClosed, `This review was already decided (${state.decision ?? 'being recorded'}).`);
        }
      }
      state.deciding = true;
      try {
        const key = currentUpdateInfo()?.id ?? `${workflowId}:decision`;
        const reason = args.reason?.trim() ?? '';
        await local.recordDecision({
          procedureId: input.procedureId,
          workflowId,
          taskId: args.taskId,
          stage: CLEANUP_REVIEW_STAGE,
          decision: args.decision,
          opinion: reason,
          actor: args.actor,
          actorRole: Role.LegalAffairsOfficer,
          documentSha256: input.documentSha256,
          idempotencyKey: key,
          oneStepPerKey: currentUpdateInfo() !== undefined,
          // No procedure row has the review's workflow id, so the document's read model is not moved here.
          nextStage: CLEANUP_REVIEW_STAGE,
          nextStatus: 'ENDED',
        });
        await acts.recordCleanupDecision({
          campaignId: input.campaignId,
          registerEntryId: input.registerEntryId,
          procedureId: input.procedureId,
          taskId: args.taskId,
          decision: args.decision,
          reason,
          actor: args.actor,
          idempotencyKey: key,
        });
        state.decision = args.decision;
        state.reason = reason;
        state.actor = args.actor;
        return snapshot();
      } finally {
        state.deciding = false;
      }
    },
    {
      validator: (args: DecideCleanupReviewArgs) => {
        const refusal = cleanupDecisionRefusal(args);
        if (refusal) refuse(refusal.code, refusal.message);
        if (state.decision !== null || state.deciding) {
          refuse(ErrorCode.TaskClosed, `This review was already decided (${state.decision ?? 'being recorded'}).`);
        }
        // While the task is being opened its id is not known here yet: the handler waits for it and checks it then.
        if (state.taskId && args.taskId !== state.taskId) {
          refuse(ErrorCode.WrongStage, `Task ${args.taskId} is not this review's task (${state.taskId}).`);
        }
      },
    },
  );

  const task = await local.openTask({
    procedureId: input.procedureId,
    workflowId,
    stage: CLEANUP_REVIEW_STAGE,
    round: 1,
    kind: CLEANUP_REVIEW_TASK_KIND,
    title: `规范性文件清理：${input.title}（${input.number}）`,
    legalBasis: CLEANUP_BASIS,
    assignTo: { unitKind: OrgUnitKind.LegalAffairsOffice },
    period: input.reviewPeriod,
  });
  state.taskId = task.taskId;

  await condition(() => state.decision !== null);
  const decision = state.decision!;
  const reason = state.reason ?? '';
  const actor = state.actor!;
  if (patched(CLEANUP_DECISION_UPDATE_PATCH)) {
    // The document's workflow takes the decision as a validated update (through an activity and the procedure
    // gateway), checks it against the campaign in PostgreSQL and signs it into its ledger; no signal moves it.
    const applied = await acts.applyCleanupDecision({
      documentWorkflowId: input.documentWorkflowId,
      campaignId: input.campaignId,
      decision,
      reason,
      actor,
      updateId: `${workflowId}:apply`,
    });
    state.documentNotice = applied.notice;
    if (applied.notice === 'NOT_RUNNING' && decision === 'REPEAL') {
      await acts.setRegisterStatus({
        registerEntryId: input.registerEntryId,
        status: 'REPEALED',
        reason: `清理决定废止：${reason}`,
        actor,
        idempotencyKey: `${workflowId}:repeal`,
      });
    }
    await condition(allHandlersFinished);
    return snapshot();
  }
  try {
    await getExternalWorkflowHandle(input.documentWorkflowId).signal(cleanupDecisionSignal, {
      campaignId: input.campaignId,
      decision,
      reason,
      actor,
    });
    state.documentNotice = 'SIGNALLED';
  } catch (err) {
    if (!isWorkflowNotFound(err)) throw err;
    // The document's workflow has ended or never ran in LawGate: the register is the record, so repeal it there.
    state.documentNotice = 'NOT_RUNNING';
    if (decision === 'REPEAL') {
      await acts.setRegisterStatus({
        registerEntryId: input.registerEntryId,
        status: 'REPEALED',
        reason: `清理决定废止：${reason}`,
        actor,
        idempotencyKey: `${workflowId}:repeal`,
      });
    }
  }
  await condition(allHandlersFinished);
  return snapshot();
}
