import type { DataSource } from 'typeorm';
import { ApiClient } from './http';
import { startApi, startWorker, uniqueTaskQueue, type AppProcess } from './processes';
import { openTestDataSource } from './test-env';

export interface Stack {
  taskQueue: string;
  http: ApiClient;
  db: DataSource;
  api: AppProcess;
  worker?: AppProcess;
}

/**
 * For one e2e test file: an API (and, unless `withWorker: false`, a worker) as real processes on a task queue of the
 * file's own, a client, and a connection to the run's database; all stopped after the file. Call at `describe` level;
 * the fields are set before the file's own `beforeAll` hooks run.
 */
export function useStack(
  prefix: string,
  options: { withWorker?: boolean; extraEnv?: Record<string, string> } = {},
): Stack {
  const stack = { taskQueue: uniqueTaskQueue(prefix) } as Stack;
  beforeAll(async () => {
    stack.db = await openTestDataSource();
    if (options.withWorker !== false) stack.worker = await startWorker({ taskQueue: stack.taskQueue });
    const started = await startApi({ taskQueue: stack.taskQueue, extraEnv: options.extraEnv });
    stack.api = started.api;
    stack.http = new ApiClient(started.baseUrl);
  }, 120000);
  afterAll(async () => {
    await Promise.all([stack.api?.stop(), stack.worker?.stop()]);
    await stack.db?.destroy();
  });
  return stack;
}
