import {
  CalendarRangeError,
  calendarDaysAfter,
  cstDateOf,
  describeYears,
  endOfCstDay,
  isWorkingDay,
  maximumPeriodCheck,
  minimumPeriodCheck,
  periodEnd,
  workingDaysAfter,
  workingDaysBetween,
  type CalendarSnapshot,
} from './legal-time';

// 2026 as published by the State Council (国办发明电〔2025〕7号), the part these tests touch.
const calendar: CalendarSnapshot = {
  years: new Set([2026]),
  version: 1,
  holidays: new Set([
    '2026-01-01',
    '2026-01-02',
    '2026-01-03',
    '2026-02-15',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-21',
    '2026-02-22',
    '2026-02-23',
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ]),
  adjustedWorkdays: new Set(['2026-01-04', '2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10']),
};

describe('legal time', () => {
  it('should tell working days from weekends, holidays and adjusted working days', () => {
    expect(isWorkingDay('2026-03-02', calendar)).toBe(true); // Monday
    expect(isWorkingDay('2026-03-07', calendar)).toBe(false); // Saturday
    expect(isWorkingDay('2026-02-16', calendar)).toBe(false); // Spring Festival, a Monday
    expect(isWorkingDay('2026-02-14', calendar)).toBe(true); // Saturday made a working day
  });

  it('should count working days from the day after the start, skipping the Spring Festival break', () => {
    // Thursday 2026-02-12: Fri 13 (1), Sat 14 adjusted (2), 15-23 holiday, Tue 24 (3), Wed 25 (4), Thu 26 (5).
    expect(workingDaysAfter('2026-02-12', 5, calendar)).toBe('2026-02-26');
    // 15 working days of legality review over National Day: from Fri 2026-09-25.
    expect(workingDaysAfter('2026-09-25', 15, calendar)).toBe('2026-10-22');
  });

  it('should count calendar days from the day after the start and roll an end on a rest day forward', () => {
    expect(calendarDaysAfter('2026-03-02', 7, calendar)).toBe('2026-03-09');
    // 30 days from 2026-09-01 end on Thu 10-01, a holiday: rolls past the National Day break to Thu 10-08.
    expect(calendarDaysAfter('2026-09-01', 30, calendar)).toBe('2026-10-08');
    expect(calendarDaysAfter('2026-09-01', 30, calendar, 'NO_ROLL')).toBe('2026-10-01');
    // Ending on an ordinary Saturday: rolls to Monday, or stays when only holidays roll.
    expect(calendarDaysAfter('2026-03-02', 5, calendar)).toBe('2026-03-09');
    expect(calendarDaysAfter('2026-03-02', 5, calendar, 'ROLL_PAST_HOLIDAYS_ONLY')).toBe('2026-03-07');
  });

  it('should refuse to count past the last loaded year, naming the year to load', () => {
    expect(() => workingDaysAfter('2026-12-20', 15, calendar)).toThrow(CalendarRangeError);
    expect(() => workingDaysAfter('2026-12-20', 15, calendar)).toThrow(
      /no data for 2027 \(loaded: 2026\); 2027-01-01 cannot be counted.*load the 2027/,
    );
    expect(() => calendarDaysAfter('2026-12-20', 30, calendar)).toThrow(CalendarRangeError);
  });

  it('should describe the loaded years as ranges', () => {
    expect(describeYears(new Set([2026, 2004, 2005, 2006, 2099]))).toBe('2004–2006, 2026, 2099');
    expect(describeYears(new Set())).toBe('none');
  });

  it('should refuse a year between loaded years that is itself not loaded', () => {
    const gap: CalendarSnapshot = { ...calendar, years: new Set([2026, 2028]) };
    expect(() => workingDaysAfter('2026-12-28', 5, gap)).toThrow(/no data for 2027 \(loaded: 2026, 2028\)/);
  });

  it('should measure working days between two dates for minimum-period checks', () => {
    expect(workingDaysBetween('2026-02-12', '2026-02-26', calendar)).toBe(5);
    expect(workingDaysBetween('2026-03-02', '2026-03-02', calendar)).toBe(0);
  });

  it('should end a period at 24:00 China Standard Time of its last day', () => {
    expect(cstDateOf(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
    expect(endOfCstDay('2026-03-09').toISOString()).toBe('2026-03-09T16:00:00.000Z');
    const from = new Date('2026-02-12T02:00:00Z'); // 10:00 in Beijing
    expect(periodEnd(from, { amount: 5, unit: 'WORKING_DAYS' }, calendar).toISOString()).toBe(
      '2026-02-26T16:00:00.000Z',
    );
    expect(periodEnd(from, { amount: 90, unit: 'SECONDS' }, calendar).toISOString()).toBe('2026-02-12T02:01:30.000Z');
    expect(() => periodEnd(from, { amount: 1.5, unit: 'WORKING_DAYS' }, calendar)).toThrow(/whole number/);
  });

  it('should keep minimum periods (may not end early) apart from maximum periods (may be breached)', () => {
    // A 30-day comment window opened 2026-09-01 may close only after the National Day break ends it on 10-08.
    const window = { amount: 30, unit: 'CALENDAR_DAYS' as const, kind: 'MINIMUM' as const };
    const opened = new Date('2026-09-01T02:00:00Z');
    expect(minimumPeriodCheck(opened, new Date('2026-10-05T02:00:00Z'), window, calendar)).toEqual({
      allowed: false,
      earliest: new Date('2026-10-08T16:00:00Z'),
    });
    expect(minimumPeriodCheck(opened, new Date('2026-10-09T01:00:00Z'), window, calendar).allowed).toBe(true);
    // A 15-working-day review started on 2026-09-25 is breached from 24:00 on 10-22, not before.
    const review = { amount: 15, unit: 'WORKING_DAYS' as const, kind: 'MAXIMUM' as const };
    const started = new Date('2026-09-25T02:00:00Z');
    expect(maximumPeriodCheck(started, new Date('2026-10-22T15:59:00Z'), review, calendar).breached).toBe(false);
    expect(maximumPeriodCheck(started, new Date('2026-10-22T16:01:00Z'), review, calendar).breached).toBe(true);
    expect(() => minimumPeriodCheck(opened, opened, review, calendar)).toThrow(/MINIMUM/);
  });
});
