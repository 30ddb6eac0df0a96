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

const BASE = (process.env.LAWGATE_API_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const REVIEWS = Number(process.env.BENCH_REVIEWS ?? 10_000);
const HANDLERS = Number(process.env.BENCH_HANDLERS ?? 50);
const REVIEWERS = Number(process.env.BENCH_REVIEWERS ?? 5);
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
async function call<T>(user: string, method: string, path: string, body?: unknown, raw?: string): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const res = await fetch(`${BASE}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await token(user)}`,
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
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
    return (text ? JSON.parse(text) : {}) as T;
  }
}

async function pool<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] * 100) / 100;
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
  const submitted: string[] = [];
  let submitting = true;
  const started = Date.now();
  const review = async (): Promise<void> => {
    // Bot reviewers: take cases from the queue of submitted ones through intake and a passing conclusion.
    while (submitting || submitted.length > 0) {
      const id = submitted.shift();
      if (!id) {
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      const s = await call<Snap>('officer.zhang', 'POST', `/api/procedures/${id}/steps/accept-materials`, {});
      await call('officer.zhang', 'POST', `/api/procedures/${id}/steps/conclusion`, {
        conclusion: 'AGREE',
        reasons: '同意',
        checklist: CHECKLIST_ITEMS.map((item) => ({ item, ok: true, note: '' })),
        reviewedSha256: s.documents.DRAFT.sha256,
        noConflictDeclared: true,
      });
    }
  };
  const reviewers = Array.from({ length: REVIEWERS }, () => review());
  await pool(cases, HANDLERS, async (caseNumber) => {
    const s = await call<Snap>('drafter.mkt', 'POST', '/api/procedures/enforcement-reviews', {
      caseNumber,
      title: `基准测试案件 ${caseNumber}`,
      decisionKind: 'PENALTY',
      measure: 'FINE',
      field: '市场监管',
      amountYuan: 100000,
      statutoryGrounds: [],
      complexOrSerious: false,
      caseHandlers: ['drafter.mkt', 'inspector.mkt'],
    });
    const id = s.procedureId;
    await call('drafter.mkt', 'POST', `/api/procedures/${id}/documents/DRAFT`, undefined, `决定书 ${caseNumber}`);
    const ev = await call<Snap>(
      'drafter.mkt',
      'POST',
      `/api/procedures/${id}/documents/EVIDENCE`,
      undefined,
      `笔录 ${caseNumber}`,
    );
    await call('drafter.mkt', 'POST', `/api/procedures/${id}/steps/submit-case`, {
      materials: {
        facts: '事实',
        evidence: [{ title: '笔录', source: '现场', fileSha256: ev.documents.EVIDENCE.sha256 }],
        provisions: ['第四十九条'],
        discretionStandard: '基准',
        proposedDecision: '罚款',
        hearingHeld: false,
      },
    });
    submitted.push(id);
  });
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
  await pool(cases, HANDLERS, async (c) => {
    await client.workflow.start('benchBareStart', { taskQueue: queue, workflowId: `bare:${c}`, args: [{ c }] });
  });
  const bareSeconds = (Date.now() - bareStarted) / 1000;
  await pool(cases, HANDLERS, async (c) => {
    await client.workflow.getHandle(`bare:${c}`).terminate('benchmark done');
  });
  await connection.close();

  const pg = new PgClient({ connectionString: process.env.DATABASE_URL });
  await pg.connect();
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
    reviews: REVIEWS,
    handlers: HANDLERS,
    botReviewers: REVIEWERS,
    submissionsPerSecond: Math.round((REVIEWS / submitSeconds) * 100) / 100,
    bareTemporalStartsPerSecond: Math.round((REVIEWS / bareSeconds) * 100) / 100,
    inboxPageP95Ms: p95(inbox),
    reviewedByBots: Number(reviewed.rows[0].n),
    lost: REVIEWS - distinct,
    duplicated: total - distinct,
  };
}

if (require.main === module) {
  benchEnforcementReviews()
    .then((result) => console.log(JSON.stringify(result, null, 2)))
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
