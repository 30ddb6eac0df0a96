import { Injectable, Logger } from '@nestjs/common';
import { WorkflowNotFoundError, type WorkflowExecutionDescription } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { type IntegrityAlertEntity, type ProcedureEntity, IntegrityAlertRepository } from '@lawgate/persistence';
import { TemporalClientService } from './temporal-client.service';

/** What one reconciliation found. */
export interface ReconciliationReport {
  checked: number;
  /** Alerts this run raised (an alert already raised for the same procedure, kind and run is not raised again). */
  raised: IntegrityAlertEntity[];
  /** Procedures whose workflow could not be asked (Temporal unreachable); checked again next time. */
  unreachable: number;
}

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

/**
 * Compares each procedure's read model (and so its ledger, which moves with it) with its workflow's status and
 * history in Temporal, and raises an integrity alert (a row in `integrity_alert` and an `integrity.alert` entry in
 * the audit trail) for what no LawGate process does:
 * - WORKFLOW_RESET: the current run was created by a reset (its history records the reset's failed workflow task), so
 *   the workflow re-ran from an earlier point and its history no longer matches the sign-offs in the ledger;
 * - WORKFLOW_TERMINATED: the workflow was terminated (LawGate never terminates a procedure; it ends by its own steps);
 * - STATUS_MISMATCH: the workflow closed (completed, failed, timed out, cancelled) while the read model is still active;
 * - WORKFLOW_MISSING: an active procedure has no workflow at all (deleted).
 * Run by the worker every `RECONCILIATION_SECONDS` and by the office on demand (`POST /api/admin/integrity/reconcile`).
 */
@Injectable()
export class Reconciler {
  private readonly logger = new Logger(Reconciler.name);

  constructor(
    private readonly temporal: TemporalClientService,
    private readonly alerts: IntegrityAlertRepository,
  ) {}

  async reconcile(options: { limit?: number; endedWithinDays?: number } = {}): Promise<ReconciliationReport> {
    const procedures = await this.alerts.proceduresToReconcile(options.limit ?? 1000, options.endedWithinDays ?? 7);
    const report: ReconciliationReport = { checked: 0, raised: [], unreachable: 0 };
    for (const procedure of procedures) {
      try {
        const raised = await this.reconcileOne(procedure);
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

  private async reconcileOne(procedure: ProcedureEntity): Promise<IntegrityAlertEntity[]> {
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
    return raised;
  }

  private async raise(
    procedure: ProcedureEntity,
    runId: string,
    kind: string,
    message: string,
    details: Record<string, unknown> = {},
  ): Promise<IntegrityAlertEntity[]> {
    const alert = await this.alerts.raise({
      procedureId: procedure.id,
      workflowId: procedure.workflowId,
      runId,
      kind,
      message,
      details: { ...details, readModel: { status: procedure.status, stage: procedure.stage } },
    });
    return alert ? [alert] : [];
  }
}
