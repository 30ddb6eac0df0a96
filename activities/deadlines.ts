import type { Period } from '../libs/domain/src/periods';

/** China Standard Time has a fixed offset and no daylight saving. */
const CST_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/**
 * The absolute due time of a period that starts at `from`.
 * - `SECONDS`: `from` plus the seconds (test policies).
 * - `CALENDAR_DAYS`: the start day is not counted; the period ends at the end (24:00 CST) of the Nth following day.
 * Working days need the holiday calendar and are counted by the calendar service.
 */
export function dueTimeOf(from: Date, period: Period): Date {
  if (!Number.isInteger(period.amount) || period.amount < 0) {
    throw new RangeError(`period amount must be a whole number of ${period.unit}, got ${period.amount}`);
  }
  switch (period.unit) {
    case 'SECONDS':
      return new Date(from.getTime() + period.amount * 1000);
    case 'CALENDAR_DAYS': {
      const startOfDayCst = Math.floor((from.getTime() + CST_OFFSET_MS) / DAY_MS) * DAY_MS - CST_OFFSET_MS;
      return new Date(startOfDayCst + (period.amount + 1) * DAY_MS);
    }
    case 'WORKING_DAYS':
      throw new RangeError('working-day periods need the working-day calendar, which is not loaded');
  }
}
