import { hashPassword } from '@lawgate/persistence';
import { CookieJar, authorizeAtProvider, readOutcome, step } from '../support/oidc-flow';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { startApi, uniqueTaskQueue, type AppProcess } from '../support/processes';
import { useStack } from '../support/stack';
import { uniqueSuffix } from '../support/test-env';

/**
 * Sign-in through a real OpenID Connect provider (`oidc-provider`, started by the test as a process of its own):
 * the authorization code flow with PKCE from LawGate's start endpoint, through the provider's login form, to
 * LawGate's callback, which maps the ID token's claim to a LawGate user and issues LawGate's own token.
 */
describe('OIDC sign-in (authorization code with PKCE) against a real provider', () => {
  const suffix = uniqueSuffix();
  const newcomer = `oidc.new.${suffix}`;
  const leaver = `oidc.leaver.${suffix}`;
  const mailLogin = `oidc.mail.${suffix}`;
  const mailAddress = `mail.${suffix}@example.gov.cn`;
  let provider: TestOidcProvider;
  const extraEnv: Record<string, string> = {};

  beforeAll(async () => {
    provider = await startOidcProvider({
      [newcomer]: { name: `新来的顾问${suffix}`, email: `${newcomer}@example.gov.cn` },
      [mailLogin]: { email: mailAddress },
      [`oidc.stranger.${suffix}`]: { email: `stranger.${suffix}@example.gov.cn` },
    });
    Object.assign(
      extraEnv,
      provider.env({
        OIDC_UNKNOWN_USERS: 'provision',
        OIDC_PROVISION_UNIT: 'JT-LAP',
        OIDC_PROVISION_ROLES: 'LEGAL_ADVISER',
      }),
    );
  });
  afterAll(() => provider?.stop());

  const stack = useStack('e2e-oidc', { withWorker: false, extraEnv });

  const start = async (jar: CookieJar, baseUrl: string, returnTo = '/inbox') => {
    const res = await step(jar, `${baseUrl}/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`);
    expect(res.status).toBe(303);
    return new URL(res.location as string);
  };

  const signIn = async (login: string, baseUrl = stack.http.baseUrl) => {
    const jar = new CookieJar();
    const authorization = await start(jar, baseUrl);
    const callback = await authorizeAtProvider(jar, authorization.toString(), login);
    const res = await step(jar, callback);
    expect(res.status).toBe(303);
    return readOutcome(res.location as string);
  };

  it('should say on the sign-in page that the provider is there', async () => {
    const res = await stack.http.request<{ enabled: boolean; label: string }>('GET', '/api/auth/oidc');
    expect(res.status).toBe(200);
    expect(res.body.enabled).toBe(true);
    expect(res.body.label).toContain('统一身份认证');
  });

  it('should send the browser to the provider with a PKCE S256 challenge, a state and a nonce', async () => {
    const url = await start(new CookieJar(), stack.http.baseUrl);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('client_id')).toBe(provider.clientId);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('redirect_uri')).toBe(`${stack.http.baseUrl}/api/auth/oidc/callback`);
    const [row] = await stack.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM oidc_sign_in WHERE state = $1`, [
      url.searchParams.get('state'),
    ]);
    expect(Number(row.n)).toBe(1);
  });

  it('should sign an existing LawGate user in by the preferred_username claim, with a token that signs out', async () => {
    const outcome = await signIn('officer.liu');
    expect(outcome.error).toBeUndefined();
    expect(outcome.returnTo).toBe('/inbox');
    const me = await stack.http.request<{ username: string; roles: string[] }>('GET', '/api/auth/me', {
      token: outcome.token,
    });
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('officer.liu');
    expect(me.body.roles).toContain('LEGAL_AFFAIRS_OFFICER');
    expect((await stack.http.request('POST', '/api/auth/logout', { token: outcome.token })).status).toBe(204);
    expect((await stack.http.request('GET', '/api/auth/me', { token: outcome.token })).status).toBe(401);
  });

  it('should finish a sign-in once: the same callback again is a 400 and changes nothing', async () => {
    const jar = new CookieJar();
    const callback = await authorizeAtProvider(jar, (await start(jar, stack.http.baseUrl)).toString(), 'officer.liu');
    expect((await step(jar, callback)).status).toBe(303);
    const again = await fetch(callback, { redirect: 'manual' });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { code: string }).code).toBe('VALIDATION_FAILED');
  });

  it("should refuse a code with another sign-in's state: the verifier does not match the challenge", async () => {
    const jar = new CookieJar();
    const first = await start(jar, stack.http.baseUrl);
    const second = await start(jar, stack.http.baseUrl);
    const callback = new URL(await authorizeAtProvider(jar, first.toString(), 'officer.liu'));
    callback.searchParams.set('state', second.searchParams.get('state') as string);
    const res = await step(jar, callback.toString());
    expect(res.status).toBe(303);
    const outcome = readOutcome(res.location as string);
    expect(outcome).toMatchObject({ error: 'provider-error' });
    expect(outcome.token).toBeUndefined();
  });

  it('should give a person the provider knows an account on the first sign-in, audited, and the same one after', async () => {
    const first = await signIn(newcomer);
    expect(first.token).toBeTruthy();
    const me = await stack.http.request<{ username: string; roles: string[]; unitCode: string; displayName: string }>(
      'GET',
      '/api/auth/me',
      { token: first.token },
    );
    expect(me.body).toMatchObject({
      username: newcomer,
      roles: ['LEGAL_ADVISER'],
      unitCode: 'JT-LAP',
      displayName: `新来的顾问${suffix}`,
    });
    const second = await signIn(newcomer);
    expect(second.token).toBeTruthy();
    const users = await stack.db.query<{ email: string; password_hash: string | null }[]>(
      `SELECT email, password_hash FROM app_user WHERE username = $1`,
      [newcomer],
    );
    expect(users).toEqual([{ email: `${newcomer}@example.gov.cn`, password_hash: null }]);
    const audit = await stack.db.query<{ actor_kind: string; reason: string }[]>(
      `SELECT actor_kind, reason FROM audit_entry WHERE action = 'account.user.provision' AND details->>'username' = $1`,
      [newcomer],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_kind).toBe('SYSTEM');
    // An account made this way has no password: the local sign-in refuses it.
    const local = await stack.http.request('POST', '/api/auth/login', { body: { username: newcomer, password: 'x' } });
    expect(local.status).toBe(401);
  });

  it('should refuse a deactivated account', async () => {
    const [unit] = await stack.db.query<{ id: string }[]>(`SELECT id FROM org_unit WHERE code = 'JT-EDU'`);
    await stack.db.query(
      `INSERT INTO app_user (username, display_name, password_hash, org_unit_id, roles, active)
       VALUES ($1, '离职人员', $2, $3, ARRAY['DRAFTER'], false)`,
      [leaver, await hashPassword('a-password-for-this-test'), unit.id],
    );
    const outcome = await signIn(leaver);
    expect(outcome).toMatchObject({ error: 'inactive' });
    expect(outcome.token).toBeUndefined();
    expect(new URL(outcome.location).pathname).toBe('/login');
  });

  it('should refuse a start that would return to another site, and a callback without a state', async () => {
    const bad = await stack.http.request<{ code: string }>('GET', '/api/auth/oidc/login?returnTo=//evil.example');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const noState = await stack.http.request<{ code: string }>('GET', '/api/auth/oidc/callback?code=abc');
    expect(noState.status).toBe(400);
    const unknown = await stack.http.request<{ code: string }>('GET', '/api/auth/oidc/callback?code=abc&state=nope');
    expect(unknown.status).toBe(400);
  });

  describe('with OIDC_UNKNOWN_USERS=refuse (the default) and the match on e-mail addresses', () => {
    let api: AppProcess;
    let baseUrl: string;
    const stranger = `oidc.stranger.${suffix}`;
    const byMail = `oidc.bymail.${suffix}`;

    beforeAll(async () => {
      const started = await startApi({
        taskQueue: uniqueTaskQueue('e2e-oidc-refuse'),
        extraEnv: provider.env({ OIDC_USER_CLAIM: 'email', OIDC_USER_FIELD: 'email' }),
      });
      api = started.api;
      baseUrl = started.baseUrl;
    }, 120000);
    afterAll(() => api?.stop());

    it('should refuse a person without a LawGate account and create none', async () => {
      const outcome = await signIn(stranger, baseUrl);
      expect(outcome).toMatchObject({ error: 'unknown-user' });
      expect(outcome.token).toBeUndefined();
      const [row] = await stack.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM app_user WHERE username = $1`, [
        stranger,
      ]);
      expect(Number(row.n)).toBe(0);
    });

    it('should find the account by its e-mail address, and refuse an address no account has', async () => {
      const [unit] = await stack.db.query<{ id: string }[]>(`SELECT id FROM org_unit WHERE code = 'JT-EDU'`);
      await stack.db.query(
        `INSERT INTO app_user (username, display_name, password_hash, org_unit_id, roles, email)
         VALUES ($1, '按邮箱登录', NULL, $2, ARRAY['DRAFTER'], $3)`,
        [byMail, unit.id, mailAddress.toUpperCase()],
      );
      // The provider's account carries that address in lower case.
      const outcome = await signIn(mailLogin, baseUrl);
      expect(outcome.error).toBeUndefined();
      const me = await fetch(`${baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${outcome.token}` } });
      expect(((await me.json()) as { username: string }).username).toBe(byMail);
      await stack.db.query(`UPDATE app_user SET email = NULL WHERE username = $1`, [byMail]);
      expect(await signIn(mailLogin, baseUrl)).toMatchObject({ error: 'unknown-user' });
    });
  });
});
