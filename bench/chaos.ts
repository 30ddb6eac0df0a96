/**
 * `npm run chaos`: procedures of every type — normative documents, major decisions, major enforcement decision reviews,
 * government contract reviews and filing reviews — taken to their end by bot users (bench/chaos/bots/, one per type)
 * through the HTTP API of two API replicas, with two workers on one task queue, while faults are injected at random
 * moments (seeded): kill -9 of a worker, restart of the Temporal dev server, restart of PostgreSQL, kill -9 of an API
 * replica. Everything runs on a stack of its own (bench/chaos/stack.ts). Afterwards it checks that every procedure
 * completed exactly once, numbers are gap-free and unique, the ledger verifies, and no task or notification is
 * duplicated; prints one JSON document and exits 1 if anything was lost or duplicated.
 *
 * CHAOS_NORMATIVE (default 200), CHAOS_MAJOR (50), CHAOS_ENFORCEMENT (50), CHAOS_CONTRACT (50), CHAOS_FILING (50),
 * CHAOS_CONCURRENCY (bots at once, 12), CHAOS_FAULTS (faults of each kind, 3), CHAOS_SEED (random), CHAOS_KEEP=1
 * keeps the stack's directory (logs, data) for a look afterwards.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { Client, Connection } from '@temporalio/client';
import type { ProcedureType } from '@lawgate/domain';
import { CHAOS_BOTS, type BotContext } from './chaos/bots';
import { ChaosClient } from './chaos/client';
import { ChaosStack, FAULT_KINDS, type FaultKind } from './chaos/stack';
import { verifyAfterChaos } from './chaos/verify';

export interface ChaosOptions {
  /** How many procedures of each type (a type left out: none). */
  procedures: Partial<Record<ProcedureType, number>>;
  concurrency: number;
  faultsPerKind: number;
  seed: number;
  keep?: boolean;
  log?: (line: string) => void;
}

/** mulberry32: a small seeded generator, so that a run's fault schedule can be replayed from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runChaos(options: ChaosOptions): Promise<Record<string, unknown>> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[chaos] ${line}\n`));
  const random = rng(options.seed);
  const stack = new ChaosStack(log);
  const started = Date.now();
  log(`seed ${options.seed}; stack in ${stack.dir}`);
  let clean = false;
  // Stopped by a signal: its processes and PostgreSQL cluster go too (the directory stays for a look).
  const interrupted = () => void stack.stop(true).finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    await stack.start();
    log(`stack up in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    const pg = new PgClient({ connectionString: stack.databaseUrl });
    await pg.connect();
    const users = await pg.query<{ id: string; username: string }>('SELECT id, username FROM app_user');
    const units = await pg.query<{ id: string }>(`SELECT id FROM org_unit WHERE code = 'JT-EDU'`);
    await pg.end();
    // Bots only reach the replicas that are up as they were last seen; a dead one refuses connections and they move.
    const client = new ChaosClient(() => [0, 1].map((i) => stack.apiUrl(i)));
    const ctx: BotContext = {
      client,
      usernames: new Map(users.rows.map((u) => [u.id, u.username])),
      eduUnitId: units.rows[0].id,
      leaderId: users.rows.find((u) => u.username === 'leader.zhou')!.id,
      findByCode: async (code) => {
        const db = new PgClient({ connectionString: stack.databaseUrl });
        try {
          await db.connect();
          const rows = await db.query<{ id: string }>('SELECT id FROM procedure WHERE project_code = $1', [code]);
          return rows.rows[0]?.id;
        } catch {
          return undefined;
        } finally {
          await db.end().catch(() => undefined);
        }
      },
      stuckAfterMs: 240000,
    };

    const run = Math.floor(random() * 1e9).toString(36);
    const jobs = (Object.entries(options.procedures) as [ProcedureType, number][])
      .flatMap(([type, n]) =>
        Array.from({ length: n }, (_, i) => {
          const code = `chaos-${run}-${CHAOS_BOTS[type].tag}${i}`;
          return { type, code, key: CHAOS_BOTS[type].businessKey(code) };
        }),
      )
      .sort(() => random() - 0.5);
    // By business key: what each job's bot reached.
    const finished = new Map<string, { type: ProcedureType; procedureId?: string; error?: string }>();
    let next = 0;
    const bots = Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (next < jobs.length) {
          const job = jobs[next++];
          try {
            const procedureId = await CHAOS_BOTS[job.type].bot(ctx, job.code);
            finished.set(job.key, { type: job.type, procedureId });
          } catch (err) {
            log(`${job.code}: ${String(err).slice(0, 400)}`);
            finished.set(job.key, { type: job.type, error: String(err).slice(0, 400) });
          }
          if (finished.size % 10 === 0) log(`${finished.size}/${jobs.length} procedures through`);
        }
      }),
    );

    // The fault schedule: each kind `faultsPerKind` times, in a seeded order, at seeded pauses, while bots work.
    const schedule: { kind: FaultKind; which: number }[] = [];
    for (const kind of FAULT_KINDS) {
      for (let i = 0; i < options.faultsPerKind; i += 1) schedule.push({ kind, which: Math.floor(random() * 2) });
    }
    schedule.sort(() => random() - 0.5);
    const faults: Record<string, number> = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0]));
    const recoverySeconds: number[] = [];
    let botsDone = false;
    void bots.finally(() => (botsDone = true));
    // A long run spreads the faults over its procedures (the k-th waits until about k/(n+1) of them are through); a
    // short one, where every bot is busy until the end, injects them a few seconds apart from the start.
    const spread = jobs.length > 2 * options.concurrency;
    for (const [k, fault] of schedule.entries()) {
      const gate = spread ? Math.floor((jobs.length * (k + 0.5 + random() * 0.5)) / (schedule.length + 1)) : 0;
      while (!botsDone && finished.size < gate) await sleep(500);
      await sleep((0.2 + 0.8 * random()) * 3000);
      if (botsDone) break;
      const t = Date.now();
      log(`fault: ${fault.kind} (${fault.which})`);
      await stack.inject(fault.kind, fault.which);
      recoverySeconds.push((Date.now() - t) / 1000);
      faults[fault.kind] += 1;
    }
    await bots;
    log('bots done; checking');

    const connection = await Connection.connect({ address: stack.temporalAddress });
    const result = await verifyAfterChaos({
      databaseUrl: stack.databaseUrl,
      temporal: new Client({ connection }),
      finished,
      client,
    });
    await connection.close();
    const byType: Record<string, number> = {};
    for (const job of jobs) byType[job.type] = (byType[job.type] ?? 0) + 1;
    clean = result.lost === 0 && result.duplicated === 0;
    return {
      seed: options.seed,
      procedures: byType,
      completed: result.completed,
      faults,
      faultsInjected: recoverySeconds.length,
      recoveries: {
        count: recoverySeconds.length,
        maxSeconds: Math.max(0, ...recoverySeconds),
        requestsRetried: client.retried,
        replicaFailovers: client.failovers,
      },
      minutes: Math.round(((Date.now() - started) / 60000) * 100) / 100,
      checks: result.checks,
      lost: result.lost,
      duplicated: result.duplicated,
      problems: result.problems.slice(0, 20),
    };
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    // A run that lost or duplicated anything (or failed) keeps its logs and data for a look afterwards.
    await stack.stop(options.keep || !clean);
    if (!clean) log(`kept the stack's directory for a look: ${stack.dir}`);
  }
}

if (require.main === module) {
  // The run starts the compiled apps: build them first, as `npm run bench` does (CHAOS_SKIP_BUILD=1 reuses dist/).
  if (process.env.CHAOS_SKIP_BUILD !== '1') {
    execFileSync('npm', ['run', '-s', 'build:server'], { cwd: join(__dirname, '..'), stdio: 'inherit' });
    execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build-workflow-bundle.mjs')], {
      stdio: 'ignore',
    });
  }
  const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
  runChaos({
    procedures: Object.fromEntries(
      Object.entries(CHAOS_BOTS).map(([type, b]) => [type, Number(process.env[b.env] ?? b.fullForm)]),
    ),
    concurrency: Number(process.env.CHAOS_CONCURRENCY ?? 12),
    faultsPerKind: Number(process.env.CHAOS_FAULTS ?? 3),
    seed,
    keep: process.env.CHAOS_KEEP === '1',
  })
    .then((result) => {
      console.log(JSON.stringify(result, null, 2));
      process.exit(result.lost === 0 && result.duplicated === 0 ? 0 : 1);
    })
    .catch((err: unknown) => {
      console.error(`seed ${seed}:`, err instanceof Error ? err.stack : err);
      process.exit(1);
    });
}
