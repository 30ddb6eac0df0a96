import { DEMO_PASSWORD } from '@lawgate/persistence';
import type { ApiClient } from './http';
import { uniqueSuffix } from './test-env';

/**
 * An account of a file's own, made as an administrator makes one (`POST /api/admin/users`), whose holder then sets the
 * demo password with the temporary one, so that `http.as(username, …)` signs it in like a seeded user.
 */
export async function createAccount(
  http: ApiClient,
  account: { prefix: string; displayName: string; unitCode: string; roles: string[] },
): Promise<string> {
  const units = await http.as<{ id: string; code: string }[]>('admin', 'GET', '/api/admin/units');
  const unit = units.body.find((u) => u.code === account.unitCode);
  if (!unit) throw new Error(`no unit ${account.unitCode}`);
  const username = `${account.prefix}.${uniqueSuffix().replace(/[^a-z0-9]/g, '')}`;
  const created = await http.as<{ temporaryPassword: string }>('admin', 'POST', '/api/admin/users', {
    body: { username, displayName: account.displayName, unitId: unit.id, roles: account.roles, reason: '测试账号' },
  });
  if (created.status !== 201) throw new Error(`account ${username}: ${created.status} ${JSON.stringify(created.body)}`);
  const login = await http.request<{ accessToken: string }>('POST', '/api/auth/login', {
    body: { username, password: created.body.temporaryPassword },
  });
  const changed = await http.request('POST', '/api/account/password', {
    token: login.body.accessToken,
    body: { currentPassword: created.body.temporaryPassword, newPassword: DEMO_PASSWORD },
  });
  if (changed.status !== 204) throw new Error(`password of ${username}: ${changed.status}`);
  return username;
}
