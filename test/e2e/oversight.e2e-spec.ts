import type { DataSource } from 'typeorm';
import { eventually } from '../support/eventually';
import type { ApiClient } from '../support/http';
import { useStack } from '../support/stack';
import { validApplication } from '../support/records';
import { uniqueSuffix } from '../support/test-env';

interface Snapshot {
  procedureId: string;
  stage: string;
  openTaskId: string | null;
}
interface OverduePage {
  total: number;
  items: {
    id: string;
    procedureId: string;
    procedureTitle: string;
    departmentName: string;
    stage: string;
    dueAt: string;
    assigneeName: string | null;
    assigneeUnitName: string;
    legalBasis: string;
  }[];
}
interface Rate {
  total: number;
  count: number;
  rate: number | null;
}
interface Statistics {
  fromMonth: string;
  toMonth: string;
  onTime: Rate;
  onTimeByMonth: (Rate & { month: string })[];
  openOverdue: number;
  legalityReturn: Rate;
  commentAdoption: Rate;
  proceduresByStage: { type: string; stage: string; count: number }[];
}

/**
 * The legal-affairs office's console reads over HTTP: overdue work across every procedure (not only the first
 * page of procedures), and the on-time rate moving as tasks are closed before or after their due time.
 */
describe('the console: overdue work and statistics', () => {
  let http: ApiClient;
  let db: DataSource;
  const stack = useStack('e2e-oversight');
  beforeAll(() => {
    ({ http, db } = stack);
  });

  async function projectTask(title: string): Promise<Snapshot> {
    const res = await http.as<Snapshot>('drafter.edu', 'POST', '/api/procedures/normative-documents', {
      body: { projectCode: uniqueSuffix(), title, application: validApplication },
    });
    expect(res.status).toBe(201);
    return res.body;
  }
  const setDue = (taskId: string, sql: string) => db.query(`UPDATE task SET due_at = ${sql} WHERE id = $1`, [taskId]);
  const overdue = async (query = '') =>
    (await http.as<OverduePage>('officer.zhang', 'GET', `/api/admin/overdue-tasks${query}`)).body;
  const statistics = async () => (await http.as<Statistics>('officer.zhang', 'GET', '/api/admin/statistics')).body;

  it('lists every overdue open task, most overdue first, with its procedure and holder', async () => {
    const late = await projectTask(`逾期立项审查${uniqueSuffix()}`);
    const later = await projectTask(`更久逾期立项审查${uniqueSuffix()}`);
    const onTime = await projectTask(`未逾期立项审查${uniqueSuffix()}`);
    await setDue(late.openTaskId!, "now() - interval '1 day'");
    await setDue(later.openTaskId!, "now() - interval '3 days'");
    await setDue(onTime.openTaskId!, "now() + interval '3 days'");

    const page = await overdue();
    const ids = page.items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([late.openTaskId, later.openTaskId]));
    expect(ids).not.toContain(onTime.openTaskId);
    // The more overdue task comes first, and the list is in due order throughout.
    expect(ids.indexOf(later.openTaskId!)).toBeLessThan(ids.indexOf(late.openTaskId!));
    const dues = page.items.map((i) => Date.parse(i.dueAt));
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    const row = page.items.find((i) => i.id === late.openTaskId)!;
    expect(row).toMatchObject({
      procedureId: late.procedureId,
      stage: 'PROJECT_APPROVAL',
      departmentName: expect.any(String) as string,
      assigneeUnitName: expect.any(String) as string,
    });
    expect(row.procedureTitle).toContain('逾期立项审查');
    expect(row.legalBasis).not.toBe('');
    expect(page.total).toBeGreaterThanOrEqual(2);

    // A limit keeps the most overdue and still reports how many there are.
    const first = await overdue('?limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.total).toBe((await overdue()).total);
    expect(Date.parse(first.items[0].dueAt)).toBeLessThanOrEqual(Date.parse(row.dueAt));
  });

  it('refuses the console reads to a drafting department and a bad limit with a clear error', async () => {
    const forbidden = await http.as<{ code: string }>('drafter.edu', 'GET', '/api/admin/overdue-tasks');
    expect(forbidden.status).toBe(403);
    const stats = await http.as<{ code: string }>('adviser.li', 'GET', '/api/admin/statistics');
    expect(stats.status).toBe(403);
    const bad = await http.as<{ code: string; details: { fields: Record<string, string[]> } }>(
      'officer.zhang',
      'GET',
      '/api/admin/overdue-tasks?limit=0',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields).toHaveProperty('limit');
    expect((await http.as('officer.zhang', 'GET', '/api/admin/statistics?months=abc')).status).toBe(400);
  });

  it('counts a task closed after its due time as late and one closed before as on time', async () => {
    const before = await statistics();
    const late = await projectTask(`逾期办结${uniqueSuffix()}`);
    const timely = await projectTask(`按时办结${uniqueSuffix()}`);
    await setDue(late.openTaskId!, "now() - interval '2 days'");
    await setDue(timely.openTaskId!, "now() + interval '2 days'");
    const overdueBefore = before.openOverdue;
    expect((await statistics()).openOverdue).toBe(overdueBefore + 1);

    for (const s of [late, timely]) {
      const res = await http.as('officer.zhang', 'POST', `/api/procedures/${s.procedureId}/steps/project-approval`, {
        body: { decision: 'APPROVED', opinion: '同意立项' },
      });
      expect(res.status).toBe(200);
    }
    await eventually(async () => {
      const after = await statistics();
      expect(after.onTime.total).toBe(before.onTime.total + 2);
      expect(after.onTime.count).toBe(before.onTime.count + 1);
    });
    const after = await statistics();
    expect(after.openOverdue).toBe(overdueBefore);
    // Every procedure is counted by stage: the two approved projects moved to drafting.
    const inStage = (st: Statistics, stage: string) =>
      st.proceduresByStage.find((r) => r.type === 'NORMATIVE_DOCUMENT' && r.stage === stage)?.count ?? 0;
    expect(inStage(after, 'DRAFTING') - inStage(before, 'DRAFTING')).toBe(2);
    expect(inStage(after, 'PROJECT_APPROVAL')).toBe(inStage(before, 'PROJECT_APPROVAL'));
    const [{ n }] = await db.query<{ n: string }[]>('SELECT count(*) AS n FROM procedure');
    expect(after.proceduresByStage.reduce((sum, r) => sum + r.count, 0)).toBe(Number(n));
    expect(after.onTime.rate).toBeCloseTo(after.onTime.count / after.onTime.total, 3);
    const month = after.onTimeByMonth.find((m) => m.month === after.toMonth)!;
    expect(month.total).toBeGreaterThanOrEqual(2);
    expect(after.fromMonth < after.toMonth).toBe(true);
  });
});
