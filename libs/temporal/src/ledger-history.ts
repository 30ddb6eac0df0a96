import type { LoadedDataConverter, Payload } from '@temporalio/common';
import { decodeFromPayloadsAtIndex } from '@temporalio/common/lib/internal-non-workflow';
import { temporal } from '@temporalio/proto';

type History = temporal.api.history.v1.IHistory;

const RESET_CAUSE = temporal.api.enums.v1.WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_RESET_WORKFLOW;

/** The reset recorded in a run's history (the workflow task the reset failed), if any. */
export function resetIn(history: History): { baseRunId: string; newRunId: string; reason: string } | null {
  for (const event of history.events ?? []) {
    const failed = event.workflowTaskFailedEventAttributes;
    if (failed?.cause === RESET_CAUSE) {
      return {
        baseRunId: failed.baseRunId ?? '',
        newRunId: failed.newRunId ?? '',
        reason: failed.failure?.message ?? '',
      };
    }
  }
  return null;
}

/** The termination recorded at the end of a run's history, if any. */
export function terminationIn(history: History): { reason: string; identity: string } | null {
  const last = (history.events ?? []).at(-1)?.workflowExecutionTerminatedEventAttributes;
  return last ? { reason: last.reason ?? '', identity: last.identity ?? '' } : null;
}

/** The activity that appends a sign-off to the ledger (`ProcedureActivities.recordDecision`). */
export const SIGN_OFF_ACTIVITY = 'recordDecision';

/** A Workflow Update as the history records it: accepted (its arguments) and, once done, its outcome. */
export interface HistoryUpdate {
  updateId: string;
  name: string;
  acceptedEventId: string;
  /** The actor the update's (authenticated) arguments name, if any. */
  actorId: string | null;
  outcome: 'SUCCESS' | 'FAILURE' | null;
}

/** One execution of the sign-off activity in a history, with the ledger entry it reported. */
export interface HistorySignOff {
  eventId: string;
  /** Null when the result could not be read (a payload that does not authenticate). */
  ledgerSeq: string | null;
  hash: string | null;
  /** The activity's input, when the history keeps it (sign-offs recorded as ordinary activities, not local ones). */
  input: {
    procedureId?: string;
    stage?: string;
    decision?: string;
    documentSha256?: string | null;
    idempotencyKey?: string;
    actor?: { userId?: string };
  } | null;
  /** Updates accepted and not yet completed when the sign-off was recorded. */
  inFlight: HistoryUpdate[];
}

export interface HistoryLedgerView {
  signOffs: HistorySignOff[];
  updates: Map<string, HistoryUpdate>;
}

const text = (bytes: Uint8Array | null | undefined) => (bytes ? Buffer.from(bytes).toString('utf8') : '');

function isPlainJson(payload: Payload | undefined): boolean {
  return text(payload?.metadata?.encoding) === 'json/plain';
}

/**
 * Reads a payload through the data converter (so sealed payloads are opened with LawGate's keys); a payload that
 * does not authenticate decodes to the codec's marker, read here as nothing.
 */
async function decode<T>(converter: LoadedDataConverter, payloads: Payload[] | null | undefined): Promise<T | null> {
  if (!payloads || payloads.length === 0) return null;
  try {
    const value = await decodeFromPayloadsAtIndex<T>(converter, 0, payloads);
    if (value && typeof value === 'object' && '$lawgateUnauthenticatedPayload' in value) return null;
    return value ?? null;
  } catch {
    return null;
  }
}

/** The local-activity marker's own data (written by the SDK's core in plain JSON, never sealed). */
function markerData(payloads: Payload[] | null | undefined): { activity_type?: string } | null {
  const payload = payloads?.[0];
  if (!payload?.data || !isPlainJson(payload)) return null;
  try {
    return JSON.parse(text(payload.data)) as { activity_type?: string };
  } catch {
    return null;
  }
}

/**
 * The sign-offs a workflow run's history records (each execution of the sign-off activity, as an ordinary activity or
 * a local activity's marker, with the ledger position and hash it reported) and its Workflow Updates.
 */
export async function ledgerViewOf(history: History, converter: LoadedDataConverter): Promise<HistoryLedgerView> {
  const updates = new Map<string, HistoryUpdate>();
  const inFlight = new Map<string, HistoryUpdate>();
  const scheduled = new Map<string, { input: HistorySignOff['input']; inFlight: HistoryUpdate[] }>();
  const signOffs: HistorySignOff[] = [];
  for (const event of history.events ?? []) {
    const eventId = String(event.eventId ?? '');
    const accepted = event.workflowExecutionUpdateAcceptedEventAttributes;
    if (accepted) {
      const request = accepted.acceptedRequest;
      const args = await decode<{ actor?: { userId?: string } }>(converter, request?.input?.args?.payloads);
      const update: HistoryUpdate = {
        updateId: request?.meta?.updateId ?? accepted.protocolInstanceId ?? '',
        name: request?.input?.name ?? '',
        acceptedEventId: eventId,
        actorId: args?.actor?.userId ?? null,
        outcome: null,
      };
      updates.set(update.updateId, update);
      inFlight.set(update.updateId, update);
      continue;
    }
    const completed = event.workflowExecutionUpdateCompletedEventAttributes;
    if (completed) {
      const update = updates.get(completed.meta?.updateId ?? '');
      if (update) update.outcome = completed.outcome?.failure ? 'FAILURE' : 'SUCCESS';
      inFlight.delete(completed.meta?.updateId ?? '');
      continue;
    }
    const marker = event.markerRecordedEventAttributes;
    if (marker?.markerName === 'core_local_activity') {
      if (markerData(marker.details?.data?.payloads)?.activity_type !== SIGN_OFF_ACTIVITY) continue;
      const result = await decode<{ ledgerSeq?: string; hash?: string }>(converter, marker.details?.result?.payloads);
      signOffs.push({
        eventId,
        ledgerSeq: result?.ledgerSeq ?? null,
        hash: result?.hash ?? null,
        input: null,
        inFlight: [...inFlight.values()],
      });
      continue;
    }
    const activity = event.activityTaskScheduledEventAttributes;
    if (activity?.activityType?.name === SIGN_OFF_ACTIVITY) {
      scheduled.set(eventId, {
        input: await decode<HistorySignOff['input']>(converter, activity.input?.payloads),
        inFlight: [...inFlight.values()],
      });
      continue;
    }
    const done = event.activityTaskCompletedEventAttributes;
    const call = done ? scheduled.get(String(done.scheduledEventId ?? '')) : undefined;
    if (done && call) {
      const result = await decode<{ ledgerSeq?: string; hash?: string }>(converter, done.result?.payloads);
      signOffs.push({
        eventId,
        ledgerSeq: result?.ledgerSeq ?? null,
        hash: result?.hash ?? null,
        input: call.input,
        inFlight: call.inFlight,
      });
    }
  }
  return { signOffs, updates };
}

/** The update a ledger entry's idempotency key names (the update id, or the update id and a suffix). */
export function updateOfKey(updates: Iterable<HistoryUpdate>, idempotencyKey: string): HistoryUpdate | null {
  for (const update of updates) {
    if (update.updateId && (idempotencyKey === update.updateId || idempotencyKey.startsWith(`${update.updateId}:`))) {
      return update;
    }
  }
  return null;
}
