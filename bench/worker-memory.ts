/**
 * `npm run bench:worker-memory`: the worker's resident set while open procedures wait on people. Clean-up reviews
 * (one workflow each, waiting on the office's review task) are started in steps by clean-up campaigns until 1 000,
 * 2 000, 5 000 and 10 000 wait at once; at each step, once every review's task is open, the worker's RSS is sampled
 * (`/proc/<pid>/status`, the highest of 10 samples over 5 s). The bare baseline is the same worker, idle, before the
 * first step. The worker is the compiled worker process (`dist/apps/worker`, the production bundle), with its
 * sticky cache at `WORKER_MAX_CACHED_WORKFLOWS` (BENCH_CACHE overrides it for the run).
 *
 * Builds the server and the workflow bundle, creates a database of its own (dropped unless BENCH_KEEP=1) and a
 * Temporal dev server of its own. BENCH_STEPS (default 1000,2000,5000,10000) changes the steps;
 * The worker runs with its memory settings as deployed (`scripts/lib/worker-runtime.cjs`); BENCH_WORKER_NODE_OPTIONS
 * replaces its Node options, MALLOC_ARENA_MAX its malloc arenas.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import {
  CLEANUP_CAMPAIGN_WORKFLOW_TYPE,
  DEFAULT_CLEANUP_POLICY,
  cleanupCampaignWorkflowId,
  type CleanupCampaignWorkflow,
  Role,
  searchAttributeCliArgs,
} from '@lawgate/domain';
import { benchDatabase, demoUsers, log, round } from './lib/measure';
import { ROOT, startApp, stopApp, workerRuntimeEnv } from './lib/processes';

/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS helpers shared with npm start and the tests */
const { findOrBuildTemporal } = require('../scripts/lib/temporal-cli.cjs') as {
  findOrBuildTemporal: () => Promise<string>;
};
const { startDevServer, freePort } = require('../scripts/lib/dev-server.cjs') as {
  startDevServer: (o: Record<string, unknown>) => Promise<{ address: string; stop: () => Promise<void> }>;
  freePort: () => Promise<number>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const STEPS = (process.env.BENCH_STEPS ?? '1000,2000,5000,10000').split(',').map(Number);
const TASK_QUEUE = 'bench-worker-memory';

const rssMb = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return round(kb / 1024);
};

async function sampleRss(pid: number): Promise<number> {
  let max = 0;
  for (let i = 0; i < 10; i += 1) {
    max = Math.max(max, rssMb(pid));
    await new Promise((r) => setTimeout(r, 500));
  }
  return max;
}

async function main(): Promise<void> {
  log('building the server and the workflow bundle');
  execFileSync('npm', ['run', '-s', 'build:server'], { cwd: ROOT, stdio: 'ignore' });
  execFileSync(process.execPath, ['scripts/build-workflow-bundle.mjs'], { cwd: ROOT, stdio: 'ignore' });
  const db = await benchDatabase('worker_memory');
  const { dataSource } = db;
  let stopTemporal: (() => Promise<void>) | undefined;
  let worker: ReturnType<typeof startApp> | undefined;
  let connection: Connection | undefined;
  try {
    const users = await demoUsers(dataSource);
    const officer = users['officer.zhang'];
    const drafter = users['drafter.edu'];
    const [gov] = await dataSource.query<{ id: string }[]>("SELECT id FROM org_unit WHERE code = 'JT-GOV'");
    const [{ id: seriesId }] = await dataSource.query<{ id: string }[]>(
      "INSERT INTO issuer_series (issuer_unit_id, series, prefix) VALUES ($1, 'BENCH', '坛基存') RETURNING id",
      [gov.id],
    );
    const binary = await findOrBuildTemporal();
    const server = await startDevServer({
      binary,
      port: await freePort(),
      uiPort: null,
      dbFilename: null,
      searchAttributeArgs: searchAttributeCliArgs(),
    });
    stopTemporal = server.stop;
    const logFile = join(tmpdir(), `lawgate-bench-worker-memory-${Date.now()}.log`);
    worker = startApp(
      'worker',
      {
        DATABASE_URL: db.url,
        TEMPORAL_ADDRESS: server.address,
        TEMPORAL_TASK_QUEUE: TASK_QUEUE,
        WORKFLOW_BUNDLE_PATH: join(ROOT, 'dist', 'workflow-bundle.js'),
        ...(process.env.BENCH_CACHE ? { WORKER_MAX_CACHED_WORKFLOWS: process.env.BENCH_CACHE } : {}),
        ...(process.env.BENCH_WORKER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_WORKER_NODE_OPTIONS } : {}),
      },
      logFile,
    );
    const pid = worker.pid!;
    connection = await Connection.connect({ address: server.address });
    const client = new Client({ connection });
    // Idle: up, polling, nothing to run.
    await new Promise((r) => setTimeout(r, 15_000));
    const idle = await sampleRss(pid);
    log(`idle worker: ${idle} MB`);

    const steps: { waiting: number; rss_mb: number; growth_per_1000_mb: number | null; seconds: number }[] = [];
    let inForce = 0;
    for (const target of STEPS) {
      const started = Date.now();
      // The documents reviewed so far leave the register's in-force list; the next campaign reviews only the new ones.
      await dataSource.query("UPDATE register_entry SET status = 'EXPIRED' WHERE status = 'IN_FORCE'");
      await dataSource.query(
        `INSERT INTO procedure (id, workflow_id, type, project_code, title, department_id, initiator_id, stage, status,
           policy_version, details)
         SELECT gen_random_uuid(), 'normative-document:JT-EDU:mem-' || g, 'NORMATIVE_DOCUMENT', 'mem-' || g,
                '金坛区内存基准办法（' || g || '）', $1, $2, 'IN_FORCE', 'ACTIVE', 'bench', '{}'
           FROM generate_series($3::int + 1, $4::int) g`,
        [drafter.org_unit_id, drafter.id, inForce, target],
      );
      await dataSource.query(
        `INSERT INTO register_entry (procedure_id, workflow_id, issuer_series_id, year, seq, number, title,
           document_sha256, status, registered_at, valid_until, in_force_at, idempotency_key)
         SELECT p.id, p.workflow_id, $1, 2026, p.n, '坛基存〔2026〕' || p.n || '号', p.title,
                encode(sha256(convert_to(p.id::text, 'UTF8')), 'hex'), 'IN_FORCE', now(),
                (current_date + interval '5 years')::date, now(), 'registration:' || p.id
           FROM (SELECT id, workflow_id, title, substr(project_code, 5)::int AS n FROM procedure
                  WHERE policy_version = 'bench' AND substr(project_code, 5)::int > $2) p`,
        [seriesId, inForce],
      );
      inForce = target;
      const campaignId = `mem-${target}`;
      await client.workflow.start<CleanupCampaignWorkflow>(CLEANUP_CAMPAIGN_WORKFLOW_TYPE, {
        workflowId: cleanupCampaignWorkflowId(campaignId),
        taskQueue: TASK_QUEUE,
        args: [
          {
            campaignId,
            title: `内存基准 ${target}`,
            startedBy: {
              userId: officer.id,
              username: 'officer.zhang',
              displayName: 'officer.zhang',
              roles: [Role.LegalAffairsOfficer],
              unitId: officer.org_unit_id,
            },
            policy: DEFAULT_CLEANUP_POLICY,
          },
        ],
      });
      log(`step ${target}: waiting until ${target} review tasks are open`);
      for (;;) {
        const [{ open }] = await dataSource.query<{ open: number }[]>(
          "SELECT count(*)::int AS open FROM task WHERE kind = 'CLEANUP_REVIEW' AND status = 'OPEN'",
        );
        if (open >= target) break;
        if (Date.now() - started > 1_800_000) throw new Error(`only ${open} of ${target} reviews waiting after 30 min`);
        await new Promise((r) => setTimeout(r, 1000));
      }
      // Let the last workflow tasks finish before sampling.
      await new Promise((r) => setTimeout(r, 5_000));
      const rss = await sampleRss(pid);
      const previous = steps[steps.length - 1];
      steps.push({
        waiting: target,
        rss_mb: rss,
        growth_per_1000_mb: previous ? round(((rss - previous.rss_mb) / (target - previous.waiting)) * 1000) : null,
        seconds: Math.round((Date.now() - started) / 1000),
      });
      log(`step ${target}: ${rss} MB`);
    }
    const last = steps[steps.length - 1];
    console.log(
      JSON.stringify(
        {
          machine: 'shared 2-core, Temporal dev server, one worker process; RSS from /proc',
          sticky_cache: Number(process.env.BENCH_CACHE ?? 100),
          worker_node_options: process.env.BENCH_WORKER_NODE_OPTIONS ?? workerRuntimeEnv().NODE_OPTIONS,
          malloc_arena_max: workerRuntimeEnv().MALLOC_ARENA_MAX,
          bare_idle_worker_rss_mb: idle,
          steps,
          ratio_to_idle: round(last.rss_mb / idle),
          target_rss_le_300mb: last.rss_mb <= 300,
          worker_log: logFile,
        },
        null,
        2,
      ),
    );
  } finally {
    if (worker) await stopApp(worker);
    await connection?.close();
    await stopTemporal?.();
    await db.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
