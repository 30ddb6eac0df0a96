// A real OpenID Connect provider for the tests (the `oidc-provider` package), run as a process of its own: it listens
// on a free loopback port and prints one line of JSON, {"issuer": "http://127.0.0.1:<port>"}, when it is ready.
//
// Environment: OIDC_TEST_CLIENT_ID, OIDC_TEST_CLIENT_SECRET, OIDC_TEST_ACCOUNTS (JSON: login -> claims to add).
// The client is a loopback client (RFC 8252 §7.3): its redirect URI http://127.0.0.1/api/auth/oidc/callback admits
// any port, so the provider can start before the API whose port it does not know yet. PKCE is required. The login
// page is the package's own (any login; the account's claims are those of OIDC_TEST_ACCOUNTS, or the login alone).
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const clientId = process.env.OIDC_TEST_CLIENT_ID ?? 'lawgate';
const clientSecret = process.env.OIDC_TEST_CLIENT_SECRET ?? 'lawgate-test-client-secret';
const accounts = JSON.parse(process.env.OIDC_TEST_ACCOUNTS ?? '{}');

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      application_type: 'native',
      redirect_uris: ['http://127.0.0.1/api/auth/oidc/callback'],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  pkce: { required: () => true },
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username'],
    email: ['email', 'email_verified'],
  },
  conformIdTokenClaims: false,
  cookies: { keys: ['lawgate-test-provider-cookie-key'] },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, sub) {
    return {
      accountId: sub,
      async claims() {
        return { sub, preferred_username: sub, name: sub, ...(accounts[sub] ?? {}) };
      },
    };
  },
  // The client is the office's own application: no consent screen after signing in.
  async loadExistingGrant(ctx) {
    const existing = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (existing) return ctx.oidc.provider.Grant.find(existing);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid profile email');
    await grant.save();
    return grant;
  },
});
provider.on('server_error', (_ctx, err) => process.stderr.write(`oidc provider: ${err.stack}\n`));
server.on('request', provider.callback());
process.stdout.write(`${JSON.stringify({ issuer })}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
