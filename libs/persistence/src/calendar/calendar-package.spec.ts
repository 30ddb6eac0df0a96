import {
  CalendarRangeError,
  calendarDaysAfter,
  isWorkingDay,
  workingDaysAfter,
  type CalendarSnapshot,
} from '@lawgate/domain';
import { packagedCalendar } from './calendar-package';

/** The published State Council schedules as the packaged data carries them. */
function snapshotOfPackage(): CalendarSnapshot {
  const { years } = packagedCalendar();
  const days = years.flatMap((y) => y.days);
  return {
    years: new Set(years.map((y) => y.year)),
    version: 1,
    holidays: new Set(days.filter((d) => d.kind === 'HOLIDAY').map((d) => d.date)),
    adjustedWorkdays: new Set(days.filter((d) => d.kind === 'WORKDAY').map((d) => d.date)),
  };
}

describe('working days on the published holiday schedules', () => {
  const calendar = snapshotOfPackage();

  it('should carry the 2025 and 2026 notices as published', () => {
    // 国办发明电〔2024〕12号 (2025) and 国办发明电〔2025〕7号 (2026): the adjusted working days.
    expect([...calendar.adjustedWorkdays].filter((d) => d.startsWith('2025')).sort()).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
    expect([...calendar.adjustedWorkdays].filter((d) => d.startsWith('2026')).sort()).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(isWorkingDay('2025-01-29', calendar)).toBe(false); // 春节 (正月初一)
    expect(isWorkingDay('2025-02-08', calendar)).toBe(true); // a Saturday worked
  });

  it('should count a period spanning the 2025 Spring Festival', () => {
    // From Fri 2025-01-24: Sun 01-26 worked (1), Mon 01-27 (2), 01-28..02-04 the break, Wed 02-05 (3), Thu (4),
    // Fri (5), Sat 02-08 worked (6).
    expect(workingDaysAfter('2025-01-24', 3, calendar)).toBe('2025-02-05');
    expect(workingDaysAfter('2025-01-24', 6, calendar)).toBe('2025-02-08');
    // 15 working days of legality review begun before the 2026 break: 02-11..13 (3), Sat 02-14 worked (4), the break
    // 02-15..23, 02-24..27 (8), Sat 02-28 worked (9), 03-02..06 (14), Mon 03-09 (15).
    expect(workingDaysAfter('2026-02-10', 15, calendar)).toBe('2026-03-09');
  });

  it('should end a period on a make-up working day', () => {
    // From Thu 2025-02-06: Fri 02-07 (1), Sat 02-08 worked (2).
    expect(workingDaysAfter('2025-02-06', 2, calendar)).toBe('2025-02-08');
    // From Thu 2026-09-17: Fri 09-18 (1), Sun 09-20 worked (2).
    expect(workingDaysAfter('2026-09-17', 2, calendar)).toBe('2026-09-20');
    // A calendar-day period ending on that Sunday does not roll: it is a working day.
    expect(calendarDaysAfter('2026-09-13', 7, calendar)).toBe('2026-09-20');
  });

  it('should refuse to count past the last loaded year', () => {
    const last = Math.max(...calendar.years);
    expect(() => workingDaysAfter(`${last}-12-20`, 20, calendar)).toThrow(CalendarRangeError);
    expect(() => workingDaysAfter(`${last}-12-20`, 20, calendar)).toThrow(`no data for ${last + 1}`);
  });
});
