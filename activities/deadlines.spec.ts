import { dueTimeOf } from './deadlines';

describe(dueTimeOf.name, () => {
  it('should not count the start day and end at 24:00 China time of the last day', () => {
    // 2026-03-02 10:00 in Beijing (02:00 UTC); 7 calendar days end at the end of 2026-03-09 Beijing time.
    const due = dueTimeOf(new Date('2026-03-02T02:00:00Z'), { amount: 7, unit: 'CALENDAR_DAYS' });
    expect(due.toISOString()).toBe('2026-03-09T16:00:00.000Z');
  });

  it('should use the Beijing date, not the UTC date, late in the evening', () => {
    // 23:30 Beijing on 2026-03-02 is still 2026-03-02 15:30 UTC; a start just after midnight Beijing is the next day.
    expect(dueTimeOf(new Date('2026-03-02T15:30:00Z'), { amount: 1, unit: 'CALENDAR_DAYS' }).toISOString()).toBe(
      '2026-03-03T16:00:00.000Z',
    );
    expect(dueTimeOf(new Date('2026-03-02T16:30:00Z'), { amount: 1, unit: 'CALENDAR_DAYS' }).toISOString()).toBe(
      '2026-03-04T16:00:00.000Z',
    );
  });

  it('should add seconds for test policies', () => {
    expect(dueTimeOf(new Date('2026-01-01T00:00:00Z'), { amount: 90, unit: 'SECONDS' }).toISOString()).toBe(
      '2026-01-01T00:01:30.000Z',
    );
  });

  it('should refuse fractional or negative periods and working days without a calendar', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    expect(() => dueTimeOf(from, { amount: -1, unit: 'CALENDAR_DAYS' })).toThrow(/whole number/);
    expect(() => dueTimeOf(from, { amount: 1.5, unit: 'SECONDS' })).toThrow(/whole number/);
    expect(() => dueTimeOf(from, { amount: 5, unit: 'WORKING_DAYS' })).toThrow(/working-day calendar/);
  });
});
