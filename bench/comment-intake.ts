/**
 * `npm run bench:comments`: public comment intake through a real API process. 10 000 comments on one comment window
 * from 1 000 clients (each with its own address in X-Forwarded-For, the API trusting its proxy as behind a reverse
 * proxy), every one counted by the per-client comment limit and the request limit in the shared PostgreSQL store.
 * Then checks that every comment answered 201 with a receipt, the receipts are unique, and every one is stored.
 *
 * Baseline in the same run: the same number of bare transactions doing the intake's SQL floor (take the day's
 * receipt number, insert the comment) with the same concurrency, straight to PostgreSQL.
 *
 * Needs the compiled API (`npm run build:server`). Creates a database of its own (dropped unless BENCH_KEEP=1).
 * BENCH_COMMENTS (10 000), BENCH_CLIENTS (1 000), BENCH_CONCURRENCY (64) change the size; the comment limit is set to
 * the comments each client sends (COMMENT_RATE_PER_MINUTE, default 5, would refuse the sixth within a minute).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { benchDatabase, demoUsers, log, percentiles, round } from './lib/measure';
import { startApp, stopApp, waitFor } from './lib/processes';

const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 10_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const PER_CLIENT = Math.ceil(COMMENTS / CLIENTS);

/** Runs `count` jobs with at most `concurrency` at a time; returns the wall time in ms. */
async function pool(count: number, concurrency: number, job: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await job(next++);
    }),
  );
  return Date.now() - started;
}

/** Client i's address, from the range set aside for benchmarks (198.18.0.0/15): only ever a header value here. */
const addressOf = (i: number) => `198.18.${Math.floor(i / 250)}.${1 + (i % 250)}`;

async function main(): Promise<void> {
  const db = await benchDatabase('comments');
  const { dataSource } = db;
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const logFile = join(tmpdir(), `lawgate-bench-comments-${Date.now()}.log`);
  const api = startApp(
    'api',
    {
      DATABASE_URL: db.url,
      API_PORT: String(port),
      API_TRUST_PROXY: 'true',
      COMMENT_RATE_PER_MINUTE: String(PER_CLIENT),
      // Nothing on this port: the intake never calls Temporal.
      TEMPORAL_ADDRESS: '127.0.0.1:1',
    },
    logFile,
  );
  try {
    const users = await demoUsers(dataSource);
    const drafter = users['drafter.edu'];
    const procedureId = randomUUID();
    const windowId = randomUUID();
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      // The window's draft version is not read by the intake; the replica role skips that foreign key's check.
      await runner.query("SET session_replication_role = 'replica'");
      await runner.query(
        `INSERT INTO procedure (id, workflow_id, type, project_code, title, department_id, initiator_id, stage, status,
                                policy_version, details)
         VALUES ($1, 'bench:comments', 'NORMATIVE_DOCUMENT', 'c', '征求意见基准', $2, $3, 'PUBLIC_COMMENT', 'ACTIVE', 'bench', '{}')`,
        [procedureId, drafter.org_unit_id, drafter.id],
      );
      await runner.query(
        `INSERT INTO comment_window (id, procedure_id, workflow_id, title, draft_version_id, draft_sha256, opens_at,
                                     minimum_closes_at, closes_at, status, idempotency_key)
         VALUES ($1, $2, 'bench:comments', '征求意见基准', gen_random_uuid(), repeat('0', 64), now() - interval '1 hour',
                 now() + interval '30 days', now() + interval '30 days', 'OPEN', 'bench:comments')`,
        [windowId, procedureId],
      );
    } finally {
      await runner.query('RESET session_replication_role');
      await runner.release();
    }
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/public/comment-windows/${windowId}`);
    log(`API up; ${COMMENTS} comments from ${CLIENTS} clients, ${CONCURRENCY} in flight`);

    // Warm-up on another window is not possible without touching the counts; the first requests are in the figures.
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    const receipts: string[] = [];
    const httpMs = await pool(COMMENTS, CONCURRENCY, async (i) => {
      const client = i % CLIENTS;
      const started = process.hrtime.bigint();
      const res = await fetch(`${base}/api/public/comment-windows/${windowId}/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': addressOf(client) },
        body: JSON.stringify({ content: `第 ${i} 条意见：建议明确退费时限。`, name: `市民 ${client}` }),
      });
      const body = (await res.json()) as { receiptNo?: string };
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status === 201 && body.receiptNo) receipts.push(body.receiptNo);
    });
    const [stored] = await dataSource.query<{ n: string; receipts: string; clients: string }[]>(
      `SELECT count(*) AS n, count(DISTINCT receipt_no) AS receipts, count(DISTINCT client_fingerprint) AS clients
         FROM public_comment WHERE window_id = $1`,
      [windowId],
    );
    const storedReceipts = new Set(
      (
        await dataSource.query<{ receipt_no: string }[]>('SELECT receipt_no FROM public_comment WHERE window_id = $1', [
          windowId,
        ])
      ).map((r) => r.receipt_no),
    );
    const [limits] = await dataSource.query<{ keys: string; hits: string }[]>(
      `SELECT count(*) AS keys, coalesce(sum(count), 0) AS hits FROM rate_limit_hit WHERE key LIKE $1`,
      [`comment:${windowId}:%`],
    );

    // Bare: the intake's SQL floor, same count and concurrency, straight to PostgreSQL.
    log('bare transactions');
    const pg = new Pool({ connectionString: db.url, max: 10 });
    // Into the same window, after the intake's rows were counted above.
    const bareWindow = windowId;
    const bareMs = await pool(COMMENTS, CONCURRENCY, async (i) => {
      const c = await pg.connect();
      try {
        await c.query('BEGIN');
        const [{ last_no }] = (
          await c.query<{ last_no: number }>(
            `INSERT INTO comment_receipt_sequence (day, last_no) VALUES ('1999-01-01', 1)
             ON CONFLICT (day) DO UPDATE SET last_no = comment_receipt_sequence.last_no + 1 RETURNING last_no`,
          )
        ).rows;
        await c.query(
          `INSERT INTO public_comment (window_id, receipt_no, body, submitted_at, client_fingerprint)
           VALUES ($1, $2, $3, now(), $4)`,
          [bareWindow, `BARE-${last_no}`, `第 ${i} 条`, String(i % CLIENTS)],
        );
        await c.query('COMMIT');
      } finally {
        c.release();
      }
    });
    await pg.end();

    const unique = new Set(receipts);
    const lost = receipts.filter((r) => !storedReceipts.has(r)).length;
    const rate = (COMMENTS / httpMs) * 1000;
    const bareRate = (COMMENTS / bareMs) * 1000;
    console.log(
      JSON.stringify(
        {
          machine: 'shared 2-core, one API process, PostgreSQL 15 local; compare ratios',
          comments: COMMENTS,
          clients: CLIENTS,
          comments_per_client: PER_CLIENT,
          concurrency: CONCURRENCY,
          http_wall_s: round(httpMs / 1000),
          comments_per_s: round(rate),
          latency_ms: percentiles(latencies),
          statuses,
          receipts: receipts.length,
          receipts_unique: unique.size,
          stored: Number(stored.n),
          stored_receipts_unique: Number(stored.receipts),
          stored_client_fingerprints: Number(stored.clients),
          lost,
          shared_store_comment_keys: Number(limits.keys),
          shared_store_comment_hits: Number(limits.hits),
          bare_sql_wall_s: round(bareMs / 1000),
          bare_sql_per_s: round(bareRate),
          ratio: round(rate / bareRate),
          target_within_60s: httpMs <= 60_000,
          target_all_stored_unique: unique.size === COMMENTS && Number(stored.n) === COMMENTS && lost === 0,
          api_log: logFile,
        },
        null,
        2,
      ),
    );
  } finally {
    await stopApp(api);
    await db.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
