/** Starting the compiled API or worker for a benchmark, and waiting for it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS helper shared with npm start
export const { workerRuntimeEnv } = require('../../scripts/lib/worker-runtime.cjs') as {
  workerRuntimeEnv: (env?: NodeJS.ProcessEnv) => Record<string, string>;
};

/**
 * Starts `dist/apps/<app>/src/main.js` with the environment given (a worker with its memory settings as deployed,
 * unless `env` sets NODE_OPTIONS); its output goes to `logFile`.
 */
export function startApp(app: 'api' | 'worker', env: Record<string, string>, logFile: string): ChildProcess {
  const out = createWriteStream(logFile);
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', app, 'src', 'main.js')], {
    env: {
      ...process.env,
      ...(app === 'worker' ? workerRuntimeEnv() : {}),
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  return child;
}

export async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Polls `url` until it answers 200 (or throws after `seconds`). */
export async function waitFor(url: string, seconds = 120): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${seconds} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
