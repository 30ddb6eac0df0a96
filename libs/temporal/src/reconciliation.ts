import { Injectable, Logger } from '@nestjs/common';
import { WorkflowNotFoundError, type WorkflowExecutionDescription } from '@temporalio/client';
import { type IntegrityAlertEntity, type ProcedureEntity, IntegrityAlertRepository } from '@lawgate/persistence';
import { TemporalClientService } from './temporal-client.service';
import { resetIn, terminationIn } from './ledger-history';
import { compareLedger } from './ledger-reconciliation';

/** What one reconciliation found. */
export interface ReconciliationReport {
  checked: number;
  /** Alerts this run raised (an alert already raised for the same procedure, kind, run and subject is not raised again). */
  raised: IntegrityAlertEntity[];
  /** Procedures whose workflow could not be asked (Temporal unreachable); checked again next time. */
  unreachable: number;
}

/**
 * Compares each procedure's read model (and so its ledger, which moves with it) with its workflow's status and
 * history in Temporal, and raises an integrity alert (a row in `integrity_alert` and an `integrity.alert` entry in
 * the audit trail) for what no LawGate process does:
 * - WORKFLOW_RESET: the current run was created by a reset (its history records the reset's failed workflow task), so
 *   the workflow re-ran from an earlier point and its history no longer matches the sign-offs in the ledger;
 * - WORKFLOW_TERMINATED: the workflow was terminated (LawGate never terminates a procedure; it ends by its own steps);
 * - STATUS_MISMATCH: the workflow closed (completed, failed, timed out, cancelled) while the read model is still active;
 * - WORKFLOW_MISSING: an active procedure has no workflow at all (deleted);
 * - LEDGER_ENTRY_MISSING, LEDGER_ENTRY_UNMATCHED, LEDGER_ENTRY_MISMATCH: the ledger compared with the history entry by
 *   entry (`compareLedger`), one alert per entry. Only procedures whose run, history length or ledger digest changed
 *   since their last clean comparison (`reconciliation_mark`) are compared again.
 * Run by the worker every `RECONCILIATION_SECONDS` and by the office on demand (`POST /api/admin/integrity/reconcile`).
 */
@Injectable()
export class Reconciler {
  private readonly logger = new Logger(Reconciler.name);

  /** An entry younger than this is not judged unmatched yet (its sign-off may not be in the history yet). */
  static readonly LEDGER_GRACE_MS = 60_000;

  constructor(
    private readonly temporal: TemporalClientService,
    private readonly alerts: IntegrityAlertRepository,
  ) {}

  async reconcile(options: { limit?: number; endedWithinDays?: number } = {}): Promise<ReconciliationReport> {
    const procedures = await this.alerts.proceduresToReconcile(options.limit ?? 1000, options.endedWithinDays ?? 7);
    const report: ReconciliationReport = { checked: 0, raised: [], unreachable: 0 };
    const ids = procedures.map((p) => p.id);
    const digests = await this.alerts.ledgerFingerprints(ids);
    const marks = new Map((await this.alerts.marks(ids)).map((m) => [m.procedureId, m]));
    for (const procedure of procedures) {
      try {
        const digest = digests.get(procedure.id) ?? '0:';
        const mark = marks.get(procedure.id);
        const unchanged = (runId: string, historyLength: number) =>
          mark?.runId === runId && mark.historyLength === String(historyLength) && mark.ledgerDigest === digest;
        const raised = await this.reconcileOne(procedure, { digest, unchanged });
        report.raised.push(...raised);
        report.checked += 1;
      } catch (err) {
        report.unreachable += 1;
        this.logger.warn(`reconciliation of ${procedure.workflowId} failed: ${(err as Error).message}`);
      }
    }
    if (report.raised.length > 0) {
      this.logger.warn(`reconciliation raised ${report.raised.length} integrity alerts`);
    }
    return report;
  }

  private async reconcileOne(
    procedure: ProcedureEntity,
    ledger: { digest: string; unchanged: (runId: string, historyLength: number) => boolean },
  ): Promise<IntegrityAlertEntity[]> {
    const client = await this.temporal.client();
    const handle = client.workflow.getHandle(procedure.workflowId);
    let description: WorkflowExecutionDescription;
    try {
      description = await handle.describe();
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
      if (procedure.status !== 'ACTIVE') return [];
      return this.raise(procedure, '', 'WORKFLOW_MISSING', 'The procedure is active but its workflow does not exist.');
    }
    const raised: IntegrityAlertEntity[] = [];
    const runId = description.runId;
    const firstRunId = description.raw.workflowExecutionInfo?.firstRunId ?? runId;
    const status = description.status.name;
    if (runId !== firstRunId || status === 'TERMINATED') {
      const history = await client.workflow.getHandle(procedure.workflowId, runId).fetchHistory();
      const reset = resetIn(history);
      if (reset) {
        raised.push(
          ...(await this.raise(
            procedure,
            runId,
            'WORKFLOW_RESET',
            `The workflow was reset (run ${reset.baseRunId} → ${runId}): it re-ran from an earlier point, so its ` +
              'history no longer matches the sign-offs in the ledger.',
            { baseRunId: reset.baseRunId, reason: reset.reason, firstRunId },
          )),
        );
      }
      const terminated = status === 'TERMINATED' ? terminationIn(history) : null;
      if (status === 'TERMINATED') {
        raised.push(
          ...(await this.raise(
            procedure,
            runId,
            'WORKFLOW_TERMINATED',
            `The workflow was terminated outside LawGate${terminated?.reason ? ` (${terminated.reason})` : ''}; ` +
              `the procedure's read model says ${procedure.status} at stage ${procedure.stage}.`,
            { reason: terminated?.reason ?? null, identity: terminated?.identity ?? null },
          )),
        );
      }
    }
    if (procedure.status === 'ACTIVE' && ['COMPLETED', 'FAILED', 'TIMED_OUT', 'CANCELLED'].includes(status)) {
      raised.push(
        ...(await this.raise(
          procedure,
          runId,
          'STATUS_MISMATCH',
          `The workflow is ${status} while the procedure's read model is still active at stage ${procedure.stage}.`,
          { workflowStatus: status },
        )),
      );
    }
    const historyLength = description.historyLength;
    if (!ledger.unchanged(runId, historyLength)) {
      const comparison = await compareLedger(procedure, {
        client,
        runId,
        entries: await this.alerts.ledgerOf(procedure.id),
        entriesAt: (seqs) => this.alerts.ledgerEntriesAt(seqs),
        graceMs: Reconciler.LEDGER_GRACE_MS,
        now: new Date(),
      });
      for (const finding of comparison.findings) {
        raised.push(
          ...(await this.raise(procedure, runId, finding.kind, finding.message, finding.details, finding.subject)),
        );
      }
      if (comparison.settled) {
        await this.alerts.mark({
          procedureId: procedure.id,
          runId,
          historyLength: String(historyLength),
          ledgerDigest: ledger.digest,
        });
      }
    }
    return raised;
  }

  private async raise(
    procedure: ProcedureEntity,
    runId: string,
    kind: string,
    message: string,
    details: Record<string, unknown> = {},
    subject = '',
  ): Promise<IntegrityAlertEntity[]> {
    const alert = await this.alerts.raise({
      procedureId: procedure.id,
      workflowId: procedure.workflowId,
      runId,
      kind,
      subject,
      message,
      details: { ...details, readModel: { status: procedure.status, stage: procedure.stage } },
    });
    return alert ? [alert] : [];
  }
}
