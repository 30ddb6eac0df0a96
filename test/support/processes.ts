import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testEnv, uniqueSuffix } from './test-env';

const ROOT = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS helper shared with npm start
const { freePort } = require('../../scripts/lib/dev-server.cjs') as { freePort: () => Promise<number> };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS helper shared with npm start
const { workerRuntimeEnv } = require('../../scripts/lib/worker-runtime.cjs') as {
  workerRuntimeEnv: (env?: NodeJS.ProcessEnv) => Record<string, string>;
};

/** A process the whole test run shares: started by the global setup, which also keeps its output in a file. */
export interface SharedProcessRef {
  pid: number;
  logFile: string;
}

/**
 * A LawGate process (API or worker) started from the compiled output, as production runs it: either a child of this
 * test file, or (`AppProcess.shared`) a process the run's global setup started and shares between test files, seen
 * here through its pid and its log file.
 */
export class AppProcess {
  private readonly lines: string[] = [];
  private readonly local?: {
    child: ChildProcess;
    exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  };
  private readonly ref?: SharedProcessRef;
  /** The file this process's output also goes to, if any. */
  readonly logFile?: string;

  /** `logFile`: also append the process's output to this file (for processes shared with other test files). */
  constructor(
    readonly name: string,
    source: ChildProcess | SharedProcessRef,
    logFile?: string,
  ) {
    if (!('kill' in source)) {
      this.ref = source;
      this.logFile = source.logFile;
      return;
    }
    this.logFile = logFile;
    const child = source;
    const collect = (chunk: Buffer) => {
      this.lines.push(...chunk.toString().split('\n').filter(Boolean));
      if (logFile) appendFileSync(logFile, chunk);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.local = {
      child,
      exit: new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))),
    };
  }

  /** A process shared by the run (see `useStack`): its output is read from its log file; it cannot be stopped here. */
  static shared(name: string, ref: SharedProcessRef): AppProcess {
    return new AppProcess(name, ref);
  }

  get child(): ChildProcess {
    if (!this.local) {
      throw new Error(
        `the ${this.name} (pid ${this.ref?.pid}) is shared by the test run: it is not a child of this test file; ` +
          'use useStack(prefix, { ownProcesses: true }) for processes of its own',
      );
    }
    return this.local.child;
  }

  get pid(): number | undefined {
    return this.local ? this.local.child.pid : this.ref?.pid;
  }

  /** Every line the process has written so far, stdout and stderr. */
  get output(): string[] {
    if (this.local) return this.lines;
    const file = this.ref!.logFile;
    return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  }

  /** Whether the process is still running. */
  get running(): boolean {
    if (this.local) return this.local.child.exitCode === null && this.local.child.signalCode === null;
    try {
      process.kill(this.ref!.pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  async waitForOutput(pattern: RegExp, timeoutMs = 60000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.output.some((line) => pattern.test(line))) return;
      if (!this.running) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${this.name} did not print ${pattern} (running: ${this.running}):\n${this.output.join('\n')}`);
  }

  /** Stops the process with a signal and resolves with how it exited. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.local) {
      throw new Error(
        `the ${this.name} is shared by the test run and stops at its end; ` +
          'use useStack(prefix, { ownProcesses: true }) for processes a test may stop',
      );
    }
    if (this.running) this.local.child.kill(signal);
    return this.local.exit;
  }
}

export interface StackOptions {
  taskQueue: string;
  extraEnv?: Record<string, string>;
  /** Also append the process's output to this file. */
  logFile?: string;
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
    // Test installations run the demonstration policy versions (periods of seconds); production never does.
    PROCEDURE_DEMO_POLICY_ALLOWED: 'true',
    // No reconciliation on the worker's timer: the run's files share one database, and a timed run between a file's
    // termination of a workflow and its own reconciliation would raise that file's alert first. Files reconcile on
    // demand (`POST /api/admin/integrity/reconcile`); a file that tests the timer sets its own period.
    RECONCILIATION_SECONDS: '0',
    // Nor catalog editions on the worker's timer (an audited system act in the middle of another file's counts); the
    // file that tests the cadence runs a worker of its own with its own period.
    FILING_CATALOG_SECONDS: '0',
    LOG_LEVEL: 'warn',
  };
}

export function uniqueTaskQueue(prefix: string): string {
  return `${prefix}-${uniqueSuffix()}`;
}

export async function startWorker(options: StackOptions): Promise<AppProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js')], {
    // The worker's memory settings as deployed: every test that runs a worker runs it within them.
    env: { ...baseEnv(options.taskQueue), ...workerRuntimeEnv(), LOG_LEVEL: 'info', ...options.extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const worker = new AppProcess('worker', child, options.logFile);
  try {
    await worker.waitForOutput(/worker polling task queue/);
  } catch (err) {
    child.kill();
    throw err;
  }
  return worker;
}

export async function startApi(options: StackOptions): Promise<{ api: AppProcess; baseUrl: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js')], {
    env: { ...baseEnv(options.taskQueue), API_PORT: String(port), API_HOST: '127.0.0.1', ...options.extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const api = new AppProcess('api', child, options.logFile);
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
  child.kill();
  throw new Error(`API did not come up (exit ${child.exitCode}):\n${api.output.join('\n')}`);
}
