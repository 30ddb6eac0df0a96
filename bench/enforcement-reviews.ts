/**
 * `npm run bench:enforcement`: major enforcement reviews submitted through the HTTP API by concurrent case handlers,
 * against bare Temporal workflow starts in the same run on the same server; bot reviewers take each case through
 * intake and a passing conclusion while submissions go on. Prints one JSON document: submissions per second (each a
 * start, two uploads and the submission), bare starts per second, the review body's inbox page p95 at that volume, and
 * the count of lost or duplicated cases (both must be 0).
 *
 * Runs against a LawGate started with `PROCEDURE_PERIODS=demo` (periods in seconds): LAWGATE_API_URL, its Temporal
 * (TEMPORAL_ADDRESS) and its database (DATABASE_URL). BENCH_REVIEWS (default 10 000) and BENCH_HANDLERS (default 50)
 * size it; BENCH_REVIEWERS bot reviewers (default 5).
 */
import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { Client, Connection } from '@temporalio/client';
import { CHECKLIST_ITEMS } from '@lawgate/domain';
import { startBenchStack } from './enforcement-stack';

let BASE = (process.env.LAWGATE_API_URL ?? '').replace(/\/$/, '');
const REVIEWS = Number(process.env.BENCH_REVIEWS ?? 10_000);
const HANDLERS = Number(process.env.BENCH_HANDLERS ?? 50);
const REVIEWERS = Number(process.env.BENCH_REVIEWERS ?? 5);
/**
 * A bound on the submitting time (seconds; default none): handlers take no new case after it, finish the ones they
 * hold, and the figures are those of the cases submitted (`reviews` then says how many of `planned`).
 */
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 0);
/** How long after its submission a bot reviewer takes a case up (ms; `BENCH_BOT_PICKUP_MS`, default 5 000). */
const BOT_PICKUP_MS = Number(process.env.BENCH_BOT_PICKUP_MS ?? 5000);
const PASSWORD = 'lawgate-demo';

const tokens = new Map<string, string>();
async function token(user: string): Promise<string> {
  if (!tokens.has(user)) {
    const res = await fetch(`${BASE}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user, password: PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${user}: ${res.status}`);
    tokens.set(user, ((await res.json()) as { accessToken: string }).accessToken);
  }
  return tokens.get(user)!;
}
/** Requests the workflow engine shed under load (503: nothing recorded) and that were sent again. */
let resent = 0;
/** Bot steps sent again because their task was not open yet (see `call`). */
let waitedForTask = 0;

/**
 * One request as a person's client sends it: a 429 waits for Retry-After; a 503 (the workflow engine aborted the
 * action, nothing recorded) is sent again after a pause, with the same `Idempotency-Key`, so that it acts once. A
 * start sent again may find its own case started by the first attempt (409 DUPLICATE_PROCEDURE): `found` then says
 * which procedure that is.
 */
async function call<T>(
  user: string,
  method: string,
  path: string,
  body?: unknown,
  raw?: string,
  o: { key?: string; found?: () => Promise<T>; awaitTask?: boolean } = {},
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const res = await fetch(`${BASE}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await token(user)}`,
        ...(o.key ? { 'idempotency-key': o.key } : {}),
        ...(raw !== undefined
          ? { 'content-type': 'text/plain' }
          : body !== undefined
            ? { 'content-type': 'application/json' }
            : {}),
      },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    // The shared rate limit answers 429 with Retry-After: a handler waits, as a person's client would.
    if (res.status === 429 && attempt < 20) {
      await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get('retry-after') ?? 1)));
      continue;
    }
    const text = await res.text();
    if (res.status === 503 && attempt < 10) {
      resent += 1;
      await new Promise((r) => setTimeout(r, 500 * 2 ** Math.min(attempt, 4)));
      continue;
    }
    // A reviewer's step sent before its task was open (the step before it is recorded and the task opens right
    // after): a person finds the task in the inbox a moment later; the bot asks again, at most for a minute.
    if (res.status === 409 && o.awaitTask && attempt < 30 && text.includes('"WRONG_STAGE"')) {
      waitedForTask += 1;
      await new Promise((r) => setTimeout(r, 2000));
      continue;
    }
    if (res.status === 409 && attempt > 0 && o.found && text.includes('DUPLICATE_PROCEDURE')) return o.found();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
    return (text ? JSON.parse(text) : {}) as T;
  }
}

async function pool<T>(
  items: T[],
  width: number,
  fn: (item: T) => Promise<void>,
  until = Number.POSITIVE_INFINITY,
): Promise<number> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length && Date.now() < until) await fn(items[next++]);
    }),
  );
  return Math.min(next, items.length);
}

function p50(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(0.5 * sorted.length)] * 100) / 100;
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] * 100) / 100;
}

/** Latencies (ms) of each request of a submission, by step, to show where a submission's time goes. */
const stepTimes: Record<string, number[]> = {};
async function timed<T>(step: string, fn: () => Promise<T>): Promise<T> {
  const t = process.hrtime.bigint();
  try {
    return await fn();
  } finally {
    (stepTimes[step] ??= []).push(Number(process.hrtime.bigint() - t) / 1e6);
  }
}

interface Snap {
  procedureId: string;
  openTaskId: string | null;
  stage: string;
  documents: Record<string, { sha256: string }>;
}

export async function benchEnforcementReviews(): Promise<Record<string, unknown>> {
  const run = randomUUID().slice(0, 8);
  const cases = Array.from({ length: REVIEWS }, (_, i) => `bench-${run}-${i}`);
  const submitted: { id: string; draftSha256: string; at: number }[] = [];
  let submitting = true;
  const db = new PgClient({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  // The run's own database is dropped with its stack at the end: that ends this connection, and is no error.
  db.on('error', () => undefined);
  // A start sent again after a 503 whose first attempt had started the case: that case, once its row is registered.
  const startedCase = async (caseNumber: string): Promise<Snap> => {
    for (let i = 0; i < 600; i += 1) {
      const row = await db.query<{ id: string }>('SELECT id FROM procedure WHERE project_code = $1', [caseNumber]);
      if (row.rows[0]) return { procedureId: row.rows[0].id } as Snap;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`case ${caseNumber} was started but never registered`);
  };
  const started = Date.now();
  let done = 0;
  let reviewedCount = 0;
  const progressEvery = Math.max(10, Math.round(REVIEWS / 40));
  /** Submissions a request of which failed for good (an answer other than 2xx after the resends): counted, shown. */
  const failures: string[] = [];
  // Each failure also goes to the progress log as it happens (the first 50), so a long run shows its cause early.
  const fail = (what: string, err: unknown) => {
    // A network failure's reason is in its cause (`fetch failed` alone says nothing).
    const cause =
      !(err instanceof Error) || !err.cause
        ? ''
        : err.cause instanceof Error
          ? ` (${err.cause.name}: ${err.cause.message})`
          : ` (${JSON.stringify(err.cause)})`;
    const message = `${what}: ${String(err)}${cause}`;
    failures.push(message);
    if (failures.length <= 50) process.stderr.write(`[bench:enforcement] failed: ${message.slice(0, 400)}\n`);
  };
  const review = async (): Promise<void> => {
    // Bot reviewers: take cases from the queue of submitted ones through intake and a passing conclusion.
    while (submitting || submitted.length > 0) {
      const next = submitted[0];
      // A reviewer finds a case in the inbox a few seconds after its submission, once its intake task is open; a bot
      // that asked at once was refused (WRONG_STAGE) and asked again each second, and every refusal was a Workflow
      // Update the worker ran for nothing: with bots that kept up that doubled the worker's load.
      if (!next || Date.now() - next.at < BOT_PICKUP_MS) {
        await new Promise((r) => setTimeout(r, next ? Math.max(50, BOT_PICKUP_MS - (Date.now() - next.at)) : 50));
        continue;
      }
      submitted.shift();
      const { id, draftSha256 } = next;
      try {
        await timed('botAccept', () =>
          call('officer.zhang', 'POST', `/api/procedures/${id}/steps/accept-materials`, {}, undefined, {
            key: `accept-${id}`,
            awaitTask: true,
          }),
        );
        await timed('botConclusion', () =>
          call(
            'officer.zhang',
            'POST',
            `/api/procedures/${id}/steps/conclusion`,
            {
              conclusion: 'AGREE',
              reasons: '同意',
              checklist: CHECKLIST_ITEMS.map((item) => ({ item, ok: true, note: '' })),
              reviewedSha256: draftSha256,
              noConflictDeclared: true,
            },
            undefined,
            { key: `conclusion-${id}`, awaitTask: true },
          ),
        );
        reviewedCount += 1;
      } catch (err) {
        fail(`review of ${id}`, err);
      }
    }
  };
  const reviewers = Array.from({ length: REVIEWERS }, () => review());
  const taken = await pool(
    cases,
    HANDLERS,
    (caseNumber) => submitCase(caseNumber).catch((err: unknown) => fail(`submission of ${caseNumber}`, err)),
    MAX_SECONDS > 0 ? started + MAX_SECONDS * 1000 : undefined,
  );
  async function submitCase(caseNumber: string): Promise<void> {
    const s = await timed('start', () =>
      call<Snap>(
        'drafter.mkt',
        'POST',
        '/api/procedures/enforcement-reviews',
        {
          caseNumber,
          title: `基准测试案件 ${caseNumber}`,
          decisionKind: 'PENALTY',
          measure: 'FINE',
          field: '市场监管',
          amountYuan: 100000,
          statutoryGrounds: [],
          complexOrSerious: false,
          caseHandlers: ['drafter.mkt', 'inspector.mkt'],
        },
        undefined,
        { found: () => startedCase(caseNumber) },
      ),
    );
    const id = s.procedureId;
    const draft = await timed('uploadDraft', () =>
      call<Snap>('drafter.mkt', 'POST', `/api/procedures/${id}/documents/DRAFT`, undefined, `决定书 ${caseNumber}`),
    );
    const ev = await timed('uploadEvidence', () =>
      call<Snap>('drafter.mkt', 'POST', `/api/procedures/${id}/documents/EVIDENCE`, undefined, `笔录 ${caseNumber}`),
    );
    await timed('submitCase', () =>
      call(
        'drafter.mkt',
        'POST',
        `/api/procedures/${id}/steps/submit-case`,
        {
          materials: {
            facts: '事实',
            evidence: [{ title: '笔录', source: '现场', fileSha256: ev.documents.EVIDENCE.sha256 }],
            provisions: ['第四十九条'],
            discretionStandard: '基准',
            proposedDecision: '罚款',
            hearingHeld: false,
          },
        },
        undefined,
        { key: `submit-${id}` },
      ),
    );
    submitted.push({ id, draftSha256: draft.documents.DRAFT.sha256, at: Date.now() });
    done += 1;
    if (done % progressEvery === 0) {
      const s = (Date.now() - started) / 1000;
      process.stderr.write(
        `[bench:enforcement] ${done}/${REVIEWS} submitted in ${s.toFixed(0)} s (${(done / s).toFixed(2)}/s), ` +
          `${reviewedCount} reviewed, ${submitted.length} waiting for a bot, ${failures.length} failed\n`,
      );
    }
  }
  const ran = cases.slice(0, taken);
  const submitSeconds = (Date.now() - started) / 1000;
  // The review body's inbox page at this volume, while the bots still work.
  const inbox: number[] = [];
  for (let i = 0; i < 50; i += 1) {
    const t = process.hrtime.bigint();
    await call('officer.zhang', 'GET', '/api/tasks/inbox?limit=50');
    inbox.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  submitting = false;
  await Promise.all(reviewers);

  // Bare Temporal starts of the same count, same concurrency, on a task queue nobody polls (terminated after).
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  const client = new Client({ connection });
  const queue = `bench-bare-${run}`;
  const bareStarted = Date.now();
  await pool(ran, HANDLERS, async (c) => {
    await client.workflow.start('benchBareStart', { taskQueue: queue, workflowId: `bare:${c}`, args: [{ c }] });
  });
  const bareSeconds = (Date.now() - bareStarted) / 1000;
  await pool(ran, HANDLERS, async (c) => {
    await client.workflow.getHandle(`bare:${c}`).terminate('benchmark done');
  });
  await connection.close();

  const pg = db;
  const rows = await pg.query<{ code: string; n: string }>(
    `SELECT project_code AS code, count(*) AS n FROM procedure WHERE project_code LIKE $1 GROUP BY project_code`,
    [`bench-${run}-%`],
  );
  const reviewed = await pg.query<{ n: string }>(
    `SELECT count(*) AS n FROM ledger_entry l JOIN procedure p ON p.id = l.procedure_id
      WHERE p.project_code LIKE $1 AND l.decision = 'REVIEW_AGREE'`,
    [`bench-${run}-%`],
  );
  await pg.end();
  const distinct = rows.rows.length;
  const total = rows.rows.reduce((a, r) => a + Number(r.n), 0);
  return {
    reviews: ran.length,
    ...(ran.length < REVIEWS ? { planned: REVIEWS, boundSeconds: MAX_SECONDS } : {}),
    handlers: HANDLERS,
    botReviewers: REVIEWERS,
    submissionsPerSecond: Math.round((ran.length / submitSeconds) * 100) / 100,
    bareTemporalStartsPerSecond: Math.round((ran.length / bareSeconds) * 100) / 100,
    inboxPageP95Ms: p95(inbox),
    reviewedByBots: Number(reviewed.rows[0].n),
    lost: ran.length - distinct,
    duplicated: total - distinct,
    resentAfter503: resent,
    botStepsSentAgainBeforeTheirTask: waitedForTask,
    failedSubmissions: failures.length,
    ...(failures.length ? { firstFailures: failures.slice(0, 3) } : {}),
    stepLatencyMs: Object.fromEntries(
      Object.entries(stepTimes).map(([step, samples]) => [step, { p50: p50(samples), p95: p95(samples) }]),
    ),
  };
}

/** Without `LAWGATE_API_URL`, a LawGate of the benchmark's own (`bench/enforcement-stack.ts`). */
async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[bench:enforcement] ${line}\n`);
  const stack = BASE ? undefined : await startBenchStack(log);
  if (stack) {
    // Stopped by a signal: the stack's processes and database go with the run.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => void stack.stop().finally(() => process.exit(130)));
    }
    BASE = stack.apiUrl;
    Object.assign(process.env, { TEMPORAL_ADDRESS: stack.temporalAddress, DATABASE_URL: stack.databaseUrl });
  }
  try {
    console.log(JSON.stringify(await benchEnforcementReviews(), null, 2));
  } catch (err) {
    log(`failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  } finally {
    await stack?.stop();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
