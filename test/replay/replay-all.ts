import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type ReplayWorkerOptions } from '@temporalio/worker';

/**
 * Replays every history file with one replay worker (`Worker.runReplayHistories`), as `Worker.runReplayHistory`
 * does for one: the bundle is loaded once, not once per history. Gives each file's error (a determinism violation or
 * a failure), undefined when it replayed.
 */
export async function replayAll(
  options: ReplayWorkerOptions,
  dir: string,
  files: string[],
): Promise<Map<string, Error | undefined>> {
  const histories = files.map((file) => ({
    workflowId: file,
    history: JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown,
  }));
  const results = new Map<string, Error | undefined>();
  for await (const result of Worker.runReplayHistories(options, histories)) {
    results.set(result.workflowId, result.error);
  }
  return results;
}
