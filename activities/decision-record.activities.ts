import { Injectable } from '@nestjs/common';
import { DecisionRecordRepository } from '@lawgate/persistence';

export interface RecordDecisionRecordInput {
  procedureId: string;
  /** EXPERT_OPINION, EXPERT_ADOPTION, HEARING, RISK_ASSESSMENT, MEETING_MINUTES, PARTY_REPORT, PUBLICATION, … */
  kind: string;
  round: number;
  content: unknown;
  /** The hash of the sign-off that recorded the step. */
  ledgerHash: string | null;
  idempotencyKey: string;
}

/**
 * A major decision's records, written at the step that makes them (after its sign-off), into PostgreSQL: the decision
 * archive reads them there, so it no longer depends on the workflow's history being retained. Idempotent by key.
 */
@Injectable()
export class DecisionRecordActivities {
  constructor(private readonly records: DecisionRecordRepository) {}

  async recordDecisionRecord(input: RecordDecisionRecordInput): Promise<void> {
    await this.records.record(input);
  }

  /**
   * The changed fields of a procedure's archived state (`STATE:<field>` records, see `ARCHIVE_STATE_RECORD_PREFIX`),
   * in one statement. Idempotent by each record's key.
   */
  async recordArchiveState(input: { records: RecordDecisionRecordInput[] }): Promise<void> {
    await this.records.recordAll(input.records);
  }
}
