/**
 * `npm run bench:cleanup`: how fast a clean-up campaign starts its review workflows. 10 000 documents in force are
 * inserted by SQL (register entries with their procedure rows) into a database of its own; a Temporal dev server of
 * its own runs; one in-process worker runs the real workflows and activities (the worker's Nest application context).
 *
 * (a) bare: 10 000 `client.workflow.start` with the campaign's start concurrency, on a task queue nobody polls: the server's cost of a start and nothing else (no worker competes for the CPU);
 * (b) the campaign: from `client.workflow.start` of `cleanupCampaignWorkflow` until its read model says every review
 *     workflow was started (each page: register read, review rows and review tasks inserted, starts; the reviews'
 *     first workflow tasks meanwhile run on the same worker and server).
 *
 * Prints one JSON document with both rates, their ratio and the wall time. Figures are from a shared 2-core machine
 * with the Temporal dev server (SQLite, one history shard): compare the ratio. BENCH_DOCUMENTS (default 10000),
 * BENCH_CONCURRENCY (default the policy's 32) and BENCH_PAGE_SIZE (default 500) change the size.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { DataSource } from 'typeorm';
import {
  CLEANUP_CAMPAIGN_WORKFLOW_TYPE,
  DEFAULT_CLEANUP_POLICY,
  cleanupCampaignWorkflowId,
  type CleanupCampaignWorkflow,
  Role,
  searchAttributeCliArgs,
} from '@lawgate/domain';
import {
  buildDataSourceOptions,
  CalendarRepository,
  packagedCalendar,
  seedDemoOrganisation,
} from '@lawgate/persistence';

/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS helpers shared with npm start and the tests */
const { findOrBuildTemporal } = require('../scripts/lib/temporal-cli.cjs') as {
  findOrBuildTemporal: () => Promise<string>;
};
const { startDevServer, freePort } = require('../scripts/lib/dev-server.cjs') as {
  startDevServer: (o: Record<string, unknown>) => Promise<{ address: string; stop: () => Promise<void> }>;
  freePort: () => Promise<number>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? DEFAULT_CLEANUP_POLICY.startConcurrency);
const PAGE_SIZE = Number(process.env.BENCH_PAGE_SIZE ?? DEFAULT_CLEANUP_POLICY.pageSize);
const TASK_QUEUE = 'bench-cleanup';

const round2 = (n: number) => Math.round(n * 100) / 100;
const seconds = (startedNs: bigint) => Number(process.hrtime.bigint() - startedNs) / 1e9;

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[bench:cleanup] ${line}\n`);
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const database = `lawgate_bench_cleanup_${Date.now()}`;
  const admin = new PgClient({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  const url = new URL(base.toString());
  url.pathname = `/${database}`;
  const dataSource = new DataSource({
    ...buildDataSourceOptions({ DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: 4, DATABASE_SSL: false }),
    logging: ['error'],
  });
  let stopTemporal: (() => Promise<void>) | undefined;
  let app: INestApplicationContext | undefined;
  let connection: Connection | undefined;
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await seedDemoOrganisation(dataSource);
    const calendar = packagedCalendar();
    await new CalendarRepository(dataSource).loadYearsIfAbsent(calendar.years, calendar.source);

    log(`inserting ${DOCUMENTS} documents in force`);
    const [drafter] = await dataSource.query<{ id: string; org_unit_id: string }[]>(
      "SELECT id, org_unit_id FROM app_user WHERE username = 'drafter.edu'",
    );
    const [officer] = await dataSource.query<{ id: string; display_name: string; org_unit_id: string }[]>(
      "SELECT id, display_name, org_unit_id FROM app_user WHERE username = 'officer.zhang'",
    );
    const [gov] = await dataSource.query<{ id: string }[]>("SELECT id FROM org_unit WHERE code = 'JT-GOV'");
    const [{ id: seriesId }] = await dataSource.query<{ id: string }[]>(
      "INSERT INTO issuer_series (issuer_unit_id, series, prefix) VALUES ($1, 'BENCH', '坛基清') RETURNING id",
      [gov.id],
    );
    await dataSource.query(
      `INSERT INTO procedure (id, workflow_id, type, project_code, title, department_id, initiator_id, stage, status,
         policy_version, details)
       SELECT gen_random_uuid(), 'normative-document:JT-EDU:bench-' || g, 'NORMATIVE_DOCUMENT', 'bench-' || g,
              '金坛区基准清理测试办法（' || g || '）', $1, $2, 'IN_FORCE', 'ACTIVE', 'bench', '{}'
       FROM generate_series(1, $3::int) g`,
      [drafter.org_unit_id, drafter.id, DOCUMENTS],
    );
    await dataSource.query(
      `INSERT INTO register_entry (procedure_id, workflow_id, issuer_series_id, year, seq, number, title,
         document_sha256, status, registered_at, valid_until, in_force_at, idempotency_key)
       SELECT p.id, p.workflow_id, $1, 2026, p.n, '坛基清〔2026〕' || p.n || '号', p.title,
              encode(sha256(convert_to(p.id::text, 'UTF8')), 'hex'), 'IN_FORCE', now(),
              (current_date + interval '5 years')::date, now(), 'registration:' || p.id
       FROM (SELECT id, workflow_id, title, row_number() OVER (ORDER BY project_code) AS n
             FROM procedure WHERE policy_version = 'bench') p`,
      [seriesId],
    );
    await dataSource.query('ANALYZE register_entry');

    const binary = await findOrBuildTemporal();
    const server = await startDevServer({
      binary,
      port: await freePort(),
      uiPort: null,
      dbFilename: null,
      searchAttributeArgs: searchAttributeCliArgs(),
    });
    stopTemporal = server.stop;

    // The real worker: the worker process's Nest application context, in this process.
    Object.assign(process.env, {
      NODE_ENV: 'test',
      DATABASE_URL: url.toString(),
      DATABASE_POOL_SIZE: '10',
      TEMPORAL_ADDRESS: server.address,
      TEMPORAL_TASK_QUEUE: TASK_QUEUE,
      LOG_LEVEL: 'warn',
    });
    // The workflows of this tree, bundled as production bundles them (with the library aliases).
    const bundle = join(tmpdir(), `lawgate-bench-cleanup-${process.pid}.js`);
    execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build-workflow-bundle.mjs'), bundle], {
      stdio: 'ignore',
    });
    process.env.WORKFLOW_BUNDLE_PATH = bundle;
    log('starting the worker');
    // Imported here: the worker module reads its configuration from the environment set above.
    const { WorkerModule } = await import('../apps/worker/src/worker.module');
    app = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
    app.enableShutdownHooks();
    await app.init();

    connection = await Connection.connect({ address: server.address });
    const client = new Client({ connection });

    // ---- (a) bare starts ----------------------------------------------------------------------------------------
    log(`bare: ${DOCUMENTS} workflow starts, ${CONCURRENCY} at a time`);
    const bareStarted = process.hrtime.bigint();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = next++; i < DOCUMENTS; i = next++) {
          await client.workflow.start('bareStartWorkflow', {
            workflowId: `bare-start:${i}`,
            taskQueue: 'bench-bare-start',
            args: [
              { campaignId: 'bare', registerEntryId: String(i), title: '金坛区基准清理测试办法', number: String(i) },
            ],
            workflowIdConflictPolicy: 'FAIL',
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          });
        }
      }),
    );
    const bareSeconds = seconds(bareStarted);

    // ---- (b) the campaign ---------------------------------------------------------------------------------------
    log(`campaign: reviews for ${DOCUMENTS} documents in force, pages of ${PAGE_SIZE}, ${CONCURRENCY} starts at once`);
    const campaignId = `bench-${Date.now()}`;
    const campaignStarted = process.hrtime.bigint();
    await client.workflow.start<CleanupCampaignWorkflow>(CLEANUP_CAMPAIGN_WORKFLOW_TYPE, {
      workflowId: cleanupCampaignWorkflowId(campaignId),
      taskQueue: TASK_QUEUE,
      args: [
        {
          campaignId,
          title: '基准清理',
          startedBy: {
            userId: officer.id,
            username: 'officer.zhang',
            displayName: officer.display_name,
            roles: [Role.LegalAffairsOfficer],
            unitId: officer.org_unit_id,
          },
          policy: { ...DEFAULT_CLEANUP_POLICY, pageSize: PAGE_SIZE, startConcurrency: CONCURRENCY },
        },
      ],
    });
    let reviewsStarted = 0;
    for (;;) {
      const [row] = await dataSource.query<{ status: string; reviews_started: number }[]>(
        'SELECT status, reviews_started FROM cleanup_campaign WHERE id = $1',
        [campaignId],
      );
      if (row && row.status !== 'RUNNING') {
        reviewsStarted = row.reviews_started;
        break;
      }
      if (seconds(campaignStarted) > 900) throw new Error('the campaign did not start every review in 15 minutes');
      await new Promise((r) => setTimeout(r, 100));
    }
    const campaignSeconds = seconds(campaignStarted);
    const [{ tasks }] = await dataSource.query<{ tasks: number }[]>(
      "SELECT count(*)::int AS tasks FROM task WHERE kind = 'CLEANUP_REVIEW'",
    );
    // Not part of the rate: when the office's inbox holds every review task (a review that opens its own task does so
    // only once the worker gets to its first workflow task).
    for (;;) {
      const [{ open }] = await dataSource.query<{ open: number }[]>(
        "SELECT count(*)::int AS open FROM task WHERE kind = 'CLEANUP_REVIEW'",
      );
      if (open >= reviewsStarted) break;
      if (seconds(campaignStarted) > 900) throw new Error('the review tasks were not all open in 15 minutes');
      await new Promise((r) => setTimeout(r, 100));
    }
    const allTasksOpenSeconds = seconds(campaignStarted);
    const [{ rows, workflows }] = await dataSource.query<{ rows: number; workflows: number }[]>(
      'SELECT count(*)::int AS rows, count(DISTINCT workflow_id)::int AS workflows FROM cleanup_review WHERE campaign_id = $1',
      [campaignId],
    );
    const running = await client.workflow.count(
      `WorkflowType = "cleanupReviewWorkflow" AND ExecutionStatus = "Running"`,
    );

    const bareRate = DOCUMENTS / bareSeconds;
    const campaignRate = reviewsStarted / campaignSeconds;
    process.stdout.write(
      `${JSON.stringify(
        {
          cleanup: {
            documentsInForce: DOCUMENTS,
            concurrency: CONCURRENCY,
            pageSize: PAGE_SIZE,
            bare: { starts: DOCUMENTS, seconds: round2(bareSeconds), startsPerSecond: round2(bareRate) },
            campaign: {
              reviewsStarted,
              reviewRows: rows,
              distinctReviewWorkflows: workflows,
              reviewWorkflowsRunningAfter: running.count,
              reviewTasksOpenedWhenAllStarted: tasks,
              wallSeconds: round2(campaignSeconds),
              everyReviewTaskOpenAfterSeconds: round2(allTasksOpenSeconds),
              startsPerSecond: round2(campaignRate),
            },
            ratioCampaignToBare: round2(campaignRate / bareRate),
            target_at_least_half_bare: campaignRate >= bareRate / 2,
            target_10000_within_120s: reviewsStarted >= DOCUMENTS && campaignSeconds <= 120,
          },
          machine:
            'shared 2-core, Temporal dev server (SQLite in memory, 1 shard), local PostgreSQL; compare the ratio',
        },
        null,
        2,
      )}\n`,
    );
    if (reviewsStarted !== DOCUMENTS || rows !== DOCUMENTS) process.exitCode = 1;
  } finally {
    await connection?.close();
    await app?.close();
    await stopTemporal?.();
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
