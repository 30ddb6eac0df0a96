import { ConfigError, isKnownConfigVar, loadConfig } from './config';

describe(loadConfig.name, () => {
  it('should give working development defaults', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/lawgate');
    expect(config.API_PORT).toBe(3000);
    expect(config.TEMPORAL_REGISTER_SEARCH_ATTRIBUTES).toBe(true);
    expect(config.TEMPORAL_API_KEY).toBeUndefined();
  });

  it('should parse typed values', () => {
    const config = loadConfig({ API_PORT: '8080', DATABASE_SSL: 'true', TEMPORAL_ADDRESS: 'temporal:7233' });
    expect(config).toMatchObject({ API_PORT: 8080, DATABASE_SSL: true, TEMPORAL_ADDRESS: 'temporal:7233' });
  });

  it('should list every invalid variable at once, saying what is expected', () => {
    let error: unknown;
    try {
      loadConfig({ API_PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', TEMPORAL_ADDRESS: 'no-port' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/API_PORT must be an integer between 0 and 65535/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL must start with postgres: or postgresql:/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL must be one of/);
    expect(problems.join('\n')).toMatch(/TEMPORAL_ADDRESS must be host:port/);
  });

  it('should demand real secrets and a database in production, where development defaults are unsafe', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL is required in production/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required in production/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/TEMPORAL_PAYLOAD_KEYS is required in production/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/LAWGATE_SIGNING_KEY_FILE is required in production/);
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://lawgate@db:5432/lawgate',
      JWT_SECRET: 'x'.repeat(40),
      TEMPORAL_PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
      LAWGATE_SIGNING_KEY_FILE: '/run/secrets/lawgate-signing-key',
    });
    expect(config.NODE_ENV).toBe('production');
  });

  it('should require in production only what the process itself reads', () => {
    const worker = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://lawgate@db:5432/lawgate',
      TEMPORAL_PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
      LAWGATE_SIGNING_KEY_FILE: '/run/secrets/lawgate-signing-key',
    };
    expect(loadConfig(worker, 'worker').JWT_SECRET).toBe('lawgate-development-secret-change-me');
    expect(() => loadConfig(worker, 'api')).toThrow(/JWT_SECRET is required in production/);
  });

  it('should refuse payload keys that are not 32-byte base64 keys with unique ids', () => {
    const key = Buffer.alloc(32, 2).toString('base64');
    expect(() => loadConfig({ TEMPORAL_PAYLOAD_KEYS: 'k1:c2hvcnQ=' })).toThrow(/must be 32 bytes/);
    expect(() => loadConfig({ TEMPORAL_PAYLOAD_KEYS: `k1:${key},k1:${key}` })).toThrow(/unique/);
    expect(loadConfig({ TEMPORAL_PAYLOAD_KEYS: `k2:${key}, k1:${key}` }).TEMPORAL_PAYLOAD_PLAINTEXT).toBe('refuse');
  });

  it('should run demonstration periods only where configuration explicitly allows them, never in production', () => {
    expect(() => loadConfig({ PROCEDURE_PERIODS: 'demo' })).toThrow(/PROCEDURE_DEMO_POLICY_ALLOWED=true/);
    const allowed = loadConfig({ PROCEDURE_PERIODS: 'demo', PROCEDURE_DEMO_POLICY_ALLOWED: 'true' });
    expect(allowed).toMatchObject({ PROCEDURE_PERIODS: 'demo', PROCEDURE_DEMO_POLICY_ALLOWED: true });
    expect(loadConfig({}).PROCEDURE_DEMO_POLICY_ALLOWED).toBe(false);
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://lawgate@db:5432/lawgate',
      TEMPORAL_PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
      LAWGATE_SIGNING_KEY_FILE: '/run/secrets/lawgate-signing-key',
    };
    expect(() => loadConfig({ ...production, PROCEDURE_DEMO_POLICY_ALLOWED: 'true' }, 'worker')).toThrow(
      /PROCEDURE_DEMO_POLICY_ALLOWED=true allows periods of seconds and is refused in production/,
    );
  });

  it('should know its own variables and no others', () => {
    expect(isKnownConfigVar('DATABASE_URL')).toBe(true);
    expect(isKnownConfigVar('DATABASE_PASSWORD')).toBe(false);
    expect(isKnownConfigVar('toString')).toBe(false);
  });

  it('should check the OIDC settings together: a client id, a unit to provision into, https in production', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://id.example.gov.cn' })).toThrow(/OIDC_CLIENT_ID is required/);
    expect(() =>
      loadConfig({
        OIDC_ISSUER: 'https://id.example.gov.cn',
        OIDC_CLIENT_ID: 'lawgate',
        OIDC_UNKNOWN_USERS: 'provision',
      }),
    ).toThrow(/OIDC_PROVISION_UNIT is required/);
    expect(() => loadConfig({ OIDC_PROVISION_ROLES: 'DRAFTER,KING' })).toThrow(/unknown roles KING/);
    expect(() => loadConfig({ OIDC_SCOPES: 'profile email' })).toThrow(/must include openid/);
    const production = {
      NODE_ENV: 'production',
      OIDC_ISSUER: 'http://id.example.gov.cn',
      OIDC_CLIENT_ID: 'lawgate',
    };
    expect(() => loadConfig(production, 'api')).toThrow(/OIDC_ISSUER must be an https URL in production/);
    const config = loadConfig({
      OIDC_ISSUER: 'http://127.0.0.1:4000',
      OIDC_CLIENT_ID: 'lawgate',
      OIDC_PROVISION_ROLES: 'DRAFTER, LEGAL_ADVISER',
    });
    expect(config).toMatchObject({
      OIDC_USER_CLAIM: 'preferred_username',
      OIDC_USER_FIELD: 'username',
      OIDC_UNKNOWN_USERS: 'refuse',
      OIDC_PROVISION_ROLES: ['DRAFTER', 'LEGAL_ADVISER'],
    });
  });
});
