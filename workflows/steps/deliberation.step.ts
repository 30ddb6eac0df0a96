import { refuse } from '../activity-proxies';
import type { ProcedureRun } from '../kernel/procedure-run';
import type { ErrorCode } from '@lawgate/domain';

/**
 * Collective deliberation (集体审议／集体讨论决定), the parts every procedure shares: the meeting is named, dated and
 * recorded, and the record is signed into the ledger with the text decided on (see `gateStep` for who and when).
 */
export function requireMeetingRecord<S extends string, Snap>(
  p: ProcedureRun<S, Snap>,
  meeting: string,
  meetingDate: string,
  invalidDate: ErrorCode,
  dateMessage: string,
): void {
  p.requireText(meeting, 'Name the meeting that deliberated (e.g. 区政府常务会议).');
  if (Number.isNaN(Date.parse(meetingDate))) refuse(invalidDate, dateMessage);
}

/** How a meeting's record reads in the ledger: the meeting, its date, then what was said and decided. */
export function meetingHeading(meeting: string, meetingDate: string, kind?: string): string {
  return kind ? `${meeting}（${kind}，${meetingDate}）` : `${meeting}（${meetingDate}）`;
}
