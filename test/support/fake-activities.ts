import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { LawGateActivities } from '../../activities';
import { ErrorCode, type Period, resolvePolicyVersion } from '@lawgate/domain';

/** Every call the workflow made, per activity. */
export type Calls = { [K in keyof LawGateActivities]: Parameters<LawGateActivities[K]>[0][] };

function secondsOf(period: Period): number {
  if (period.unit !== 'SECONDS') throw new Error(`workflow tests use periods in seconds, got ${period.unit}`);
  return period.amount;
}

/**
 * Activities faked at the boundary for workflow tests: they record what the workflow asked for and answer as the real
 * ones would, with periods in seconds. `comments` lets a test say which public comments a window received.
 */
export function fakeActivities(): {
  activities: LawGateActivities;
  calls: Calls;
  comments: Map<string, string[]>;
  policies: Map<string, object>;
} {
  const calls = new Proxy({} as Calls, {
    get: (target, key: string) => ((target as Record<string, unknown[]>)[key] ??= []),
  });
  const comments = new Map<string, string[]>();
  /** Test policy versions the faked configuration allows, beside the versions in code. */
  const policies = new Map<string, object>();
  const windows = new Map<string, { procedureId: string; closesAt: number }>();
  const numbers = new Map<string, number>();
  let seq = 0;
  const activities: LawGateActivities = {
    resolvePolicy: async (input) => {
      calls.resolvePolicy.push(input);
      const registered = input.version === undefined ? undefined : policies.get(input.version);
      if (registered) return registered as Awaited<ReturnType<LawGateActivities['resolvePolicy']>>;
      const resolved = resolvePolicyVersion(input.procedureType, input.version, true);
      if ('refusal' in resolved) {
        throw ApplicationFailure.create({
          type: ErrorCode.RuleViolation,
          message: resolved.refusal,
          nonRetryable: true,
        });
      }
      return resolved.policy;
    },
    registerProcedure: async (input) => void calls.registerProcedure.push(input),
    recordDecisionRecord: async (input) => void calls.recordDecisionRecord.push(input),
    recordArchiveState: async (input) => void calls.recordArchiveState.push(input),
    openTask: async (input) => {
      calls.openTask.push(input);
      return {
        taskId: `task-${input.workflowId}-${input.stage}-${input.round}-${input.kind}`,
        assigneeUnitId: 'unitCode' in input.assignTo ? `unit:${input.assignTo.unitCode}` : 'unit',
        dueAt: new Date(Date.now() + secondsOf(input.period) * 1000).toISOString(),
        dueProblem: null,
      };
    },
    routeTask: async (input) => {
      calls.routeTask.push(input);
      return {
        taskId: `review-${input.workflowId}-${input.stage}-${input.round}`,
        assigneeUnitId: 'pool',
        assigneeUserId: 'adviser',
        dueAt: input.stage === 'DRAFTING' ? null : new Date(Date.now() + secondsOf(input.period) * 1000).toISOString(),
        dueProblem: null,
        escalated: false,
        routingNote: 'fake',
      };
    },
    recordDocumentVersion: async (input) => {
      calls.recordDocumentVersion.push(input);
      const version = calls.recordDocumentVersion.filter(
        (c) => c.workflowId === input.workflowId && c.kind === input.kind,
      ).length;
      return {
        documentId: `doc-${input.kind}`,
        versionId: `v-${input.sha256.slice(0, 8)}`,
        kind: input.kind,
        version,
        sha256: input.sha256,
      };
    },
    remindTask: async (input) => {
      calls.remindTask.push(input);
      return true;
    },
    escalateOverdueTask: async (input) => {
      calls.escalateOverdueTask.push(input);
      return true;
    },
    recordDecision: async (input) => {
      calls.recordDecision.push(input);
      return { ledgerSeq: String(calls.recordDecision.length), hash: 'a'.repeat(64) };
    },
    endProcedure: async (input) => void calls.endProcedure.push(input),
    setStage: async (input) => void calls.setStage.push(input),
    procedureState: async (input) => {
      calls.procedureState.push(input);
      return null;
    },
    computeDeadline: async (input) => {
      calls.computeDeadline.push(input);
      return { dueAt: new Date(Date.parse(input.from) + secondsOf(input.period) * 1000).toISOString(), problem: null };
    },
    openCommentWindow: async (input) => {
      calls.openCommentWindow.push(input);
      const opensAt = Date.now();
      const closesAt = opensAt + secondsOf(input.period) * 1000;
      const minimumClosesAt = opensAt + secondsOf(input.minimumPeriod) * 1000;
      if (closesAt < minimumClosesAt && !input.shortenedReason) {
        throw ApplicationFailure.create({
          type: ErrorCode.RuleViolation,
          message: 'The comment period is shorter than the statutory minimum; a shortening needs a published reason.',
          nonRetryable: true,
        });
      }
      const windowId = `window-${input.procedureId}`;
      windows.set(windowId, { procedureId: input.procedureId, closesAt });
      return {
        windowId,
        opensAt: new Date(opensAt).toISOString(),
        closesAt: new Date(closesAt).toISOString(),
        minimumClosesAt: new Date(minimumClosesAt).toISOString(),
      };
    },
    extendCommentWindow: async (input) => {
      calls.extendCommentWindow.push(input);
      const window = windows.get(input.windowId)!;
      window.closesAt += secondsOf(input.extension) * 1000;
      return { closesAt: new Date(window.closesAt).toISOString() };
    },
    closeCommentWindow: async (input) => {
      calls.closeCommentWindow.push(input);
      const ids = comments.get(windows.get(input.windowId)!.procedureId) ?? [];
      return { total: ids.length, commentIds: ids };
    },
    answerComment: async (input) => {
      calls.answerComment.push(input);
      return { answered: calls.answerComment.filter((c) => c.windowId === input.windowId).length, total: 0 };
    },
    commentSummary: async (input) => {
      calls.commentSummary.push(input);
      return { total: 0, answered: 0, adopted: 0, partlyAdopted: 0, notAdopted: 0 };
    },
    registerDocument: async (input) => {
      calls.registerDocument.push(input);
      const known = numbers.get(input.idempotencyKey) ?? ++seq;
      numbers.set(input.idempotencyKey, known);
      return {
        registerEntryId: `entry-${input.procedureId}`,
        number: `坛政规〔2026〕${known}号`,
        year: 2026,
        seq: known,
        registeredAt: new Date().toISOString(),
        validUntil: '2031-11-25',
      };
    },
    voidRegisteredNumber: async (input) => void calls.voidRegisteredNumber.push(input),
    recordPublication: async (input) => {
      calls.recordPublication.push(input);
      return { publicationId: randomUUID(), effectiveAt: input.publishedAt };
    },
    openFiling: async (input) => {
      calls.openFiling.push(input);
      // The first recipient's filing keeps the id it always had; further recipients' are numbered by their key.
      const more = /:filing:(\d+)$/.exec(input.idempotencyKey);
      return { filingId: more ? `filing-${input.procedureId}-${more[1]}` : `filing-${input.procedureId}` };
    },
    setRegisterValidity: async (input) => void calls.setRegisterValidity.push(input),
    replaceAmendedDocument: async (input) => {
      calls.replaceAmendedDocument.push(input);
      return { notice: 'REPLACED' as const };
    },
    recordFilingEvent: async (input) => {
      calls.recordFilingEvent.push(input);
      return { status: input.event };
    },
    setRegisterStatus: async (input) => void calls.setRegisterStatus.push(input),
    listInForce: async (input) => {
      calls.listInForce.push(input);
      return [];
    },
    openCleanupCampaign: async (input) => {
      calls.openCleanupCampaign.push(input);
      return { totalInForce: 0, startedAt: new Date().toISOString() };
    },
    startCleanupReviews: async (input) => {
      calls.startCleanupReviews.push(input);
      return { lastId: null, listed: 0, started: 0, alreadyStarted: 0, more: false };
    },
    recordCleanupProgress: async (input) => void calls.recordCleanupProgress.push(input),
    cleanupProgress: async (input) => {
      calls.cleanupProgress.push(input);
      const decided = calls.recordCleanupDecision.filter((c) => c.campaignId === input.campaignId).length;
      return { reviews: decided, decided, kept: 0, amended: 0, repealed: 0 };
    },
    recordCleanupDecision: async (input) => void calls.recordCleanupDecision.push(input),
    // As the real one reads cleanup_review: the campaign must have recorded this decision about this document.
    verifyCleanupDecision: async (input) => {
      calls.verifyCleanupDecision.push(input);
      const recorded = calls.recordCleanupDecision.find(
        (c) => c.campaignId === input.campaignId && c.procedureId === input.procedureId,
      );
      if (!recorded || recorded.decision !== input.decision || recorded.actor.userId !== input.actorUserId) {
        throw ApplicationFailure.create({
          type: ErrorCode.RuleViolation,
          message: `Clean-up campaign ${input.campaignId} has decided nothing about this document.`,
          nonRetryable: true,
        });
      }
      return { registerEntryId: recorded.registerEntryId };
    },
    applyCleanupDecision: async (input) => {
      calls.applyCleanupDecision.push(input);
      return { notice: 'NOT_RUNNING', refusal: null };
    },
  };
  return { activities, calls, comments, policies };
}
