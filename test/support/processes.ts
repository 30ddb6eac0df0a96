import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { testEnv, uniqueSuffix } from './test-env';

const ROOT = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS helper shared with npm start
const { freePort } = require('../../scripts/lib/dev-server.cjs') as { freePort: () => Promise<number> };

/** A LawGate process (API or worker) started from the compiled output, as production runs it. */
export class AppProcess {
  readonly output: string[] = [];
  private exit?: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    const collect = (chunk: Buffer) => this.output.push(...chunk.toString().split('\n').filter(Boolean));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  async waitForOutput(pattern: RegExp, timeoutMs = 60000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.output.some((line) => pattern.test(line))) return;
      if (this.child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${this.name} did not print ${pattern} (exit ${this.child.exitCode}):\n${this.output.join('\n')}`);
  }

  /** Stops the process with a signal and resolves with how it exited. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exit!;
  }
}

export interface StackOptions {
  taskQueue: string;
  extraEnv?: Record<string, string>;
}

function baseEnv(taskQueue: string): NodeJS.ProcessEnv {
  const env = testEnv();
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    DATABASE_URL: env.databaseUrl,
    DATABASE_POOL_SIZE: '4',
    TEMPORAL_ADDRESS: env.temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    WORKFLOW_BUNDLE_PATH: env.workflowBundlePath,
    TEMPORAL_PAYLOAD_KEYS: process.env.TEMPORAL_PAYLOAD_KEYS,
    LAWGATE_SIGNING_KEY_FILE: process.env.LAWGATE_SIGNING_KEY_FILE,
    LOG_LEVEL: 'warn',
  };
}

export function uniqueTaskQueue(prefix: string): string {
  return `${prefix}-${uniqueSuffix()}`;
}

export async function startWorker(options: StackOptions): Promise<AppProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js')], {
    env: { ...baseEnv(options.taskQueue), LOG_LEVEL: 'info', ...options.extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const worker = new AppProcess('worker', child);
  await worker.waitForOutput(/worker polling task queue/);
  return worker;
}

export async function startApi(options: StackOptions): Promise<{ api: AppProcess; baseUrl: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js')], {
    env: { ...baseEnv(options.taskQueue), API_PORT: String(port), API_HOST: '127.0.0.1', ...options.extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const api = new AppProcess('api', child);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${baseUrl}/api/health/live`)).ok) return { api, baseUrl };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`API did not come up (exit ${child.exitCode}):\n${api.output.join('\n')}`);
}
