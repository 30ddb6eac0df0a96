import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { useStack } from '../support/stack';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');

/**
 * `npm run demo` (a normative document, every step at the step API), `npm run demo:enforcement`,
 * `npm run demo:contract` and `npm run demo:filing` walk their procedure over HTTP against a running LawGate.
 */
describe('the demonstration scripts of the normative document and the enforcement, contract and filing reviews', () => {
  const stack = useStack('e2e-demos', { extraEnv: { PROCEDURE_PERIODS: 'demo' } });

  it.each(['demo.ts', 'demo-enforcement.ts', 'demo-contract.ts', 'demo-filing.ts'])(
    'should run %s to the end with the ledger verified',
    async (script) => {
      const { stdout } = await run(
        process.execPath,
        [join(ROOT, 'node_modules/ts-node/dist/bin.js'), '--transpile-only', join(ROOT, 'scripts', script)],
        {
          cwd: ROOT,
          env: { ...process.env, LAWGATE_API_URL: stack.http.baseUrl },
          timeout: 120000,
        },
      );
      expect(stdout).toContain('ledger:verify → {"ok":true');
    },
    150000,
  );
});
