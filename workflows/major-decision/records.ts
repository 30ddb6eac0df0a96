import { patched } from '@temporalio/workflow';
import { acts } from '../activity-proxies';
import type { LedgerRef } from '../kernel/procedure-run';
import type { Md } from './context';

/** The `patched()` id under which a major decision keeps its step records in PostgreSQL. */
export const DECISION_RECORDS_PATCH = 'decision-records-in-pg';

/** The kinds of a major decision's step records (`decision_record.kind`). */
export type DecisionRecordKind =
  | 'EXPERT_OPINION'
  | 'EXPERT_ADOPTION'
  | 'HEARING'
  | 'RISK_ASSESSMENT'
  | 'MEETING_MINUTES'
  | 'PARTY_REPORT'
  | 'PUBLICATION'
  | 'EXECUTION_REPORT'
  | 'EVALUATION';

/**
 * Keeps a step's record in PostgreSQL (`recordDecisionRecord`, idempotent by the step's update id and the kind),
 * linked to the sign-off that recorded the step. Procedures whose histories predate `DECISION_RECORDS_PATCH` replay
 * without it; from the patch on, the archive reads these rows instead of the workflow's state.
 */
export async function keepRecord(
  md: Md,
  kind: DecisionRecordKind,
  content: unknown,
  signOff: LedgerRef | null,
): Promise<void> {
  if (!patched(DECISION_RECORDS_PATCH)) return;
  await acts.recordDecisionRecord({
    procedureId: md.input.procedureId,
    kind,
    round: md.p.round,
    content,
    ledgerHash: signOff?.hash ?? null,
    idempotencyKey: `${md.p.updateKey(kind)}:${kind}`,
  });
}
