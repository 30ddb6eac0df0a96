import { patched } from '@temporalio/workflow';
import { ARCHIVE_STATE_RECORD_PREFIX } from '@lawgate/domain';
import { local } from '../activity-proxies';

/**
 * The state a procedure's archive files are built from (field → value). Procedures started with this code
 * (`archive-state-in-pg`, decided once at start) keep each field in PostgreSQL whenever it changed: after each step,
 * at each turn of the main loop (a stage moved by a timer) and at the end, linked to the last sign-off; the archive is
 * then built from PostgreSQL, not from the workflow's state.
 */
export class ArchivedState {
  private archived?: { fields: () => Record<string, unknown>; keeps: boolean };
  /** Each archived field's JSON as last kept in PostgreSQL. */
  private readonly kept: Record<string, string> = {};
  private writes = 0;
  /** The hash of the last sign-off, which the archived state kept after it is linked to. */
  lastSignOffHash: string | null = null;

  /** Names the fields; call before the procedure's first await (the patch is decided there). */
  from(fields: () => Record<string, unknown>): void {
    this.archived = { fields, keeps: patched('archive-state-in-pg') };
  }

  /** Writes the archived fields that changed since they were last kept (one local activity, one statement). */
  async keep(at: { procedureId: string; workflowId: string; round: number }): Promise<void> {
    if (!this.archived?.keeps) return;
    const changed: { field: string; text: string }[] = [];
    for (const [field, value] of Object.entries(this.archived.fields())) {
      const text = JSON.stringify(value ?? null);
      if (this.kept[field] === text) continue;
      this.kept[field] = text;
      changed.push({ field, text });
    }
    if (changed.length === 0) return;
    this.writes += 1;
    await local.recordArchiveState({
      records: changed.map(({ field, text }) => ({
        procedureId: at.procedureId,
        kind: `${ARCHIVE_STATE_RECORD_PREFIX}${field}`,
        round: at.round,
        content: JSON.parse(text) as unknown,
        ledgerHash: this.lastSignOffHash,
        idempotencyKey: `${at.workflowId}:archive:${this.writes}:${field}`,
      })),
    });
  }
}
