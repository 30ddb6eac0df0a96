import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { type LedgerEntryEntity, type ProcedureEntity, ledgerHash, payloadOf } from '@lawgate/persistence';
import { type HistorySignOff, type HistoryUpdate, ledgerViewOf, resetIn, updateOfKey } from './ledger-history';

/** One finding of the entry-by-entry comparison, raised by the reconciler as an integrity alert. */
export interface LedgerFinding {
  kind: 'LEDGER_ENTRY_MISSING' | 'LEDGER_ENTRY_UNMATCHED' | 'LEDGER_ENTRY_MISMATCH';
  /** `ledger:<seq>`: each entry is its own alert. */
  subject: string;
  message: string;
  details: Record<string, unknown>;
}

export interface LedgerComparison {
  findings: LedgerFinding[];
  /** False when part of the comparison has to wait (an entry younger than the grace period, an unreadable result). */
  settled: boolean;
}

/** How many reset runs back the comparison follows (a reset's new run holds the base run's events up to the reset). */
const MAX_RUNS = 5;

interface Sources {
  client: Client;
  /** The procedure's current run. */
  runId: string;
  entries: LedgerEntryEntity[];
  /** Entries at positions the histories name but the procedure's ledger lacks (another procedure's, or none). */
  entriesAt: (seqs: string[]) => Promise<LedgerEntryEntity[]>;
  /** An entry younger than this is not judged unmatched yet: its activity may not have reported back to the history. */
  graceMs: number;
  now: Date;
}

/** The sign-offs and updates of a workflow's run, and of the runs it was reset from. */
async function historyOf(client: Client, workflowId: string, runId?: string) {
  const signOffs: HistorySignOff[] = [];
  const updates: HistoryUpdate[] = [];
  const converter = client.options.loadedDataConverter;
  let next: string | undefined = runId;
  for (let i = 0; i < MAX_RUNS; i++) {
    const history = await client.workflow.getHandle(workflowId, next).fetchHistory();
    const view = await ledgerViewOf(history, converter);
    signOffs.push(...view.signOffs);
    updates.push(...view.updates.values());
    const reset = resetIn(history);
    if (!reset?.baseRunId) break;
    next = reset.baseRunId;
  }
  return { signOffs, updates };
}

const entryDetails = (e: LedgerEntryEntity) => ({
  ledgerSeq: e.seq,
  workflowId: e.workflowId,
  stage: e.stage,
  decision: e.decision,
  actorId: e.actorId,
  actorName: e.actorName,
  documentSha256: e.documentSha256,
  idempotencyKey: e.idempotencyKey,
  recordedAt: e.recordedAt.toISOString(),
});

/** Where an entry and the sign-off the history recorded for it disagree (empty when they agree). */
function differences(entry: LedgerEntryEntity, signOff: HistorySignOff, update: HistoryUpdate | null): string[] {
  const found: string[] = [];
  if (signOff.hash && entry.hash !== signOff.hash) found.push('hash');
  if (ledgerHash(entry.prevHash, payloadOf(entry)) !== entry.hash) found.push('fields');
  const input = signOff.input;
  if (input) {
    if (input.procedureId !== undefined && input.procedureId !== entry.procedureId) found.push('procedure');
    if (input.decision !== undefined && input.decision !== entry.decision) found.push('decision');
    if (input.stage !== undefined && input.stage !== entry.stage) found.push('stage');
    if (input.actor?.userId !== undefined && input.actor.userId !== entry.actorId) found.push('actor');
    if (input.documentSha256 !== undefined && (input.documentSha256 ?? null) !== entry.documentSha256) {
      found.push('documentSha256');
    }
  }
  if (update?.actorId && update.actorId !== entry.actorId && !found.includes('actor')) found.push('actor');
  return found;
}

const updateDetails = (u: HistoryUpdate | null) =>
  u ? { updateId: u.updateId, updateName: u.name, updateActorId: u.actorId, updateOutcome: u.outcome } : null;

/**
 * Compares a procedure's ledger with its workflow's history entry by entry. The history records every sign-off as
 * an execution of the sign-off activity that reported the ledger position and hash it wrote (inside the Workflow
 * Update that carried the step, whose sealed arguments name the actor); the ledger entry's idempotency key is that
 * update's id. So:
 * - a sign-off in the history whose entry is gone: LEDGER_ENTRY_MISSING (with the update, its name and actor);
 * - an entry no sign-off in the history reported: LEDGER_ENTRY_UNMATCHED (written by no step of the workflow);
 * - an entry that differs from what the history says was signed (hash, fields that no longer hash to it, procedure,
 *   decision, stage, actor or text SHA-256 when the history keeps the input, or an actor other than the update's):
 *   LEDGER_ENTRY_MISMATCH.
 * Entries written by other workflows for this procedure (a clean-up review's decision) are compared with those
 * workflows' histories.
 */
export async function compareLedger(procedure: ProcedureEntity, src: Sources): Promise<LedgerComparison> {
  const findings: LedgerFinding[] = [];
  let settled = true;
  const workflowIds = new Set([procedure.workflowId, ...src.entries.map((e) => e.workflowId)]);
  const bySeq = new Map(src.entries.map((e) => [e.seq, e]));
  const reported = new Map<string, { signOff: HistorySignOff; workflowId: string; updates: HistoryUpdate[] }>();
  const checkedWorkflows = new Set<string>();
  for (const workflowId of workflowIds) {
    let view: Awaited<ReturnType<typeof historyOf>>;
    try {
      view = await historyOf(src.client, workflowId, workflowId === procedure.workflowId ? src.runId : undefined);
    } catch (err) {
      // A workflow past its retention (or never kept) cannot be compared; its entries are left alone.
      if (err instanceof WorkflowNotFoundError) continue;
      throw err;
    }
    if (view.signOffs.some((s) => s.ledgerSeq === null)) settled = false;
    else checkedWorkflows.add(workflowId);
    for (const signOff of view.signOffs) {
      if (signOff.ledgerSeq !== null) reported.set(signOff.ledgerSeq, { signOff, workflowId, updates: view.updates });
    }
  }

  const elsewhere = new Map(
    (await src.entriesAt([...reported.keys()].filter((seq) => !bySeq.has(seq)))).map((e) => [e.seq, e]),
  );
  for (const [seq, { signOff, workflowId, updates }] of reported) {
    // An entry written after the ledger was read (its sign-off already in the history) is found by its position.
    const late = elsewhere.get(seq);
    const entry = bySeq.get(seq) ?? (late?.procedureId === procedure.id ? late : undefined);
    // An entry names its update by its key; a sign-off whose entry is gone, by the one update with an actor in flight.
    const acting = signOff.inFlight.filter((u) => u.actorId);
    const update = entry ? updateOfKey(updates, entry.idempotencyKey) : acting.length === 1 ? acting[0] : null;
    const history = { workflowId, eventId: signOff.eventId, hash: signOff.hash, update: updateDetails(update) };
    if (!entry) {
      const other = late;
      findings.push(
        other
          ? {
              kind: 'LEDGER_ENTRY_MISMATCH',
              subject: `ledger:${seq}`,
              message: `The history signs ledger entry ${seq} for this procedure, but the ledger files it under procedure ${other.procedureId}.`,
              details: { ledgerSeq: seq, differences: ['procedure'], history, entry: entryDetails(other) },
            }
          : {
              kind: 'LEDGER_ENTRY_MISSING',
              subject: `ledger:${seq}`,
              message:
                `The workflow's history records a sign-off (ledger entry ${seq}` +
                `${update ? `, update ${update.name}` : ''}) that is not in the ledger.`,
              details: { ledgerSeq: seq, history },
            },
      );
      continue;
    }
    const diff = differences(entry, signOff, update);
    if (diff.length > 0) {
      findings.push({
        kind: 'LEDGER_ENTRY_MISMATCH',
        subject: `ledger:${seq}`,
        message: `Ledger entry ${seq} (${entry.decision}) differs from the sign-off the history records: ${diff.join(', ')}.`,
        details: { ledgerSeq: seq, differences: diff, history, entry: entryDetails(entry) },
      });
    }
  }

  for (const entry of src.entries) {
    if (reported.has(entry.seq) || !checkedWorkflows.has(entry.workflowId)) continue;
    if (src.now.getTime() - entry.recordedAt.getTime() < src.graceMs) {
      settled = false;
      continue;
    }
    findings.push({
      kind: 'LEDGER_ENTRY_UNMATCHED',
      subject: `ledger:${entry.seq}`,
      message:
        `Ledger entry ${entry.seq} (${entry.decision} by ${entry.actorName}) corresponds to no sign-off in the ` +
        `history of workflow ${entry.workflowId}.`,
      details: { ...entryDetails(entry), updateInHistory: null },
    });
  }
  return { findings, settled };
}
