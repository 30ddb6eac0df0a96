import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { hashPassword } from '@lawgate/persistence';
import type { ApiClient } from '../support/http';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';

const SECRET = 'sessions-test-secret-0123456789abcdef';

/**
 * Sign-out and token validity against the API as a real process. Uses an account of its own, so that signing it out
 * everywhere never touches the demo users other test files sign in as.
 */
describe('sessions: sign-out, revocation and token expiry', () => {
  let http: ApiClient;
  const stack = useStack('e2e-sessions', { withWorker: false, extraEnv: { JWT_SECRET: SECRET } });
  const username = `session.${uniqueSuffix()}`;
  const password = 'a-password-for-this-test';
  let userId: string;

  beforeAll(async () => {
    http = stack.http;
    const [unit] = await stack.db.query<{ id: string }[]>(`SELECT id FROM org_unit WHERE code = 'JT-EDU'`);
    const [row] = await stack.db.query<{ id: string }[]>(
      `INSERT INTO app_user (username, display_name, password_hash, org_unit_id, roles)
       VALUES ($1, '会话测试', $2, $3, ARRAY['DRAFTER']) RETURNING id`,
      [username, await hashPassword(password), unit.id],
    );
    userId = row.id;
  });

  const login = async (): Promise<string> => {
    const res = await http.request<{ accessToken: string }>('POST', '/api/auth/login', {
      body: { username, password },
    });
    expect(res.status).toBe(200);
    return res.body.accessToken;
  };
  const me = async (token: string): Promise<number> => (await http.request('GET', '/api/auth/me', { token })).status;

  it('should refuse a token once its session signed out, and keep the other sessions', async () => {
    const first = await login();
    const second = await login();
    expect(await me(first)).toBe(200);
    expect((await http.request('POST', '/api/auth/logout', { token: first })).status).toBe(204);
    expect(await me(first)).toBe(401);
    expect(await me(second)).toBe(200);
    const [revoked] = await stack.db.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM revoked_token WHERE user_id = $1 AND expires_at > now()`,
      [userId],
    );
    expect(Number(revoked.n)).toBe(1);
  });

  it('should sign out every session at once, and let the user sign in again afterwards', async () => {
    const first = await login();
    const second = await login();
    expect((await http.request('POST', '/api/auth/logout-everywhere', { token: first })).status).toBe(204);
    expect(await me(first)).toBe(401);
    expect(await me(second)).toBe(401);
    expect(await me(await login())).toBe(200);
  });

  it('should refuse a correctly signed token that has no expiry, no id or no session generation', async () => {
    const [{ session_generation: gen }] = await stack.db.query<{ session_generation: number }[]>(
      `SELECT session_generation FROM app_user WHERE id = $1`,
      [userId],
    );
    const base = { sub: userId, username, jti: randomUUID(), gen };
    const options = { issuer: 'lawgate', audience: 'lawgate-api', algorithm: 'HS256' as const, secret: SECRET };
    const jwt = {
      sign: (claims: object, secret: string, o: object) => new JwtService().sign(claims, { ...o, secret }),
    };
    // The same claims with an expiry are admitted: the refusals below are for the missing claim alone.
    expect(await me(jwt.sign(base, SECRET, { ...options, expiresIn: 600 }))).toBe(200);
    expect(await me(jwt.sign(base, SECRET, options))).toBe(401);
    const noId = { sub: base.sub, username, gen };
    expect(await me(jwt.sign(noId, SECRET, { ...options, expiresIn: 600 }))).toBe(401);
    const noGeneration = { sub: base.sub, username, jti: randomUUID() };
    expect(await me(jwt.sign(noGeneration, SECRET, { ...options, expiresIn: 600 }))).toBe(401);
    // Signed with the development default published in the source: refused by an installation with its own secret.
    expect(await me(jwt.sign(base, 'lawgate-development-secret-change-me', { ...options, expiresIn: 600 }))).toBe(401);
  });

  it('should answer a sign-out without a token with 401 and change nothing', async () => {
    const res = await http.request<{ code: string }>('POST', '/api/auth/logout');
    expect(res.status).toBe(401);
    expect(res.body.code).toBeDefined();
  });
});
