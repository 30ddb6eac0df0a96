import type { CalendarYearData } from './calendar.repository';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/**
 * The holiday data LawGate ships: the `chinese-days` package (MIT), which follows the State Council's yearly notices.
 * Values look like `Spring Festival,春节,4`; the Chinese name is kept.
 */
export function packagedCalendar(): { source: string; years: CalendarYearData[] } {
  /* eslint-disable @typescript-eslint/no-require-imports -- JSON data files of a dependency */
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const { version } = require('chinese-days/package.json') as { version: string };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const byYear = new Map<number, CalendarYearData>();
  const add = (date: string, label: string, kind: 'HOLIDAY' | 'WORKDAY') => {
    const year = Number(date.slice(0, 4));
    const entry = byYear.get(year) ?? { year, days: [] };
    entry.days.push({ date, kind, name: label.split(',')[1] ?? label });
    byYear.set(year, entry);
  };
  for (const [date, label] of Object.entries(data.holidays)) add(date, label, 'HOLIDAY');
  for (const [date, label] of Object.entries(data.workdays)) {
    add(date, `${label.split(',')[1] ?? label}调休上班`, 'WORKDAY');
  }
  return { source: `chinese-days@${version}`, years: [...byYear.values()].sort((a, b) => a.year - b.year) };
}
