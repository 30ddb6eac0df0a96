import { createHmac } from 'node:crypto';
import { ACCESS_TABLE, accessOf, entryCovering } from '../../apps/api/src/access/access-table';
import { ALL_ROLES, type Role } from '@lawgate/domain';
import { absentValueFor, fillPath, operationsOf, USER_OF_ROLE, type OpenApiDocument } from '../support/openapi';
import { useStack } from '../support/stack';

const SECRET = 'access-matrix-secret-0123456789';

function b64url(value: object | string): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}
function jwt(header: object, claims: object, secret: string | null): string {
  const head = `${b64url(header)}.${b64url(claims)}`;
  const signature = secret === null ? '' : createHmac('sha256', secret).update(head).digest('base64url');
  return `${head}.${signature}`;
}

/**
 * The access matrix: every operation of the live OpenAPI document, called with no token, with forged tokens and as
 * each role, must admit exactly whom the access table says. The requests name nothing that exists and carry an
 * invalid body, so an admitted call ends in a 4xx of validation or absence and nothing changes.
 */
describe('access matrix: every operation × every role, no token and forged tokens', () => {
  const stack = useStack('access-matrix', { withWorker: false, extraEnv: { JWT_SECRET: SECRET } });

  it('should admit exactly whom the access table names', async () => {
    const doc = (await stack.http.request<OpenApiDocument>('GET', '/api/openapi.json')).body;
    const operations = operationsOf(doc);
    const documented = new Set(operations.flatMap((o) => [o.key, entryCovering(o.key) ?? o.key]));
    // The table and the document list the same operations (the metrics endpoint is outside the API document).
    expect(operations.map((o) => o.key).filter((k) => !accessOf(k))).toEqual([]);
    expect(Object.keys(ACCESS_TABLE).filter((k) => !documented.has(k) && k !== 'GET /metrics')).toEqual([]);

    const admin = (
      await stack.http.request<{ user: { userId: string } }>('POST', '/api/auth/login', {
        body: { username: 'admin', password: 'lawgate-demo' },
      })
    ).body.user.userId;
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: admin, username: 'admin', iss: 'lawgate', aud: 'lawgate-api', iat: now, exp: now + 600 };
    const forged: Record<string, string> = {
      'not a JWT': 'abc.def.ghi',
      'signed with another secret': jwt({ alg: 'HS256', typ: 'JWT' }, claims, 'another-secret-0123456789abcdef'),
      'alg none': jwt({ alg: 'none', typ: 'JWT' }, claims, null),
      expired: jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now - 7200, exp: now - 3600 }, SECRET),
      'another audience': jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, aud: 'someone-else' }, SECRET),
      'unknown user': jwt(
        { alg: 'HS256', typ: 'JWT' },
        { ...claims, sub: '00000000-0000-4000-8000-000000000000' },
        SECRET,
      ),
    };
    const tokens = Object.fromEntries(
      await Promise.all(ALL_ROLES.map(async (r) => [r, await stack.http.tokenFor(USER_OF_ROLE[r])] as const)),
    ) as Record<Role, string>;

    const mismatches: string[] = [];
    let calls = 0;
    for (const op of operations) {
      const access = accessOf(op.key)!;
      const path = fillPath(op.path, Object.fromEntries(op.pathParams.map((p) => [p.name, absentValueFor(p)])));
      const query = op.queryParams.filter((q) => q.required).map((q) => `${q.name}=x`);
      const url = query.length ? `${path}?${query.join('&')}` : path;
      const send = async (token?: string) => {
        calls += 1;
        return stack.http.request<{ code?: string; details?: { requiredRoles?: string[] } }>(op.method, url, {
          token,
          ...(op.method === 'GET'
            ? {}
            : { rawBody: '{"zz_unknown":1}', headers: { 'content-type': 'application/json' } }),
        });
      };
      const check = (
        who: string,
        status: number,
        body: { details?: { requiredRoles?: string[] } },
        admitted: boolean,
      ) => {
        const refusedByGuard = status === 401 || (status === 403 && Array.isArray(body.details?.requiredRoles));
        if (status >= 500) mismatches.push(`${op.key} as ${who}: ${status}`);
        else if (admitted === refusedByGuard) {
          mismatches.push(`${op.key} as ${who}: ${status}, table says ${admitted ? 'admitted' : 'refused'}`);
        }
      };
      const anonymous = await send();
      check('no token', anonymous.status, anonymous.body, access === 'public');
      if (access !== 'public' && anonymous.status !== 401) {
        mismatches.push(`${op.key} without token: ${anonymous.status}`);
      }
      for (const [label, token] of Object.entries(forged)) {
        const res = await send(token);
        check(`forged token (${label})`, res.status, res.body, access === 'public');
        if (access !== 'public' && res.status !== 401) mismatches.push(`${op.key} with ${label}: ${res.status}`);
      }
      // A sign-out ends the token it is sent with (everywhere: every token of that user); sign in again after it.
      const endsSessions = op.key.startsWith('POST /api/auth/logout');
      for (const role of ALL_ROLES) {
        const res = await send(tokens[role]);
        if (endsSessions) tokens[role] = await stack.http.freshTokenFor(USER_OF_ROLE[role]);
        const admitted = access === 'public' || access.includes(role);
        check(role, res.status, res.body, admitted);
        if (!admitted && res.status !== 403) mismatches.push(`${op.key} as ${role}: ${res.status}, expected 403`);
      }
    }
    process.stderr.write(`access matrix: ${operations.length} operations, ${calls} calls\n`);
    expect(mismatches).toEqual([]);
    expect(calls).toBe(operations.length * (1 + Object.keys(forged).length + ALL_ROLES.length));
  }, 600_000);
});
