import { randomUUID } from 'node:crypto';
import { hashPassword } from '@lawgate/persistence';
import { changedTables, snapshotTables } from '../support/db-snapshot';
import { ApiClient } from '../support/http';
import { procedureSteps } from '../support/procedure-steps';
import { RawConnection } from '../support/raw-http';
import { startApi, type AppProcess } from '../support/processes';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';

interface ErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

const deep = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
const JSON_TYPE = { 'content-type': 'application/json' };
const SIGN_IN_LIMITS = { SIGN_IN_MAX_FAILURES: '10', SIGN_IN_LOCKOUT_MINUTES: '15', SIGN_IN_FAILURES_PER_ADDRESS: '5' };

/**
 * Regression tests for each 500 a hostile client once provoked, the sign-in throttle and lockout, the rate limit
 * shared by API replicas, and the security headers.
 */
describe('hostile input, sign-in throttling and security headers', () => {
  const stack = useStack('hostile-input', {
    extraEnv: { API_TRUST_PROXY: 'true', API_RATE_LIMIT_PER_MINUTE: '10000', ...SIGN_IN_LIMITS },
  });
  // A different client address for every use (the throttle counts per address in the run's shared database).
  let lastAddress = Math.floor(Math.random() * 60000);
  const address = () => {
    lastAddress += 1;
    return `198.18.${(lastAddress >> 8) & 255}.${lastAddress & 255}`;
  };
  let admin: string;
  beforeAll(async () => {
    admin = await stack.http.tokenFor('admin');
  });

  /** Sends a request that must be refused with a 4xx in the error shape, and shows that no table changed. */
  async function refused(
    method: string,
    path: string,
    options: { token?: string; rawBody?: string; headers?: Record<string, string> },
    status = 400,
  ): Promise<ErrorBody> {
    const before = await snapshotTables(stack.db);
    const res = await stack.http.request<ErrorBody>(method, path, options);
    expect({ path, status: res.status }).toEqual({ path, status });
    expect(res.body).toEqual({ code: expect.any(String), message: expect.any(String), details: expect.any(Object) });
    expect(changedTables(before, await snapshotTables(stack.db))).toEqual([]);
    return res.body;
  }

  describe('each request that once got a 500', () => {
    it('refuses JSON nested 5,000 levels deep, on the anonymous login and on a signed-in endpoint', async () => {
      const body = await refused('POST', '/api/auth/login', { rawBody: deep(5000), headers: JSON_TYPE });
      expect(body.message).toBe('The body nests deeper than 32 levels.');
      const drafter = await stack.http.tokenFor('drafter.edu');
      await refused('POST', '/api/procedures/normative-documents', {
        token: drafter,
        rawBody: deep(5000),
        headers: JSON_TYPE,
      });
    });

    it('refuses a NUL character in the login, a public comment, the register search and the filters', async () => {
      const nul = JSON.stringify({ username: 'admin\u0000', password: 'x' });
      expect((await refused('POST', '/api/auth/login', { rawBody: nul, headers: JSON_TYPE })).message).toMatch(/NUL/);
      await refused('POST', '/api/auth/login', {
        rawBody: '{"username":"a\u0000","password":"x"}',
        headers: JSON_TYPE,
      });
      await refused('POST', `/api/public/comment-windows/${randomUUID()}/comments`, {
        rawBody: JSON.stringify({ content: '意见\u0000内容' }),
        headers: JSON_TYPE,
      });
      await refused('GET', '/api/public/register?q=a%00b', {});
      const officer = await stack.http.tokenFor('officer.zhang');
      await refused('GET', '/api/procedures?stage=%00', { token: officer });
      await refused('GET', '/api/tasks/inbox?stage=DRAFTING%00', { token: officer });
      await refused('GET', '/api/public/register?q=%FF%FE', {});
    });

    it('refuses out-of-range dates in queries and years that overflow in paths', async () => {
      const body = await refused('GET', '/api/public/register?from=2026-13-45', {});
      expect(body.details).toEqual({ fields: { from: expect.any(Array) } });
      await refused('GET', '/api/public/register?to=2026-02-30', {});
      await refused('GET', '/api/public/catalog/99999999999999999999', {});
      await refused('GET', '/api/admin/catalog/99999999999999999999/progress', {
        token: await stack.http.tokenFor('officer.zhang'),
      });
      await refused('GET', '/api/calendar/years/99999999999999999999', { token: admin });
    });

    it('refuses a deadline from a date that does not exist or for an amount of 0, instead of rolling over', async () => {
      const q = (from: string, amount: number) =>
        `/api/calendar/deadline?from=${from}&amount=${amount}&unit=CALENDAR_DAYS`;
      await refused('GET', q('2026-02-30', 5), { token: admin });
      await refused('GET', q('2026-03-01', 0), { token: admin });
      expect((await stack.http.request('GET', q('2026-03-01', 5), { token: admin })).status).toBe(200);
    });

    it('refuses a normative start without its application object, starting nothing', async () => {
      const drafter = await stack.http.tokenFor('drafter.edu');
      const body = await refused('POST', '/api/procedures/normative-documents', {
        token: drafter,
        rawBody: JSON.stringify({ projectCode: uniqueSuffix(), title: '金坛区某管理办法' }),
        headers: JSON_TYPE,
      });
      expect(Object.keys((body.details as { fields: object }).fields)).toContain('application');
    });

    it('refuses a JSON null body, which once closed a comment window', async () => {
      const drafter = await stack.http.tokenFor('drafter.edu');
      const body = await refused('POST', `/api/procedures/${randomUUID()}/steps/close-comment-window`, {
        token: drafter,
        rawBody: 'null',
        headers: JSON_TYPE,
      });
      expect(body.message).toBe('The body must be a JSON object.');
    });
  });

  describe('a body too large to read', () => {
    it('is refused with a 413 its client hears after sending the whole body, on a connection that stays open', async () => {
      // Answered before the body is sent: the server must not close the connection under a client still sending
      // (a reset there gave the client a write error, EPIPE, instead of the 413; seen in the bad-input corpus).
      const body = JSON.stringify({ a: 'x'.repeat(2 * 1024 * 1024) });
      const connection = await RawConnection.open(stack.http.baseUrl);
      try {
        await connection.write(
          `POST /api/auth/login HTTP/1.1\r\nHost: lawgate\r\nContent-Type: application/json\r\n` +
            `Content-Length: ${Buffer.byteLength(body)}\r\nX-Forwarded-For: ${address()}\r\n\r\n`,
        );
        const refusal = await connection.read();
        expect(refusal.status).toBe(413);
        expect(JSON.parse(refusal.body)).toEqual({
          code: expect.any(String),
          message: expect.any(String),
          details: expect.any(Object),
        });
        expect(refusal.headers.connection ?? 'keep-alive').not.toMatch(/close/i);
        await connection.write(body);
        await connection.write(`GET /api/health/live HTTP/1.1\r\nHost: lawgate\r\n\r\n`);
        expect((await connection.read()).status).toBe(200);
      } finally {
        connection.close();
      }
    });
  });

  describe('sign-in throttling', () => {
    const username = `lockout.${uniqueSuffix()}`;
    const password = 'right-password-123';
    beforeAll(async () => {
      const [unit] = await stack.db.query<{ org_unit_id: string }[]>(
        `SELECT org_unit_id FROM app_user WHERE username = 'drafter.edu'`,
      );
      await stack.db.query(
        `INSERT INTO app_user (username, display_name, password_hash, roles, org_unit_id, active)
         VALUES ($1, '锁定测试', $2, '{DRAFTER}', $3, true)`,
        [username, await hashPassword(password), unit.org_unit_id],
      );
    });
    const login = (pw: string, from: string) =>
      stack.http.request<ErrorBody & { accessToken?: string }>('POST', '/api/auth/login', {
        body: { username, password: pw },
        headers: { 'x-forwarded-for': from },
      });

    it('locks an account after 10 wrong passwords, records it, and lets the right one in only after an administrator unlocks it', async () => {
      // Each wrong password from another address, so that only the per-account count applies.
      for (let i = 0; i < 10; i += 1) expect((await login(`wrong-${i}`, address())).status).toBe(401);
      const locked = await login(password, address());
      expect(locked.status).toBe(429);
      expect(locked.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(locked.body.message).toMatch(/locked after 10 wrong passwords/);
      const [entry] = await stack.db.query<{ actor_kind: string; details: { username: string } }[]>(
        `SELECT actor_kind, details FROM audit_entry WHERE action = 'sign-in.locked' AND details->>'username' = $1`,
        [username],
      );
      expect(entry).toMatchObject({ actor_kind: 'SYSTEM', details: { username } });

      const listed = await stack.http.request<{ username: string; lockedUntil: string | null }[]>(
        'GET',
        '/api/admin/sign-in-lockouts',
        { token: admin },
      );
      expect(listed.body.find((l) => l.username === username)?.lockedUntil).toEqual(expect.any(String));
      const drafter = await stack.http.tokenFor('drafter.edu');
      const notAdmin = await stack.http.request('POST', `/api/admin/sign-in-lockouts/${username}/unlock`, {
        token: drafter,
        body: { reason: '试图自行解锁' },
      });
      expect(notAdmin.status).toBe(403);
      expect((await login(password, address())).status).toBe(429);

      const unlock = await stack.http.request('POST', `/api/admin/sign-in-lockouts/${username}/unlock`, {
        token: admin,
        body: { reason: '本人来电核实身份' },
      });
      expect(unlock.status).toBe(200);
      const [unlocked] = await stack.db.query<{ actor_kind: string; reason: string }[]>(
        `SELECT actor_kind, reason FROM audit_entry WHERE action = 'sign-in.unlocked' AND details->>'username' = $1`,
        [username],
      );
      expect(unlocked).toEqual({ actor_kind: 'USER', reason: '本人来电核实身份' });
      const ok = await login(password, address());
      expect(ok.status).toBe(200);
      expect(ok.body.accessToken).toEqual(expect.any(String));
    });

    it('throttles one address after 5 failed sign-ins over any accounts, and not the others', async () => {
      const from = address();
      for (let i = 0; i < 5; i += 1) {
        const res = await stack.http.request('POST', '/api/auth/login', {
          body: { username: `nobody-${i}-${uniqueSuffix()}`, password: 'guess' },
          headers: { 'x-forwarded-for': from },
        });
        expect(res.status).toBe(401);
      }
      const throttled = await login(password, from);
      expect(throttled.status).toBe(429);
      expect(throttled.body.message).toMatch(/failed sign-ins from your address/);
      let other = address();
      while (other === from) other = address();
      expect((await login(password, other)).status).toBe(200);
    });
  });

  describe('the request rate limit, shared by API replicas', () => {
    let second: AppProcess | undefined;
    afterAll(async () => {
      await second?.stop();
    });

    it('counts one client over two API processes against one limit', async () => {
      const env = { API_TRUST_PROXY: 'true', API_RATE_LIMIT_PER_MINUTE: '10' };
      const a = await startApi({ taskQueue: stack.taskQueue, extraEnv: env });
      const b = await startApi({ taskQueue: stack.taskQueue, extraEnv: env });
      second = b.api;
      try {
        // Addresses of their own (the sign-in tests use 203.0.113.x), so that this count starts at 0.
        const from = '192.0.2.10';
        const statuses: number[] = [];
        for (let i = 0; i < 7; i += 1) {
          for (const base of [a.baseUrl, b.baseUrl]) {
            const res = await new ApiClient(base).request('GET', '/api/public/comment-windows', {
              headers: { 'x-forwarded-for': from },
            });
            statuses.push(res.status);
          }
        }
        // 14 requests, 7 to each replica: each alone is under 10, together they pass it.
        expect(statuses.filter((s) => s === 200)).toHaveLength(10);
        expect(statuses.slice(10)).toEqual([429, 429, 429, 429]);
        const refused = await new ApiClient(a.baseUrl).request<ErrorBody>('GET', '/api/public/comment-windows', {
          headers: { 'x-forwarded-for': from },
        });
        expect(refused.status).toBe(429);
        expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(refused.body).toEqual({ code: 'TOO_MANY_REQUESTS', message: expect.any(String), details: {} });
        // Another client is not affected.
        expect(
          (
            await new ApiClient(b.baseUrl).request('GET', '/api/public/comment-windows', {
              headers: { 'x-forwarded-for': '192.0.2.20' },
            })
          ).status,
        ).toBe(200);
      } finally {
        await a.api.stop();
      }
    });
  });

  describe('security headers', () => {
    function expectSecurityHeaders(headers: Headers, where: string): void {
      const csp = headers.get('content-security-policy') ?? '';
      expect({ where, csp }).toEqual({ where, csp: expect.stringContaining("frame-ancestors 'none'") });
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'self'");
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('same-origin');
      expect(headers.get('x-frame-options')).toBe('DENY');
    }

    it('sends them on the web app, the API docs, the API and a document download', async () => {
      const page = await fetch(`${stack.http.baseUrl}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expectSecurityHeaders(page.headers, '/');
      const docs = await fetch(`${stack.http.baseUrl}/api/docs`);
      expect(docs.status).toBe(200);
      expectSecurityHeaders(docs.headers, '/api/docs');
      const api = await stack.http.request('GET', '/api/health/live');
      expectSecurityHeaders(api.headers, '/api/health/live');
      const refusal = await stack.http.request('GET', '/api/procedures');
      expect(refusal.status).toBe(401);
      expectSecurityHeaders(refusal.headers, '401 from /api/procedures');

      const steps = procedureSteps(stack);
      const id = await steps.approved('安全响应头测试办法');
      const uploaded = await steps.upload(id, 'DRAFT', '第一条 为规范管理，制定本办法。\n');
      const versionId = (uploaded as { documents?: Record<string, { versionId: string }> }).documents!.DRAFT.versionId;
      const download = await stack.http.as<string>(
        'drafter.edu',
        'GET',
        `/api/documents/versions/${versionId}/content`,
      );
      expect(download.status).toBe(200);
      expectSecurityHeaders(download.headers, 'document download');
    });
  });
});
