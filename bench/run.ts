/**
 * `npm run bench`: LawGate's two hot paths, each against a bare baseline measured in the same run on the same servers.
 *
 * 1. Inbox: one adviser's first inbox page with 10 000 and with 100 000 open tasks (1 000 000 tasks in the table),
 *    against a bare indexed SELECT of the same rows.
 * 2. Sign-off: HTTP request → Workflow Update → ledger write in PostgreSQL → response, against a bare Workflow Update
 *    round trip (a handler that only answers) on the same Temporal server.
 *
 * Prints one JSON document. Figures are from a shared 2-core machine with the Temporal dev server: compare ratios.
 */
import 'reflect-metadata';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { searchAttributeCliArgs } from '@lawgate/domain';
import {
  buildDataSourceOptions,
  CalendarRepository,
  packagedCalendar,
  TaskRepository,
  DEMO_PASSWORD,
  seedDemoOrganisation,
} from '@lawgate/persistence';
import { pingUpdate } from './bare-update.workflow';

/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS helpers shared with npm start and the tests */
const { findOrBuildTemporal } = require('../scripts/lib/temporal-cli.cjs') as {
  findOrBuildTemporal: () => Promise<string>;
};
const { startDevServer, freePort } = require('../scripts/lib/dev-server.cjs') as {
  startDevServer: (o: Record<string, unknown>) => Promise<{ address: string; stop: () => Promise<void> }>;
  freePort: () => Promise<number>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = join(__dirname, '..');
const TOTAL_TASKS = Number(process.env.BENCH_TOTAL_TASKS ?? 1_000_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const SIGNOFFS = Number(process.env.BENCH_SIGNOFFS ?? 60);
/** `BENCH_ONLY=signoff` (or `inbox`) runs one part. */
const ONLY = process.env.BENCH_ONLY ?? '';

function percentiles(samples: number[]): { p50: number; p95: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: round(at(0.5)), p95: round(at(0.95)), n: sorted.length };
}
const round = (ms: number) => Math.round(ms * 100) / 100;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Interleaves the two measurements so that machine noise hits both alike. */
async function measurePair(a: () => Promise<unknown>, b: () => Promise<unknown>, iterations: number) {
  for (let i = 0; i < 20; i += 1) await Promise.all([a(), b()]).catch(() => undefined);
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    sa.push(await time(a));
    sb.push(await time(b));
  }
  return [percentiles(sa), percentiles(sb)] as const;
}

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const database = `lawgate_bench_${Date.now()}`;
  const admin = new PgClient({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  const url = new URL(base.toString());
  url.pathname = `/${database}`;
  const children: ChildProcess[] = [];
  let stopTemporal: (() => Promise<void>) | undefined;
  const dataSource = new DataSource({
    ...buildDataSourceOptions({ DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: 4, DATABASE_SSL: false }),
    logging: ['error'],
  });
  try {
    log('building');
    execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'ignore' });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await seedDemoOrganisation(dataSource);
    const calendar = packagedCalendar();
    await new CalendarRepository(dataSource).loadYearsIfAbsent(calendar.years, calendar.source);

    // ---- inbox ------------------------------------------------------------------------------------------------
    const ids = Object.fromEntries(
      (
        await dataSource.query<{ username: string; id: string; org_unit_id: string }[]>(
          'SELECT username, id, org_unit_id FROM app_user',
        )
      ).map((u) => [u.username, u]),
    );
    log(`inserting 1000 procedures and ${TOTAL_TASKS} tasks`);
    await dataSource.query(
      `INSERT INTO procedure (id, workflow_id, type, project_code, title, department_id, initiator_id, stage, status, policy_version, details)
       SELECT gen_random_uuid(), 'bench:' || g, 'NORMATIVE_DOCUMENT', 'b' || g, '基准测试文件 ' || g, $1, $2, 'LEGALITY_REVIEW', 'ACTIVE', 'bench', '{}'
       FROM generate_series(1, 1000) g`,
      [ids['drafter.edu'].org_unit_id, ids['drafter.edu'].id],
    );
    // 100k open tasks for adviser.li, 10k for adviser.chen, the rest spread over the office and closed tasks.
    const li = ids['adviser.li'];
    const chen = ids['adviser.chen'];
    const office = ids['officer.zhang'];
    await dataSource.query(
      `WITH p AS (SELECT id, workflow_id, row_number() OVER () AS n FROM procedure WHERE policy_version = 'bench')
       INSERT INTO task (procedure_id, workflow_id, stage, round, kind, title, legal_basis, assignee_unit_id, assignee_user_id, status, due_at, created_at)
       SELECT p.id, p.workflow_id, 'LEGALITY_REVIEW', g, 'ADVISER_OPINION', '审查任务 ' || g, '国办发〔2018〕115号 （五）',
              CASE WHEN g <= 110000 THEN $1::uuid ELSE $3::uuid END,
              CASE WHEN g <= 100000 THEN $2::uuid WHEN g <= 110000 THEN $4::uuid WHEN g % 3 = 0 THEN $5::uuid ELSE NULL END,
              CASE WHEN g <= 110000 THEN 'OPEN' WHEN g % 2 = 0 THEN 'DONE' ELSE 'OPEN' END,
              now() + (g % 5000) * interval '1 minute',
              now() - (g % 9000) * interval '1 second'
       FROM generate_series(1, $6::int) g JOIN p ON p.n = 1 + (g % 1000)`,
      [li.org_unit_id, li.id, office.org_unit_id, chen.id, office.id, ONLY === 'signoff' ? 0 : TOTAL_TASKS],
    );
    await dataSource.query('ANALYZE task');
    const tasks = new TaskRepository(dataSource);
    const bare = (userId: string) =>
      dataSource.query(
        `SELECT * FROM task t WHERE t.status = 'OPEN' AND t.assignee_user_id = $1
         ORDER BY coalesce(t.due_at, 'infinity'::timestamptz), t.created_at, t.id LIMIT 50`,
        [userId],
      );
    const inbox: Record<string, unknown> = {};
    for (const [label, user] of (ONLY === 'signoff'
      ? []
      : [
          ['10k_open_tasks', chen],
          ['100k_open_tasks', li],
        ]) as [string, { id: string; org_unit_id: string }][]) {
      log(`inbox for ${label}`);
      const [page, baseline] = await measurePair(
        () => tasks.inboxPage({ userId: user.id, unitId: user.org_unit_id, sort: 'due', limit: 50 }),
        () => bare(user.id),
        ITERATIONS,
      );
      const [counts] = await measurePair(
        () => tasks.inboxCounts({ userId: user.id, unitId: user.org_unit_id }),
        () => Promise.resolve(),
        Math.min(ITERATIONS, 100),
      );
      inbox[label] = {
        inbox_page_ms: page,
        bare_indexed_select_ms: baseline,
        ratio_p95: round(page.p95 / baseline.p95),
        badge_counts_ms: counts,
        target_p95_le_20ms: page.p95 <= 20,
        target_within_2x_bare: page.p95 <= 2 * baseline.p95,
      };
    }
    await dataSource.query("DELETE FROM task WHERE workflow_id LIKE 'bench:%'");
    await dataSource.query("DELETE FROM procedure WHERE policy_version = 'bench'");

    // ---- sign-off ---------------------------------------------------------------------------------------------
    const binary = await findOrBuildTemporal();
    const server = await startDevServer({
      binary,
      port: await freePort(),
      uiPort: null,
      dbFilename: null,
      searchAttributeArgs: searchAttributeCliArgs(),
    });
    stopTemporal = server.stop;
    const apiPort = await freePort();
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: url.toString(),
      TEMPORAL_ADDRESS: server.address,
      TEMPORAL_TASK_QUEUE: 'bench',
      WORKFLOW_BUNDLE_PATH: join(ROOT, 'dist', 'workflow-bundle.js'),
      API_PORT: String(apiPort),
      LOG_LEVEL: 'warn',
    };
    for (const app of ['worker', 'api']) {
      children.push(
        spawn(process.execPath, [join(ROOT, 'dist', 'apps', app, 'src', 'main.js')], { env, stdio: 'ignore' }),
      );
    }
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    for (let i = 0; ; i += 1) {
      const ok = await fetch(`${apiUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (i > 300) throw new Error('the API did not become ready');
      await new Promise((r) => setTimeout(r, 200));
    }
    const login = async (username: string) =>
      (
        (await (
          await fetch(`${apiUrl}/api/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username, password: DEMO_PASSWORD }),
          })
        ).json()) as { accessToken: string }
      ).accessToken;
    const drafter = await login('drafter.edu');
    const officer = await login('officer.zhang');
    log(`starting ${SIGNOFFS + 10} procedures`);
    const procedureIds: string[] = [];
    for (let i = 0; i < SIGNOFFS + 10; i += 1) {
      const res = await fetch(`${apiUrl}/api/procedures/normative-documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${drafter}` },
        body: JSON.stringify({
          projectCode: `bench-${i}`,
          title: '基准测试办法',
          application: {
            necessity: 'n',
            legalBasis: 'b',
            mainContent: 'c',
            touchesBusiness: false,
            alsoMajorDecision: false,
            classificationReason: '涉及公民权利义务，具有普遍约束力，反复适用。',
          },
        }),
      });
      procedureIds.push(((await res.json()) as { procedureId: string }).procedureId);
    }
    const connection = await Connection.connect({ address: server.address });
    const client = new Client({ connection });
    const nativeConnection = await NativeConnection.connect({ address: server.address });
    const worker = await Worker.create({
      connection: nativeConnection,
      taskQueue: 'bench-bare',
      workflowBundle: await bundleWorkflowCode({ workflowsPath: require.resolve('./bare-update.workflow') }),
    });
    const running = worker.run();
    const bareHandle = await client.workflow.start('bareUpdateWorkflow', {
      taskQueue: 'bench-bare',
      workflowId: `bare-${Date.now()}`,
    });
    let n = 0;
    const signOff = async () => {
      const procedureId = procedureIds[n++];
      const res = await fetch(`${apiUrl}/api/procedures/${procedureId}/steps/project-approval`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
        body: JSON.stringify({ decision: 'APPROVED', opinion: '同意立项' }),
      });
      if (res.status !== 200) throw new Error(`sign-off answered ${res.status}: ${await res.text()}`);
    };
    log(`measuring ${SIGNOFFS} sign-offs`);
    // Warm up on the 10 extra tasks, then interleave sign-offs with bare updates.
    for (let i = 0; i < 10; i += 1) {
      await signOff();
      await bareHandle.executeUpdate(pingUpdate, { args: [i] });
    }
    const s1: number[] = [];
    const s2: number[] = [];
    for (let i = 0; i < SIGNOFFS; i += 1) {
      s1.push(await time(signOff));
      s2.push(await time(() => bareHandle.executeUpdate(pingUpdate, { args: [i] })));
    }
    await bareHandle.executeUpdate(pingUpdate, { args: [-1] });
    worker.shutdown();
    await running;
    await nativeConnection.close();
    await connection.close();
    const signoff = percentiles(s1);
    const bareUpdate = percentiles(s2);
    const [{ entries }] = await dataSource.query<{ entries: string }[]>('SELECT count(*) AS entries FROM ledger_entry');

    console.log(
      JSON.stringify(
        {
          machine: 'shared 2-core, Temporal dev server (SQLite, 1 shard), PostgreSQL 15 local; compare ratios',
          inbox: { total_tasks: TOTAL_TASKS, page_size: 50, ...inbox },
          signoff: {
            http_update_ledger_ms: signoff,
            bare_temporal_update_ms: bareUpdate,
            ratio_p95: round(signoff.p95 / bareUpdate.p95),
            ledger_entries_written: Number(entries),
            target_p95_le_150ms: signoff.p95 <= 150,
            target_within_3x_bare: signoff.p95 <= 3 * bareUpdate.p95,
          },
        },
        null,
        2,
      ),
    );
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
    await stopTemporal?.();
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
