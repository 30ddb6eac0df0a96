import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { lawgateDataConverter, generatePayloadKey } from '@lawgate/temporal';
import { testEnv } from '../support/test-env';
import { replayAll } from './replay-all';

const HISTORIES = join(__dirname, '..', 'fixtures', 'histories');
const KEYS = generatePayloadKey('replay');

/**
 * Procedures started before payloads were sealed have plaintext histories. A worker with the codec replays them only
 * in the migration window (TEMPORAL_PAYLOAD_PLAINTEXT=accept); with plaintext refused, their input decodes to the
 * unauthenticated marker and the replay no longer matches (docs/trust-boundary.md).
 */
describe('replay of plaintext histories by a worker that seals payloads', () => {
  // The codec's migration window does not depend on what a history holds, only on its payloads being plaintext: the
  // newest history of each workflow type (all its payload shapes) is replayed through it; `normative-document.replay-
  // spec.ts` replays every history without the codec.
  const files = newestOfEachType(readdirSync(HISTORIES).filter((f) => f.endsWith('.json')));
  const options = (plaintext: 'accept' | 'refuse') => ({
    workflowBundle: { codePath: testEnv().workflowBundlePath },
    dataConverter: lawgateDataConverter({ TEMPORAL_PAYLOAD_KEYS: KEYS, TEMPORAL_PAYLOAD_PLAINTEXT: plaintext }),
  });
  const replay = (plaintext: 'accept' | 'refuse', file: string) =>
    Worker.runReplayHistory(options(plaintext), JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')) as unknown);
  // In the migration window, one replay worker for all of them; each test then reads its history's outcome.
  let accepted: Map<string, Error | undefined>;
  beforeAll(async () => {
    accepted = await replayAll(options('accept'), HISTORIES, files);
  }, 300_000);

  it.each(files)('replays %s in the migration window', (file) => {
    expect(accepted.has(file)).toBe(true);
    expect(accepted.get(file)).toBeUndefined();
  });

  it('does not replay them once plaintext is refused', async () => {
    await expect(replay('refuse', files[0])).rejects.toThrow(/nondeterminism/);
  });
});

/** Of `<type>-v<n>-<name>.json` files, the one of the highest version of each type (several of a version: all). */
function newestOfEachType(files: string[]): string[] {
  const parse = (file: string) => /^(.*?)-v(\d+)-/.exec(file);
  const newest = new Map<string, number>();
  for (const file of files) {
    const m = parse(file);
    if (m) newest.set(m[1], Math.max(newest.get(m[1]) ?? 0, Number(m[2])));
  }
  return files.filter((file) => {
    const m = parse(file);
    return !m || newest.get(m[1]) === Number(m[2]);
  });
}
