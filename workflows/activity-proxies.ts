import { ApplicationFailure, condition, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { LawGateActivities } from '../activities';
import type { ErrorCode } from '@lawgate/domain';

/** Every activity retries from 1 s up to 30 s apart: they are idempotent, and business refusals are non-retryable. */
export const ACTIVITY_RETRY = { initialInterval: '1 second', maximumInterval: '30 seconds' } as const;

/** Activities that run through the server (task openings, routing, registers, windows). */
export const acts = proxyActivities<LawGateActivities>({ startToCloseTimeout: '30 seconds', retry: ACTIVITY_RETRY });

/**
 * Sign-offs and other short idempotent transactions a person waits for run as local activities: in the worker, without
 * a further round trip through the server.
 */
export const local = proxyLocalActivities<LawGateActivities>({
  startToCloseTimeout: '30 seconds',
  retry: ACTIVITY_RETRY,
});

/** Refuses an action from an update validator or handler: non-retryable, typed with the error code the API maps. */
export function refuse(code: ErrorCode, message: string, details?: Record<string, unknown>): never {
  throw ApplicationFailure.create({
    type: code,
    message,
    nonRetryable: true,
    ...(details ? { details: [details] } : {}),
  });
}

/**
 * Durable timers on an open task: remind its holder `leadSeconds` before the due time, escalate once it is overdue.
 * Returns as soon as the task is closed. Timers live in Temporal, so they survive worker restarts; a procedure runs
 * this beside its main loop (`void watchDeadline(...)`) for each task it opens.
 */
export async function watchDeadline(
  taskId: string,
  dueMs: number,
  leadSeconds: number,
  isOpen: () => boolean,
  onOverdue: () => void,
): Promise<void> {
  const closed = () => !isOpen();
  const remindAt = dueMs - leadSeconds * 1000;
  if (remindAt > Date.now() && (await condition(closed, remindAt - Date.now()))) return;
  if (closed()) return;
  await acts.remindTask({ taskId });
  if (dueMs > Date.now() && (await condition(closed, dueMs - Date.now()))) return;
  if (closed()) return;
  await acts.escalateOverdueTask({ taskId });
  if (!closed()) onOverdue();
}
