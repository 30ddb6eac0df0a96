/**
 * The countdown to a due time in working days, counted on the working-day calendar the API serves (public holidays
 * and adjusted working days), the way the deadline itself was counted. Pure, so that it can be tested on its own.
 */
import { CalendarRangeError, cstDateOf, workingDaysBetween, type CalendarSnapshot } from '@lawgate/domain';

export type { CalendarSnapshot };

export interface CountdownText {
  text: string;
  overdue: boolean;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Hours and minutes (or minutes alone) of a span shorter than a day, or days and hours without a calendar. */
function shortSpan(abs: number, lang: 'zh' | 'en'): string {
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  const minutes = Math.floor((abs % HOUR) / 60_000);
  if (lang === 'en') {
    if (days > 0) return `${days} d ${hours} h`;
    return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`;
  }
  if (days > 0) return `${days}天${hours}小时`;
  return hours > 0 ? `${hours}小时${minutes}分` : `${minutes}分钟`;
}

function phrase(span: string, overdue: boolean, lang: 'zh' | 'en'): CountdownText {
  if (lang === 'en') return { text: overdue ? `Overdue by ${span}` : `Due in ${span}`, overdue };
  return { text: overdue ? `已逾期 ${span}` : `剩余 ${span}`, overdue };
}

function workingDays(n: number, lang: 'zh' | 'en'): string {
  if (lang === 'en') return `${n} working day${n === 1 ? '' : 's'}`;
  return `${n} 个工作日`;
}

/**
 * "剩余 N 个工作日" until the due time, or "已逾期 N 个工作日" after it:
 * - before the due time, N counts the working days after today up to the due time's last day (a due time at
 *   24:00 China Standard Time belongs to the day it ends), since today is under way;
 * - after it, N counts the working days after the last day up to and including today;
 * - less than a day, or no whole working day in between (a weekend), is told in hours and minutes;
 * - without a calendar for the dates concerned, the countdown is in calendar days and hours.
 */
export function workingDayCountdown(
  dueAt: string | null,
  calendar: CalendarSnapshot | null,
  lang: 'zh' | 'en' = 'zh',
  now = Date.now(),
): CountdownText {
  if (!dueAt) return { text: lang === 'en' ? 'No deadline' : '无期限', overdue: false };
  const due = Date.parse(dueAt);
  const ms = due - now;
  const overdue = ms < 0;
  const abs = Math.abs(ms);
  if (abs < DAY || !calendar) return phrase(shortSpan(abs, lang), overdue, lang);
  const today = cstDateOf(new Date(now));
  const lastDay = cstDateOf(new Date(due - 1));
  let n: number;
  try {
    n = overdue ? workingDaysBetween(lastDay, today, calendar) : workingDaysBetween(today, lastDay, calendar);
  } catch (err) {
    if (err instanceof CalendarRangeError) return phrase(shortSpan(abs, lang), overdue, lang);
    throw err;
  }
  return phrase(n > 0 ? workingDays(n, lang) : shortSpan(abs, lang), overdue, lang);
}

/** The snapshot the countdown counts on, from the days of `GET /api/calendar/years/:year` of each loaded year. */
export function calendarOf(
  years: { year: number; days: { date: string; kind: string }[] }[],
  version = 0,
): CalendarSnapshot {
  const all = years.flatMap((y) => y.days);
  return {
    years: new Set(years.map((y) => y.year)),
    version,
    holidays: new Set(all.filter((d) => d.kind === 'HOLIDAY').map((d) => d.date)),
    adjustedWorkdays: new Set(all.filter((d) => d.kind === 'WORKDAY').map((d) => d.date)),
  };
}
