import type { Period } from '../periods';

/**
 * Legal time: how Chinese statutes count periods (regulations.md §6).
 *
 * - A working day is Monday to Friday unless it is a public holiday, plus any weekend day declared an adjusted
 *   working day (调休上班). The holiday data changes every year, so it is data (`CalendarSnapshot`), not code.
 * - The start day is not counted; counting starts the next day (民法典 Art 201).
 * - A calendar-day period whose last day is a rest day ends on the next working day (Art 203); whether ordinary
 *   weekends count as rest days here is an interpretation, so it is an option (`restDayRule`).
 * - Arithmetic past the last loaded year is refused: the calendar for that year is not known yet.
 *
 * Pure functions on ISO dates (`YYYY-MM-DD`, China Standard Time); deterministic, usable in workflows too.
 */
export interface CalendarSnapshot {
  /** Years whose holiday notice is loaded (whole years); other years cannot be counted. */
  years: ReadonlySet<number>;
  /** Version of the calendar data; every computed deadline records it. */
  version: number;
  /** Public holidays and the rest days of a holiday break. */
  holidays: ReadonlySet<string>;
  /** Weekend days declared working days. */
  adjustedWorkdays: ReadonlySet<string>;
}

/** What a calendar-day period does when it ends on a rest day. */
export type RestDayRule = 'ROLL_TO_NEXT_WORKING_DAY' | 'ROLL_PAST_HOLIDAYS_ONLY' | 'NO_ROLL';

/** Loaded years as ranges, e.g. `2004–2026, 2099`. */
export function describeYears(years: ReadonlySet<number>): string {
  const sorted = [...years].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; i += 1) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j += 1;
    ranges.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j;
  }
  return ranges.join(', ') || 'none';
}

export class CalendarRangeError extends Error {
  constructor(
    readonly date: string,
    readonly loadedYears: ReadonlySet<number>,
  ) {
    super(
      `The working-day calendar has no data for ${date.slice(0, 4)} (loaded: ${describeYears(loadedYears)}); ` +
        `${date} cannot be counted. An administrator must load the ${date.slice(0, 4)} holiday notice first.`,
    );
    this.name = 'CalendarRangeError';
  }
}

const CST_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function toEpochDay(date: string): number {
  if (!ISO_DATE.test(date)) throw new RangeError(`not an ISO date: ${date}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromEpochDay(toEpochDay(date) + days);
}

/** The date in China Standard Time of an instant. */
export function cstDateOf(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** 24:00 China Standard Time at the end of a date, as an instant. */
export function endOfCstDay(date: string): Date {
  return new Date((toEpochDay(date) + 1) * DAY_MS - CST_OFFSET_MS);
}

function checkRange(date: string, calendar: CalendarSnapshot): void {
  if (!calendar.years.has(Number(date.slice(0, 4)))) throw new CalendarRangeError(date, calendar.years);
}

function isWeekend(date: string): boolean {
  const weekday = new Date(toEpochDay(date) * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function isWorkingDay(date: string, calendar: CalendarSnapshot): boolean {
  checkRange(date, calendar);
  if (calendar.adjustedWorkdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  return !isWeekend(date);
}

/** The date on which a period of `n` working days after `start` ends (the start day not counted). */
export function workingDaysAfter(start: string, n: number, calendar: CalendarSnapshot): string {
  let date = start;
  let counted = 0;
  while (counted < n) {
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) counted += 1;
  }
  return date;
}

/** The date on which a period of `n` calendar days after `start` ends, rolled past rest days as the rule says. */
export function calendarDaysAfter(
  start: string,
  n: number,
  calendar: CalendarSnapshot,
  rule: RestDayRule = 'ROLL_TO_NEXT_WORKING_DAY',
): string {
  let date = addDays(start, n);
  checkRange(date, calendar);
  const rolls = (d: string) =>
    rule === 'ROLL_TO_NEXT_WORKING_DAY'
      ? !isWorkingDay(d, calendar)
      : rule === 'ROLL_PAST_HOLIDAYS_ONLY'
        ? calendar.holidays.has(d)
        : false;
  while (rolls(date)) date = addDays(date, 1);
  return date;
}

/** Working days strictly after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, calendar: CalendarSnapshot): number {
  let count = 0;
  for (let date = addDays(from, 1); toEpochDay(date) <= toEpochDay(to); date = addDays(date, 1)) {
    if (isWorkingDay(date, calendar)) count += 1;
  }
  return count;
}

/**
 * The instant a period that starts at `from` ends: 24:00 China Standard Time of its last day (or `from` plus the
 * seconds, for test policies).
 */
export function periodEnd(from: Date, period: Period, calendar: CalendarSnapshot, rule?: RestDayRule): Date {
  if (!Number.isInteger(period.amount) || period.amount < 0) {
    throw new RangeError(`period amount must be a whole number of ${period.unit}, got ${period.amount}`);
  }
  const start = cstDateOf(from);
  switch (period.unit) {
    case 'SECONDS':
      return new Date(from.getTime() + period.amount * 1000);
    case 'HOURS':
      // Counted from the moment it starts, not to the end of a day (e.g. 24小时内移送).
      return new Date(from.getTime() + period.amount * 3600 * 1000);
    case 'CALENDAR_DAYS':
      return endOfCstDay(calendarDaysAfter(start, period.amount, calendar, rule));
    case 'WORKING_DAYS':
      return endOfCstDay(workingDaysAfter(start, period.amount, calendar));
  }
}

/**
 * Statutory periods come in two kinds, which LawGate never mixes up:
 * - `MINIMUM`: a floor that protects people (a comment window of at least 30 days, a review allowance of at least
 *   7 working days). The act it guards may not happen before the period has run; shortening needs a recorded reason.
 * - `MAXIMUM`: a ceiling that binds the office (review within 15 working days). It can be breached; a breach is
 *   reminded, escalated and reported, never silently prevented.
 */
export type PeriodKind = 'MINIMUM' | 'MAXIMUM';

export interface StatutoryPeriod extends Period {
  kind: PeriodKind;
}

/** Whether an act guarded by a minimum period may happen at `at`, and the earliest instant it may. */
export function minimumPeriodCheck(
  openedAt: Date,
  at: Date,
  period: StatutoryPeriod,
  calendar: CalendarSnapshot,
): { allowed: boolean; earliest: Date } {
  if (period.kind !== 'MINIMUM') throw new RangeError('minimumPeriodCheck takes a MINIMUM period');
  const earliest = periodEnd(openedAt, period, calendar);
  return { allowed: at.getTime() >= earliest.getTime(), earliest };
}

/** Whether a maximum period is breached at `at`, and when it ends. */
export function maximumPeriodCheck(
  startedAt: Date,
  at: Date,
  period: StatutoryPeriod,
  calendar: CalendarSnapshot,
): { breached: boolean; dueAt: Date } {
  if (period.kind !== 'MAXIMUM') throw new RangeError('maximumPeriodCheck takes a MAXIMUM period');
  const dueAt = periodEnd(startedAt, period, calendar);
  return { breached: at.getTime() > dueAt.getTime(), dueAt };
}
