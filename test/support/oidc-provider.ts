import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The API's environment that signs in through this provider. */
  env(extra?: Record<string, string>): Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts a real OpenID Connect provider (`oidc-provider`, test/support/oidc-provider-server.mjs) as a process of its
 * own on a free port. `accounts` adds claims to a login (e.g. an e-mail address).
 */
export async function startOidcProvider(
  accounts: Record<string, Record<string, unknown>> = {},
): Promise<TestOidcProvider> {
  const clientId = 'lawgate';
  const clientSecret = 'lawgate-test-client-secret';
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'oidc-provider-server.mjs')], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      OIDC_TEST_CLIENT_ID: clientId,
      OIDC_TEST_CLIENT_SECRET: clientSecret,
      OIDC_TEST_ACCOUNTS: JSON.stringify(accounts),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const issuer = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`the OIDC provider did not start:\n${stderr}`)), 30000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { issuer: string }).issuer);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the OIDC provider exited (${code}):\n${stderr}`));
    });
  });
  return {
    issuer,
    clientId,
    clientSecret,
    env: (extra = {}) => ({
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
      ...extra,
    }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
