import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { startApi, startWorker, type AppProcess, type SharedProcessRef } from '../support/processes';

/** What a test file asks for: the API's extra environment (the worker takes none), and whether it needs a worker. */
export interface SharedStackRequest {
  extraEnv: Record<string, string>;
  withWorker: boolean;
}

export interface SharedStackAnswer {
  taskQueue: string;
  baseUrl: string;
  api: SharedProcessRef;
  worker?: SharedProcessRef;
}

/** Test files with the same extra environment share one API and one worker, on one task queue of their own. */
export function sharedStackKey(extraEnv: Record<string, string>): string {
  return JSON.stringify(Object.entries(extraEnv).sort(([a], [b]) => a.localeCompare(b)));
}

/** The task queue of the shared stack for this environment in this run (known before the stack is started). */
export function sharedTaskQueue(runId: string, extraEnv: Record<string, string>): string {
  const digest = createHash('sha256').update(sharedStackKey(extraEnv)).digest('hex').slice(0, 8);
  return `shared-${digest}-${runId}`;
}

interface SharedStack {
  taskQueue: string;
  extraEnv: Record<string, string>;
  api?: { process: AppProcess; baseUrl: string };
  worker?: AppProcess;
}

/**
 * Runs in Jest's parent process for the whole run: starts the API and worker processes the e2e and browser test files
 * share, when a file first asks for them (`POST /stacks` from `useStack()`), and stops them at the end of the run.
 * A process that died is started again for the next file that asks. Each process's output goes to a log file that
 * the test files read (`AppProcess.shared`).
 */
export class StackBroker {
  private readonly stacks = new Map<string, SharedStack>();
  private readonly queue = new Map<string, Promise<unknown>>();
  private stopping = false;
  private started = 0;

  private readonly server: Server;

  private constructor(
    private readonly logDir: string,
    readonly runId: string,
  ) {
    this.server = createServer((req, res) => {
      this.handle(req).then(
        (answer) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer)),
        (err: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(err.stack ?? err.message),
      );
    });
  }

  static async start(): Promise<StackBroker> {
    const runId = Date.now().toString(36);
    const broker = new StackBroker(mkdtempSync(join(tmpdir(), 'lawgate-test-stacks-')), runId);
    await new Promise<void>((resolve) => broker.server.listen(0, '127.0.0.1', resolve));
    broker.server.unref();
    process.env.LAWGATE_TEST_RUN_ID = runId;
    return broker;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /**
   * Starts these stacks (each with its worker) now, side by side, as if files had asked for them: `npm test` names the
   * ones most files of a lane share, so that their start is the lane's set-up, not the time of whichever file asks first.
   */
  async startAhead(requests: SharedStackRequest[]): Promise<void> {
    await Promise.all(requests.map((request) => this.request(request)));
  }

  private async handle(req: IncomingMessage): Promise<SharedStackAnswer | { terminated: number }> {
    if (req.method === 'POST' && req.url === '/quiesce') return this.quiesce();
    if (req.method !== 'POST' || req.url !== '/stacks') throw new Error(`unknown request ${req.method} ${req.url}`);
    let body = '';
    for await (const chunk of req) body += String(chunk);
    return this.request(JSON.parse(body) as SharedStackRequest);
  }

  private request(request: SharedStackRequest): Promise<SharedStackAnswer> {
    const key = sharedStackKey(request.extraEnv);
    // One request at a time per stack, so that two files asking at once start it once.
    const previous = this.queue.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.ensure(key, request));
    this.queue.set(key, next);
    return next;
  }

  private async ensure(key: string, request: SharedStackRequest): Promise<SharedStackAnswer> {
    if (this.stopping) throw new Error('the test run is ending');
    let stack = this.stacks.get(key);
    if (!stack) {
      stack = { taskQueue: sharedTaskQueue(this.runId, request.extraEnv), extraEnv: request.extraEnv };
      this.stacks.set(key, stack);
    }
    const { taskQueue, extraEnv } = stack;
    const logFile = (name: string) => join(this.logDir, `${stack.taskQueue}-${name}-${++this.started}.log`);
    const [api, worker] = await Promise.allSettled([
      stack.api?.process.running ? undefined : startApi({ taskQueue, extraEnv, logFile: logFile('api') }),
      !request.withWorker || stack.worker?.running ? undefined : startWorker({ taskQueue, logFile: logFile('worker') }),
    ]);
    if (api.status === 'fulfilled' && api.value) stack.api = { process: api.value.api, baseUrl: api.value.baseUrl };
    if (worker.status === 'fulfilled' && worker.value) stack.worker = worker.value;
    for (const result of [api, worker]) if (result.status === 'rejected') throw result.reason;
    const ref = (p: AppProcess): SharedProcessRef => ({ pid: p.pid!, logFile: p.logFile! });
    return {
      taskQueue: stack.taskQueue,
      baseUrl: stack.api!.baseUrl,
      api: ref(stack.api!.process),
      worker: request.withWorker ? ref(stack.worker!) : undefined,
    };
  }

  private temporal?: Promise<{ connection: Connection; client: Client }>;

  /**
   * Terminates every workflow still running on the shared task queues, when a test file ends. A file used to stop
   * its own worker, which left its procedures waiting for ever; on shared processes they would go on, and their
   * timers (seconds long with `PROCEDURE_PERIODS=demo`) would write reminders and escalations while the next file
   * counts records. Files run one at a time (`test/setup/one-file-at-a-time.ts`), so what runs is the ending file's.
   */
  private async quiesce(): Promise<{ terminated: number }> {
    const queues = [...this.stacks.values()].map((s) => s.taskQueue);
    if (queues.length === 0) return { terminated: 0 };
    this.temporal ??= (async () => {
      const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
      return { connection, client: new Client({ connection }) };
    })();
    const { client } = await this.temporal;
    let terminated = 0;
    // Visibility may lag a start by a moment: list again until nothing is left running.
    for (let round = 0; round < 20; round++) {
      const running: { workflowId: string; runId: string }[] = [];
      for (const queue of queues) {
        for await (const w of client.workflow.list({
          query: `ExecutionStatus = 'Running' AND TaskQueue = '${queue}'`,
        })) {
          running.push({ workflowId: w.workflowId, runId: w.runId });
        }
      }
      if (running.length === 0 && round > 0) break;
      await Promise.all(
        running.map(({ workflowId, runId }) =>
          client.workflow
            .getHandle(workflowId, runId)
            .terminate('the test file that started it has ended')
            .then(
              () => terminated++,
              () => undefined, // ended meanwhile
            ),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { terminated };
  }

  /** Stops every shared process (the worker drains first, as in production) and removes the logs. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.queue.values()]);
    const processes = [...this.stacks.values()].flatMap((s) => [s.api?.process, s.worker]);
    await Promise.all(processes.map(async (p) => (p?.running ? p.stop() : undefined)));
    if (this.temporal) await (await this.temporal).connection.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    rmSync(this.logDir, { recursive: true, force: true });
  }
}
