import type { DataSource } from 'typeorm';
import type { ApiClient } from '../support/http';
import { useStack } from '../support/stack';
import { recordCounts } from '../support/records';

interface Overview {
  rulesVersion: number;
  rules: { assignedAdvisersOnly: boolean; requireExpertiseMatch: boolean };
  advisers: {
    userId: string;
    displayName: string;
    expertise: string[];
    assignedDepartmentIds: string[];
    conflictDepartmentIds: string[];
  }[];
}
interface ErrorBody {
  code: string;
  message: string;
}

describe('routing rules, adviser profiles and declared conflicts', () => {
  let http: ApiClient;
  let db: DataSource;

  const stack = useStack('e2e-routing', { withWorker: false });
  beforeAll(async () => {
    ({ http, db } = stack);
  });

  const idOf = async (table: 'app_user' | 'org_unit', column: string, value: string) =>
    (await db.query<{ id: string }[]>(`SELECT id FROM ${table} WHERE ${column} = $1`, [value]))[0].id;

  it('should show the rules and the advisers as routing sees them, and change rules only with a reason', async () => {
    const overview = await http.as<Overview>('officer.zhang', 'GET', '/api/admin/routing');
    expect(overview.status).toBe(200);
    expect(overview.body.advisers.map((a) => a.displayName)).toEqual(
      expect.arrayContaining(['李律师（法律顾问）', '陈教授（法律顾问）', '赵律师（公职律师）']),
    );
    const li = overview.body.advisers.find((a) => a.displayName === '李律师（法律顾问）')!;
    expect(li.expertise).toEqual(['教育', '行政许可']);
    expect(li.assignedDepartmentIds).toEqual([await idOf('org_unit', 'code', 'JT-EDU')]);

    const before = await recordCounts(db);
    const noReason = await http.as<ErrorBody>('officer.zhang', 'PUT', '/api/admin/routing/rules', {
      body: { assignedAdvisersOnly: true, requireExpertiseMatch: false },
    });
    expect(noReason.status).toBe(400);
    const drafter = await http.as<ErrorBody>('drafter.edu', 'PUT', '/api/admin/routing/rules', {
      body: { assignedAdvisersOnly: true, requireExpertiseMatch: false, reason: '我想改规则' },
    });
    expect(drafter.status).toBe(403);
    expect(await recordCounts(db)).toEqual(before);

    const changed = await http.as<{ rulesVersion: number }>('admin', 'PUT', '/api/admin/routing/rules', {
      body: { assignedAdvisersOnly: true, requireExpertiseMatch: false, reason: '试行：仅由联系该部门的顾问审查' },
    });
    expect(changed.status).toBe(200);
    const now = await http.as<Overview>('officer.zhang', 'GET', '/api/admin/routing');
    expect(now.body).toMatchObject({ rulesVersion: changed.body.rulesVersion, rules: { assignedAdvisersOnly: true } });
    const [audit] = await db.query<{ reason: string; actor_kind: string }[]>(
      "SELECT reason, actor_kind FROM audit_entry WHERE action = 'routing.rules.changed' ORDER BY id DESC LIMIT 1",
    );
    expect(audit).toEqual({ reason: '试行：仅由联系该部门的顾问审查', actor_kind: 'OPERATOR' });
    // Back to the defaults, as a further version: the history keeps both.
    const restored = await http.as<{ rulesVersion: number }>('admin', 'PUT', '/api/admin/routing/rules', {
      body: { assignedAdvisersOnly: false, requireExpertiseMatch: false, reason: '试行结束，恢复默认规则' },
    });
    expect(restored.body.rulesVersion).toBe(changed.body.rulesVersion + 1);
  });

  it("should change an adviser's profile with a reason and refuse what is not a department", async () => {
    const zhao = await idOf('app_user', 'username', 'adviser.zhao');
    const mkt = await idOf('org_unit', 'code', 'JT-MKT');
    const office = await idOf('org_unit', 'code', 'JT-LAO');
    const wrong = await http.as<ErrorBody>('admin', 'PUT', `/api/admin/advisers/${zhao}`, {
      body: { expertise: ['行政处罚'], maxOpenTasks: 5, active: true, departmentIds: [office], reason: '调整联系部门' },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.message).toBe(`${office} is not a drafting department.`);
    const notAdviser = await http.as<ErrorBody>(
      'admin',
      'PUT',
      `/api/admin/advisers/${await idOf('app_user', 'username', 'drafter.edu')}`,
      {
        body: { expertise: [], maxOpenTasks: 5, active: true, departmentIds: [], reason: '调整联系部门' },
      },
    );
    expect(notAdviser.status).toBe(404);
    const set = await http.as<{ expertise: string[]; maxOpenTasks: number; assignedDepartmentIds: string[] }>(
      'admin',
      'PUT',
      `/api/admin/advisers/${zhao}`,
      {
        body: {
          expertise: ['行政处罚', '行政协议'],
          maxOpenTasks: 8,
          active: true,
          departmentIds: [mkt],
          reason: '新增联系市场监管局',
        },
      },
    );
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      expertise: ['行政处罚', '行政协议'],
      maxOpenTasks: 8,
      assignedDepartmentIds: [mkt],
    });
    await http.as('admin', 'PUT', `/api/admin/advisers/${zhao}`, {
      body: {
        expertise: ['行政处罚', '行政协议'],
        maxOpenTasks: 10,
        active: true,
        departmentIds: [],
        reason: '恢复原联系部门',
      },
    });
  });

  it('should let an adviser declare a conflict of interest, which routing then takes into account', async () => {
    const mkt = await idOf('org_unit', 'code', 'JT-MKT');
    const both = await http.as<ErrorBody>('adviser.chen', 'POST', '/api/advisers/me/conflicts', {
      body: { reason: '说明不全' },
    });
    expect(both.status).toBe(400);
    expect(both.body.message).toBe('Name either a procedure or a department, not both or neither.');
    const declared = await http.as<{ id: string }>('adviser.chen', 'POST', '/api/advisers/me/conflicts', {
      body: { departmentId: mkt, reason: '近亲属在该局任职' },
    });
    expect(declared.status).toBe(201);
    const mine = await http.as<{ departmentId: string; reason: string }[]>(
      'adviser.chen',
      'GET',
      '/api/advisers/me/conflicts',
    );
    expect(mine.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ departmentId: mkt, reason: '近亲属在该局任职' })]),
    );
    const overview = await http.as<Overview>('officer.zhang', 'GET', '/api/admin/routing');
    expect(overview.body.advisers.find((a) => a.displayName === '陈教授（法律顾问）')!.conflictDepartmentIds).toContain(
      mkt,
    );
  });
});
