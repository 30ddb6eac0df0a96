import { calendarOf, workingDayCountdown } from '../../apps/web/src/working-days';

/** 2026 with the National Day break: 1–7 October off, Saturday 10 October worked. */
const calendar = calendarOf([
  {
    year: 2026,
    days: [
      ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'HOLIDAY' })),
      { date: '2026-10-10', kind: 'WORKDAY' },
    ],
  },
]);
/** 24:00 China Standard Time at the end of a date: how the API states a due time counted in days. */
const endOf = (date: string) => new Date(Date.parse(`${date}T16:00:00Z`)).toISOString();
/** An instant in China Standard Time. */
const cst = (dateTime: string) => Date.parse(`${dateTime}+08:00`);

describe(workingDayCountdown.name, () => {
  it('should count the working days after today up to the last day', () => {
    expect(workingDayCountdown(endOf('2026-09-25'), calendar, 'zh', cst('2026-09-23T10:00:00'))).toEqual({
      text: '剩余 2 个工作日',
      overdue: false,
    });
  });

  it('should leave out public holidays and weekends, and count an adjusted working day', () => {
    const now = cst('2026-09-30T10:00:00');
    expect(workingDayCountdown(endOf('2026-10-09'), calendar, 'zh', now).text).toBe('剩余 2 个工作日');
    expect(workingDayCountdown(endOf('2026-10-10'), calendar, 'zh', now).text).toBe('剩余 3 个工作日');
    expect(workingDayCountdown(endOf('2026-10-12'), calendar, 'zh', now).text).toBe('剩余 4 个工作日');
  });

  it('should count the working days overdue after the last day up to today', () => {
    expect(workingDayCountdown(endOf('2026-09-21'), calendar, 'zh', cst('2026-09-23T10:00:00'))).toEqual({
      text: '已逾期 2 个工作日',
      overdue: true,
    });
  });

  it('should tell hours and minutes when less than a day is left or overdue', () => {
    const due = endOf('2026-09-23');
    expect(workingDayCountdown(due, calendar, 'zh', cst('2026-09-23T18:30:00'))).toEqual({
      text: '剩余 5小时30分',
      overdue: false,
    });
    expect(workingDayCountdown(due, calendar, 'zh', cst('2026-09-24T00:40:00'))).toEqual({
      text: '已逾期 40分钟',
      overdue: true,
    });
  });

  it('should tell days and hours when no whole working day lies in between', () => {
    // Due at the end of Friday, looked at on Sunday morning: overdue, but not by a working day.
    expect(workingDayCountdown(endOf('2026-09-25'), calendar, 'zh', cst('2026-09-27T10:00:00'))).toEqual({
      text: '已逾期 1天10小时',
      overdue: true,
    });
  });

  it('should count calendar days without a calendar or past the loaded years', () => {
    const now = cst('2026-09-30T10:00:00');
    expect(workingDayCountdown(endOf('2026-10-09'), null, 'zh', now).text).toBe('剩余 9天14小时');
    expect(workingDayCountdown(endOf('2027-01-05'), calendar, 'zh', cst('2026-12-31T12:00:00')).text).toBe(
      '剩余 5天12小时',
    );
  });

  it('should speak English when asked', () => {
    expect(workingDayCountdown(endOf('2026-10-09'), calendar, 'en', cst('2026-09-30T10:00:00')).text).toBe(
      'Due in 2 working days',
    );
    expect(workingDayCountdown(endOf('2026-09-25'), calendar, 'en', cst('2026-09-28T10:00:00')).text).toBe(
      'Overdue by 1 working day',
    );
    expect(workingDayCountdown(null, calendar, 'en').text).toBe('No deadline');
  });

  it('should say there is no deadline without a due time', () => {
    expect(workingDayCountdown(null, calendar)).toEqual({ text: '无期限', overdue: false });
  });
});
