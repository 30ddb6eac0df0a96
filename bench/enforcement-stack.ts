/**
 * The enforcement benchmark's own LawGate, when no `LAWGATE_API_URL` is given: a database of its own on
 * `DATABASE_URL`'s server (created, migrated, seeded; dropped after), a Temporal dev server of its own with its store
 * in memory (as the test harness runs it), and one worker and one API from the compiled apps (`npm run build`) with
 * `PROCEDURE_PERIODS=demo`.
 *
 * Why in memory: the dev server is one process with one history shard over SQLite; with a file database every
 * history event, timer and task-queue row is a write to disk, and at this volume (about 100 events a case) the
 * store itself becomes the bottleneck (`context deadline exceeded`, aborted updates). The store in memory keeps the
 * server's work (every RPC, event, task and timer) and drops the disk; what the figures then measure is LawGate's
 * work per submission against a bare start on the same server. A production cluster has a database of its own.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { searchAttributeCliArgs } from '@lawgate/domain';
import { AppProcess } from '../test/support/processes';
import { appEnvironment, findOrBuildTemporal, freePort, migrateAndSeed, startDevServer } from './lib/stack-parts';

const ROOT = join(__dirname, '..');

export interface BenchStack {
  apiUrl: string;
  temporalAddress: string;
  databaseUrl: string;
  stop: () => Promise<void>;
}

export async function startBenchStack(log: (line: string) => void): Promise<BenchStack> {
  const dir = mkdtempSync(join(tmpdir(), 'lawgate-bench-er-'));
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const database = `lawgate_bench_er_${Date.now()}`;
  const admin = new PgClient({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${database}`;
  const temporal = findOrBuildTemporal(log).then(async (binary) =>
    startDevServer({
      binary,
      port: await freePort(),
      uiPort: null,
      dbFilename: null,
      searchAttributeArgs: searchAttributeCliArgs(),
      logFile: join(dir, 'temporal.log'),
    }),
  );
  await migrateAndSeed(url.toString());
  const server = await temporal;
  const env = appEnvironment({
    name: 'bench',
    dir,
    databaseUrl: url.toString(),
    poolSize: process.env.BENCH_DATABASE_POOL_SIZE ?? '8',
    temporalAddress: server.address,
    taskQueue: `bench-er-${Date.now().toString(36)}`,
  });
  const worker = new AppProcess(
    'worker',
    spawn(process.execPath, [join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js')], {
      // The sticky cache holds the cases being worked on: a bot takes a case minutes after its submission, and the
      // decision stage's timers fire minutes later still; with the default (100, sized for memory) each of those
      // steps replays the case's history, and at this volume the worker's replays starve its workflow tasks.
      // A larger cache needs a larger heap than Node's default: `BENCH_WORKER_NODE_OPTIONS` (e.g.
      // `--max-old-space-size=12288`) is the worker's NODE_OPTIONS.
      env: {
        ...env,
        LOG_LEVEL: 'info',
        WORKER_MAX_CACHED_WORKFLOWS: process.env.BENCH_WORKER_CACHE ?? '2000',
        ...(process.env.BENCH_WORKER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_WORKER_NODE_OPTIONS } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
    join(dir, 'worker.log'),
  );
  await worker.waitForOutput(/worker polling task queue/, 120000);
  const port = await freePort();
  const api = new AppProcess(
    'api',
    spawn(process.execPath, [join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js')], {
      env: { ...env, API_PORT: String(port), API_HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
    join(dir, 'api.log'),
  );
  const apiUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120000;
  for (;;) {
    try {
      if ((await fetch(`${apiUrl}/api/health/live`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || !api.running) throw new Error(`the API did not come up:\n${api.output.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  log(`stack up: API ${apiUrl}, Temporal ${server.address} (in memory), database ${database}, logs in ${dir}`);
  return {
    apiUrl,
    temporalAddress: server.address,
    databaseUrl: url.toString(),
    stop: async () => {
      await Promise.all([api.stop('SIGTERM'), worker.stop('SIGTERM')]);
      await server.stop();
      if (process.env.BENCH_KEEP_DATABASE !== '1') {
        const drop = new PgClient({ connectionString: base.toString() });
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await drop.end();
      }
    },
  };
}
