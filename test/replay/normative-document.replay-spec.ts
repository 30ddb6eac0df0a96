import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { testEnv } from '../support/test-env';
import { replayAll } from './replay-all';

const HISTORIES = join(__dirname, '..', 'fixtures', 'histories');

/**
 * Every released version of each workflow has recorded histories here. Replaying them against today's code must
 * not raise a determinism error: a change to a released workflow goes behind `patched()`.
 */
describe('workflow replay', () => {
  const files = readdirSync(HISTORIES).filter((f) => f.endsWith('.json'));
  // One replay worker for all of them; each test then reads its history's outcome.
  let results: Map<string, Error | undefined>;
  beforeAll(async () => {
    results = await replayAll({ workflowBundle: { codePath: testEnv().workflowBundlePath } }, HISTORIES, files);
  }, 300_000);

  it('should have recorded histories to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('should replay %s deterministically', (file) => {
    expect(results.has(file)).toBe(true);
    expect(results.get(file)).toBeUndefined();
  });
});
