import type { DataSource } from 'typeorm';
import type { SharedStackAnswer, SharedStackRequest } from '../setup/stack-broker';
import { sharedTaskQueue } from '../setup/stack-broker';
import { ApiClient } from './http';
import { AppProcess, startApi, startWorker, uniqueTaskQueue } from './processes';
import { openTestDataSource } from './test-env';

export interface Stack {
  taskQueue: string;
  http: ApiClient;
  db: DataSource;
  api: AppProcess;
  worker?: AppProcess;
}

export interface StackRequest {
  /** Set to false when the file needs no worker (a shared stack may still have one, polling its task queue). */
  withWorker?: boolean;
  /** Environment for the API (and for the worker of own processes); files with the same extra environment share their processes. */
  extraEnv?: Record<string, string>;
  /** Processes of this file's own, started before and stopped after it, instead of the run's shared ones. */
  ownProcesses?: boolean;
}

/**
 * For one e2e or browser test file: an API (and, unless `withWorker: false`, a worker) as real processes, a client,
 * and a connection to the run's database. Call at `describe` level; the fields are set before the file's own
 * `beforeAll` hooks run.
 *
 * The processes are the run's: every file with the same `extraEnv` uses one API and one worker on one task queue,
 * started by the global set-up when a file first asks and stopped at the end of the run. Files keep apart in data
 * (unique business keys, records of their own), never by process. A file that must stop or restart a process, or
 * that changes what an API process keeps in memory, asks for `ownProcesses: true`.
 */
export function useStack(prefix: string, options: StackRequest = {}): Stack {
  const extraEnv = options.extraEnv ?? {};
  const broker = process.env.LAWGATE_TEST_STACKS;
  const runId = process.env.LAWGATE_TEST_RUN_ID;
  const own = options.ownProcesses === true || !broker || !runId;
  const stack = { taskQueue: own ? uniqueTaskQueue(prefix) : sharedTaskQueue(runId, extraEnv) } as Stack;
  beforeAll(async () => {
    stack.db = await openTestDataSource();
    if (own) {
      if (options.withWorker !== false) stack.worker = await startWorker({ taskQueue: stack.taskQueue, extraEnv });
      const started = await startApi({ taskQueue: stack.taskQueue, extraEnv });
      stack.api = started.api;
      stack.http = new ApiClient(started.baseUrl);
      return;
    }
    const shared = await askForSharedStack(broker, { extraEnv, withWorker: options.withWorker !== false });
    // A file may fill its `extraEnv` in an earlier `beforeAll` (ports of servers it starts): the queue is the one of
    // the environment as it is now.
    stack.taskQueue = shared.taskQueue;
    stack.api = AppProcess.shared('api', shared.api);
    if (shared.worker) stack.worker = AppProcess.shared('worker', shared.worker);
    stack.http = new ApiClient(shared.baseUrl);
  }, 120000);
  afterAll(async () => {
    if (own) await Promise.all([stack.api?.stop(), stack.worker?.stop()]);
    await stack.db?.destroy();
  });
  return stack;
}

async function askForSharedStack(broker: string, request: SharedStackRequest): Promise<SharedStackAnswer> {
  const res = await fetch(`${broker}/stacks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (!res.ok) throw new Error(`the run's shared API and worker could not be started:\n${await res.text()}`);
  return (await res.json()) as SharedStackAnswer;
}
