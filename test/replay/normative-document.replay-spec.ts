import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { testEnv } from '../support/test-env';

const HISTORIES = join(__dirname, '..', 'fixtures', 'histories');

/**
 * Every released version of each workflow has recorded histories here. Replaying them against today's code must
 * not raise a determinism error: a change to a released workflow goes behind `patched()`.
 */
describe('workflow replay', () => {
  const files = readdirSync(HISTORIES).filter((f) => f.endsWith('.json'));

  it('should have recorded histories to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('should replay %s deterministically', async (file) => {
    const history: unknown = JSON.parse(readFileSync(join(HISTORIES, file), 'utf8'));
    await expect(
      Worker.runReplayHistory({ workflowBundle: { codePath: testEnv().workflowBundlePath } }, history),
    ).resolves.toBeUndefined();
  });
});
