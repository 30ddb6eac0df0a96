import ExcelJS from 'exceljs';
import type { ApiClient } from '../support/http';
import { useStack } from '../support/stack';
import { recordCounts } from '../support/records';
import { uniqueSuffix } from '../support/test-env';

interface ErrorBody {
  code: string;
  message: string;
  details?: { problems?: { line: number; problem: string }[] };
}
interface UserView {
  id: string;
  username: string;
  unitId: string;
  unitCode: string;
  roles: string[];
  qualifications: string[];
  active: boolean;
}
interface UnitView {
  id: string;
  code: string;
  kind: string;
  parentId: string | null;
}

describe('accounts: users, units, qualifications, import, and the last administrator', () => {
  let http: ApiClient;
  const stack = useStack('e2e-accounts', { withWorker: false });
  const suffix = uniqueSuffix().replace(/[^a-z0-9]/g, '');
  const reason = '测试：账号管理';
  let units: UnitView[];
  const unit = (code: string) => units.find((u) => u.code === code) as UnitView;

  beforeAll(async () => {
    http = stack.http;
    units = (await http.as<UnitView[]>('admin', 'GET', '/api/admin/units')).body;
  });

  const audit = async (action: string, id: string) =>
    stack.db.query<{ reason: string; actor_kind: string }[]>(
      `SELECT reason, actor_kind FROM audit_entry WHERE action = $1 AND details->>'userId' = $2`,
      [action, id],
    );

  it('should let only an administrator list and create accounts', async () => {
    expect((await http.as('officer.zhang', 'GET', '/api/admin/users')).status).toBe(403);
    const refused = await http.as('officer.zhang', 'POST', '/api/admin/users', {
      body: { username: `x.${suffix}`, displayName: 'x', unitId: unit('JT-EDU').id, roles: ['DRAFTER'], reason },
    });
    expect(refused.status).toBe(403);
  });

  it('should create an adviser with the legal-profession qualification, who signs in with the temporary password', async () => {
    const username = `adviser.${suffix}`;
    const created = await http.as<{ user: UserView; temporaryPassword: string }>('admin', 'POST', '/api/admin/users', {
      body: {
        username,
        displayName: '孙顾问',
        unitId: unit('JT-LAP').id,
        roles: ['LEGAL_ADVISER'],
        qualifications: ['LEGAL_PROFESSION'],
        reason,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({
      username,
      roles: ['LEGAL_ADVISER'],
      qualifications: ['LEGAL_PROFESSION'],
    });
    expect(created.body.temporaryPassword).toMatch(/^\S{12}$/);
    expect(await audit('account.user.create', created.body.user.id)).toEqual([{ reason, actor_kind: 'OPERATOR' }]);

    const login = await http.request<{ accessToken: string }>('POST', '/api/auth/login', {
      body: { username, password: created.body.temporaryPassword },
    });
    expect(login.status).toBe(200);

    // The adviser changes the password: the old sessions end, the new password works, the old one no longer does.
    const token = login.body.accessToken;
    const weak = await http.request<ErrorBody>('POST', '/api/account/password', {
      token,
      body: { currentPassword: created.body.temporaryPassword, newPassword: 'short' },
    });
    expect(weak.status).toBe(400);
    const changed = await http.request('POST', '/api/account/password', {
      token,
      body: { currentPassword: created.body.temporaryPassword, newPassword: 'a-new-long-password' },
    });
    expect(changed.status).toBe(204);
    expect((await http.request('GET', '/api/auth/me', { token })).status).toBe(401);
    const old = await http.request('POST', '/api/auth/login', {
      body: { username, password: created.body.temporaryPassword },
    });
    expect(old.status).toBe(401);
    const fresh = await http.request('POST', '/api/auth/login', {
      body: { username, password: 'a-new-long-password' },
    });
    expect(fresh.status).toBe(200);
  });

  it('should move a drafter to another department, deactivate and reset with reasons, ending the sessions', async () => {
    const username = `drafter.${suffix}`;
    const created = await http.as<{ user: UserView }>('admin', 'POST', '/api/admin/users', {
      body: {
        username,
        displayName: '调动起草人',
        unitId: unit('JT-EDU').id,
        roles: ['DRAFTER'],
        password: 'initial-password-1',
        reason,
      },
    });
    const id = created.body.user.id;
    const login = async (password: string) =>
      http.request<{ accessToken: string }>('POST', '/api/auth/login', { body: { username, password } });
    const token = (await login('initial-password-1')).body.accessToken;

    const moved = await http.as<UserView>('admin', 'PATCH', `/api/admin/users/${id}`, {
      body: { unitId: unit('JT-MKT').id, reason: '调任市场监管局' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.unitCode).toBe('JT-MKT');
    const me = await http.request<{ unitCode: string }>('GET', '/api/auth/me', { token });
    expect(me.body.unitCode).toBe('JT-MKT');

    const deactivated = await http.as<UserView>('admin', 'POST', `/api/admin/users/${id}/deactivate`, {
      body: { reason: '离职' },
    });
    expect(deactivated.body.active).toBe(false);
    expect((await http.request('GET', '/api/auth/me', { token })).status).toBe(401);
    expect((await login('initial-password-1')).status).toBe(401);
    expect(await audit('account.user.deactivate', id)).toEqual([{ reason: '离职', actor_kind: 'OPERATOR' }]);

    await http.as('admin', 'POST', `/api/admin/users/${id}/activate`, { body: { reason: '返聘' } });
    const reset = await http.as<{ temporaryPassword: string }>(
      'admin',
      'POST',
      `/api/admin/users/${id}/reset-password`,
      {
        body: { reason: '忘记密码' },
      },
    );
    expect(reset.status).toBe(200);
    expect((await login('initial-password-1')).status).toBe(401);
    expect((await login(reset.body.temporaryPassword)).status).toBe(200);

    const noReason = await http.as<ErrorBody>('admin', 'POST', `/api/admin/users/${id}/deactivate`, { body: {} });
    expect(noReason.status).toBe(400);
    const unknown = await http.as<ErrorBody>('admin', 'PATCH', `/api/admin/users/${id}`, {
      body: { roles: ['KING'], reason },
    });
    expect(unknown.status).toBe(400);
  });

  it('should add a town and a street office under the district government, and refuse a cycle', async () => {
    const town = await http.as<UnitView>('admin', 'POST', '/api/admin/units', {
      body: {
        code: `JT-XB-${suffix.toUpperCase()}`,
        name: '金坛区薛埠镇人民政府',
        kind: 'TOWN',
        parentId: unit('JT-GOV').id,
        reason,
      },
    });
    expect(town.status).toBe(201);
    expect(town.body).toMatchObject({ kind: 'TOWN', parentId: unit('JT-GOV').id });
    const street = await http.as<UnitView>('admin', 'POST', '/api/admin/units', {
      body: {
        code: `JT-DC-${suffix.toUpperCase()}`,
        name: '金坛区东城街道办事处',
        kind: 'TOWN',
        parentId: town.body.id,
        reason,
      },
    });
    expect(street.status).toBe(201);
    const cycle = await http.as<ErrorBody>('admin', 'PATCH', `/api/admin/units/${town.body.id}`, {
      body: { parentId: street.body.id, reason },
    });
    expect(cycle.status).toBe(422);
    const taken = await http.as<ErrorBody>('admin', 'POST', '/api/admin/units', {
      body: { code: 'JT-EDU', name: 'x', kind: 'DEPARTMENT', reason },
    });
    expect(taken.status).toBe(422);
  });

  it('should import users from CSV and from XLSX, and refuse a whole file when one row is wrong', async () => {
    const csv = [
      'username,displayName,unitCode,roles,qualifications',
      `csv1.${suffix},导入一,JT-EDU,DRAFTER,`,
      `csv2.${suffix},导入二,JT-LAP,LEGAL_ADVISER,LEGAL_PROFESSION;PUBLIC_SECTOR_LAWYER`,
    ].join('\n');
    const ok = await http.as<{ created: { user: UserView; temporaryPassword: string }[] }>(
      'admin',
      'POST',
      '/api/admin/users/import',
      { body: { filename: 'users.csv', contentBase64: Buffer.from(csv).toString('base64'), reason } },
    );
    expect(ok.status).toBe(201);
    expect(ok.body.created.map((c) => c.user.username)).toEqual([`csv1.${suffix}`, `csv2.${suffix}`]);
    expect(ok.body.created[1].user.qualifications).toEqual(['LEGAL_PROFESSION', 'PUBLIC_SECTOR_LAWYER']);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('users');
    sheet.addRow(['username', 'displayName', 'unitCode', 'roles', 'password']);
    sheet.addRow([`xlsx1.${suffix}`, '表格导入', 'JT-MKT', 'DRAFTER', 'xlsx-password-1']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const fromXlsx = await http.as<{ created: { user: UserView }[] }>('admin', 'POST', '/api/admin/users/import', {
      body: { filename: 'users.xlsx', contentBase64: xlsx.toString('base64'), reason },
    });
    expect(fromXlsx.status).toBe(201);
    const signIn = await http.request('POST', '/api/auth/login', {
      body: { username: `xlsx1.${suffix}`, password: 'xlsx-password-1' },
    });
    expect(signIn.status).toBe(200);

    const before = await recordCounts(stack.db);
    const bad = [
      'username,displayName,unitCode,roles',
      `bad1.${suffix},好的一行,JT-EDU,DRAFTER`,
      `bad2.${suffix},没有的单位,JT-NOPE,DRAFTER`,
      `csv1.${suffix},已存在,JT-EDU,DRAFTER`,
    ].join('\n');
    const refused = await http.as<ErrorBody>('admin', 'POST', '/api/admin/users/import', {
      body: { filename: 'users.csv', contentBase64: Buffer.from(bad).toString('base64'), reason },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details?.problems?.map((p) => p.line)).toEqual([3, 4]);
    expect(await recordCounts(stack.db)).toEqual(before);
    const [{ n }] = await stack.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM app_user WHERE username = $1`, [
      `bad1.${suffix}`,
    ]);
    expect(n).toBe('0');
  });

  it('should refuse to deactivate or demote the last active administrator', async () => {
    const admins = (await http.as<UserView[]>('admin', 'GET', '/api/admin/users')).body.filter(
      (u) => u.active && u.roles.includes('SYSTEM_ADMIN'),
    );
    // Make a second administrator, then remove it: allowed while the demo admin stays.
    const second = await http.as<{ user: UserView }>('admin', 'POST', '/api/admin/users', {
      body: {
        username: `admin2.${suffix}`,
        displayName: '第二管理员',
        unitId: unit('JT-GOV').id,
        roles: ['SYSTEM_ADMIN'],
        password: 'second-admin-pw',
        reason,
      },
    });
    const demoted = await http.as<UserView>('admin', 'PATCH', `/api/admin/users/${second.body.user.id}`, {
      body: { roles: ['LEADER'], reason: '不再担任管理员' },
    });
    expect(demoted.status).toBe(200);
    expect(admins).toHaveLength(1);
    {
      const last = admins[0];
      const deactivate = await http.as<ErrorBody>('admin', 'POST', `/api/admin/users/${last.id}/deactivate`, {
        body: { reason: '试图停用最后一个管理员' },
      });
      expect(deactivate.status).toBe(422);
      expect(deactivate.body.message).toMatch(/last active administrator/);
      const demote = await http.as<ErrorBody>('admin', 'PATCH', `/api/admin/users/${last.id}`, {
        body: { roles: ['LEADER'], reason: '试图取消最后一个管理员' },
      });
      expect(demote.status).toBe(422);
      expect((await http.as('admin', 'GET', '/api/admin/users')).status).toBe(200);
    }
  });
});
