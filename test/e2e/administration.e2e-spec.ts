import type { DataSource } from 'typeorm';
import type { ApiClient } from '../support/http';
import { useStack } from '../support/stack';
import { recordCounts } from '../support/records';

interface ErrorBody {
  code: string;
  message: string;
}

describe('administration: ledger verification and the working-day calendar', () => {
  let http: ApiClient;
  let db: DataSource;

  const stack = useStack('e2e-admin', { withWorker: false });
  beforeAll(async () => {
    ({ http, db } = stack);
  });

  it('should verify the ledger for administrators and the legal-affairs office only', async () => {
    for (const username of ['admin', 'officer.zhang']) {
      const res = await http.as<{ ok: boolean; checked: number }>(username, 'GET', '/api/admin/ledger/verify');
      expect(res.status).toBe(200);
      expect(res.body.ok).toBe(true);
    }
    const drafter = await http.as<ErrorBody>('drafter.edu', 'GET', '/api/admin/ledger/verify');
    expect(drafter.status).toBe(403);
  });

  it('should show the packaged holiday calendar and count a statutory period on it', async () => {
    const years = await http.as<{ year: number; source: string }[]>('adviser.li', 'GET', '/api/calendar/years');
    expect(years.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ year: 2026, source: expect.stringMatching(/^chinese-days@/) }),
      ]),
    );
    const days = await http.as<{ date: string; kind: string; name: string }[]>(
      'adviser.li',
      'GET',
      '/api/calendar/years/2026',
    );
    expect(days.body).toEqual(
      expect.arrayContaining([
        { date: '2026-02-14', kind: 'WORKDAY', name: '春节调休上班', version: expect.any(Number) },
      ]),
    );
    const review = await http.as<{ lastDay: string; dueAt: string }>(
      'adviser.li',
      'GET',
      '/api/calendar/deadline?from=2026-09-25&amount=15&unit=WORKING_DAYS',
    );
    expect(review.body).toMatchObject({ lastDay: '2026-10-22', dueAt: '2026-10-22T16:00:00.000Z' });
    const past = await http.as<ErrorBody>(
      'adviser.li',
      'GET',
      '/api/calendar/deadline?from=2150-03-02&amount=5&unit=WORKING_DAYS',
    );
    expect(past.status).toBe(422);
    expect(past.body.message).toMatch(/no data for 2150/);
  });

  it('should let an administrator load a year with a reason, as a new version with an audit entry', async () => {
    const body = {
      reason: '测试：载入2199年节假日安排',
      noticeUrl: 'https://www.gov.cn/zhengce/content/2198-11/01/content_1.htm',
      days: [
        { date: '2199-01-01', kind: 'HOLIDAY', name: '元旦' },
        { date: '2199-01-05', kind: 'WORKDAY', name: '元旦调休上班' },
      ],
    };
    const refused = await http.as<ErrorBody>('drafter.edu', 'PUT', '/api/calendar/years/2199', { body });
    expect(refused.status).toBe(403);

    const before = await recordCounts(db);
    const weekday = await http.as<ErrorBody>('admin', 'PUT', '/api/calendar/years/2199', {
      body: { ...body, days: [{ date: '2199-01-07', kind: 'WORKDAY', name: 'x' }] },
    });
    expect(weekday.status).toBe(422);
    expect(weekday.body.message).toMatch(/2199-01-07 is a weekday/);
    const wrongYear = await http.as<ErrorBody>('admin', 'PUT', '/api/calendar/years/2199', {
      body: { ...body, days: [{ date: '2198-12-31', kind: 'HOLIDAY', name: 'x' }] },
    });
    expect(wrongYear.status).toBe(422);
    expect(await recordCounts(db)).toEqual(before);
    expect((await http.as<unknown[]>('admin', 'GET', '/api/calendar/years')).body).not.toEqual(
      expect.arrayContaining([expect.objectContaining({ year: 2199 })]),
    );

    const put = await http.as<{ version: number }>('admin', 'PUT', '/api/calendar/years/2199', { body });
    expect(put.status).toBe(200);
    const inYear = await http.as<{ lastDay: string; calendarVersion: number }>(
      'adviser.li',
      'GET',
      '/api/calendar/deadline?from=2199-01-03&amount=2&unit=WORKING_DAYS',
    );
    // Fri 01-04 (1), Sat 01-05 declared a working day (2).
    expect(inYear.body).toEqual({
      lastDay: '2199-01-05',
      dueAt: '2199-01-05T16:00:00.000Z',
      calendarVersion: put.body.version,
    });
    const history = await http.as<{ version: number; reason: string; actorId: string }[]>(
      'officer.zhang',
      'GET',
      '/api/calendar/history',
    );
    expect(history.body[0]).toMatchObject({ version: put.body.version, reason: body.reason });
    const audits = await db.query<{ actor_kind: string; reason: string }[]>(
      "SELECT actor_kind, reason FROM audit_entry WHERE action = 'calendar.year.put' AND details->>'year' = '2199'",
    );
    expect(audits).toEqual([{ actor_kind: 'OPERATOR', reason: body.reason }]);
  });
});
