import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { installationSecret } = require('./installation-secret.cjs') as {
  installationSecret: (dir: string, env?: Record<string, string>) => { secret: string; source: string };
};

describe('installationSecret', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawgate-secret-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('should create a random secret readable by its owner only, and read the same one back', () => {
    const first = installationSecret(dir, {});
    expect(first.source).toBe('created');
    expect(first.secret).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(first.secret).not.toBe('lawgate-development-secret-change-me');
    expect(fs.statSync(path.join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(installationSecret(dir, {})).toEqual({ secret: first.secret, source: 'file' });
  });

  it('should make a different secret for another installation', () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'lawgate-secret-'));
    try {
      expect(installationSecret(dir, {}).secret).not.toBe(installationSecret(other, {}).secret);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('should prefer JWT_SECRET from the environment and write nothing', () => {
    expect(installationSecret(dir, { JWT_SECRET: 'x'.repeat(40) })).toEqual({
      secret: 'x'.repeat(40),
      source: 'environment',
    });
    expect(fs.existsSync(path.join(dir, 'jwt-secret'))).toBe(false);
  });

  it('should refuse a file holding a short secret', () => {
    fs.writeFileSync(path.join(dir, 'jwt-secret'), 'short\n');
    expect(() => installationSecret(dir, {})).toThrow(/shorter than 32/);
  });
});
