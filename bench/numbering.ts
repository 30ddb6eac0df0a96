/**
 * `npm run bench:numbering`: document numbering under contention. 64 concurrent clients register documents of one
 * series through `registerDocument`'s transaction (idempotency look-up, series look-up, counter INSERT … ON CONFLICT
 * DO NOTHING and UPDATE … RETURNING, register entry, audit entry), against a bare single-row
 * `UPDATE counter SET v = v + 1 RETURNING v` with the same concurrency in the same run. Both serialise on one row
 * lock; the ratio says what the register's bookkeeping costs on top. Gaps and duplicates must be 0.
 *
 * Registrations that arrive while the counter is held are numbered together by the next statement (see
 * `NumberingBatcher`), as they are in a worker that runs many registration activities at once.
 *
 * Creates and drops a database of its own on DATABASE_URL (default the local server). Prints one JSON document.
 * BENCH_NUMBERS (default 2048) and BENCH_CONCURRENCY (default 64) change the size.
 */
import 'reflect-metadata';
import { createHash, randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { DataSource } from 'typeorm';
import { RegisterActivities } from '../activities/register.activities';
import {
  buildDataSourceOptions,
  AuditRepository,
  DocumentRepository,
  RegisterRepository,
  seedDemoOrganisation,
} from '@lawgate/persistence';

const NUMBERS = Number(process.env.BENCH_NUMBERS ?? 2048);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const ROUNDS = 3;

/** Runs `total` operations on `concurrency` clients at once; returns the values they produced and the elapsed ms. */
async function contend(total: number, concurrency: number, op: (i: number) => Promise<number>) {
  const values: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) values.push(await op(i));
    }),
  );
  return { values, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

/** Values that should be exactly 1..expected: how many are missing and how many repeat. */
function audit(values: number[], from: number, expected: number) {
  const seen = new Map<number, number>();
  for (const v of values) seen.set(v, (seen.get(v) ?? 0) + 1);
  let gaps = 0;
  for (let v = from; v < from + expected; v += 1) if (!seen.has(v)) gaps += 1;
  const duplicates = [...seen.values()].reduce((n, c) => n + c - 1, 0);
  const outOfRange = values.filter((v) => v < from || v >= from + expected).length;
  return { gaps, duplicates, outOfRange };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[bench:numbering] ${line}\n`);
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const database = `lawgate_bench_numbering_${Date.now()}`;
  const admin = new PgClient({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  const url = new URL(base.toString());
  url.pathname = `/${database}`;
  const dataSource = new DataSource({
    ...buildDataSourceOptions({ DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: CONCURRENCY, DATABASE_SSL: false }),
    logging: ['error'],
  });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await seedDemoOrganisation(dataSource);
    const activities = new RegisterActivities(
      dataSource,
      new RegisterRepository(dataSource),
      new DocumentRepository(dataSource),
      new AuditRepository(dataSource),
    );
    const [drafter] = await dataSource.query<{ id: string; org_unit_id: string }[]>(
      "SELECT id, org_unit_id FROM app_user WHERE username = 'drafter.edu'",
    );
    const [gov] = await dataSource.query<{ id: string }[]>("SELECT id FROM org_unit WHERE code = 'JT-GOV'");
    await dataSource.query('CREATE TABLE bench_counter (id int PRIMARY KEY, v int NOT NULL)');

    // Warm the pool up: every client connected before anything is timed.
    await contend(CONCURRENCY * 2, CONCURRENCY, async () => {
      await dataSource.query('SELECT 1');
      return 0;
    });
    const results: { register: { ms: number; rate: number }; bare: { ms: number; rate: number } }[] = [];
    let registerCheck = { gaps: 0, duplicates: 0, outOfRange: 0, dbGaps: 0, dbDuplicates: 0 };
    let bareCheck = { gaps: 0, duplicates: 0, outOfRange: 0 };
    for (let round = 0; round < ROUNDS; round += 1) {
      log(`round ${round + 1}: ${NUMBERS} registrations and ${NUMBERS} bare increments on ${CONCURRENCY} clients`);
      // A series of its own per round, with procedures for its entries.
      const series = `BENCH${round}`;
      const [{ id: seriesId }] = await dataSource.query<{ id: string }[]>(
        'INSERT INTO issuer_series (issuer_unit_id, series, prefix) VALUES ($1, $2, $3) RETURNING id',
        [gov.id, series, `坛基准${String.fromCharCode(65 + round)}`],
      );
      const procedureIds = Array.from({ length: NUMBERS }, () => randomUUID());
      await dataSource.query(
        `INSERT INTO procedure (id, workflow_id, type, project_code, title, department_id, initiator_id, stage, status,
           policy_version, details)
         SELECT p, 'bench:' || p, 'NORMATIVE_DOCUMENT', 'bench', '基准', $2, $3, 'REGISTRATION', 'ACTIVE', 'bench', '{}'
         FROM unnest($1::uuid[]) p`,
        [procedureIds, drafter.org_unit_id, drafter.id],
      );
      await dataSource.query('INSERT INTO bench_counter VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET v = 0');

      const bare = await contend(NUMBERS, CONCURRENCY, async () => {
        const [rows] = await dataSource.query<[{ v: number }[], number]>(
          'UPDATE bench_counter SET v = v + 1 WHERE id = 1 RETURNING v',
        );
        return rows[0].v;
      });
      const register = await contend(NUMBERS, CONCURRENCY, async (i) => {
        const procedureId = procedureIds[i];
        const registered = await activities.registerDocument({
          procedureId,
          workflowId: `bench:${procedureId}`,
          issuerUnitId: gov.id,
          series,
          title: `金坛区基准测试办法 ${i}`,
          documentSha256: createHash('sha256').update(procedureId).digest('hex'),
          validityYears: 5,
          registeredBy: null,
          idempotencyKey: `registration:${procedureId}`,
        });
        return registered.seq;
      });
      results.push({
        register: { ms: round2(register.ms), rate: round2((NUMBERS * 1000) / register.ms) },
        bare: { ms: round2(bare.ms), rate: round2((NUMBERS * 1000) / bare.ms) },
      });
      const r = audit(register.values, 1, NUMBERS);
      const stored = await dataSource.query<{ seq: number }[]>(
        'SELECT seq FROM register_entry WHERE issuer_series_id = $1',
        [seriesId],
      );
      const db = audit(
        stored.map((s) => s.seq),
        1,
        NUMBERS,
      );
      const b = audit(bare.values, 1, NUMBERS);
      registerCheck = {
        gaps: registerCheck.gaps + r.gaps,
        duplicates: registerCheck.duplicates + r.duplicates,
        outOfRange: registerCheck.outOfRange + r.outOfRange,
        dbGaps: registerCheck.dbGaps + db.gaps + Math.max(0, NUMBERS - stored.length),
        dbDuplicates: registerCheck.dbDuplicates + db.duplicates,
      };
      bareCheck = {
        gaps: bareCheck.gaps + b.gaps,
        duplicates: bareCheck.duplicates + b.duplicates,
        outOfRange: bareCheck.outOfRange + b.outOfRange,
      };
    }
    const registerRate = median(results.map((r) => r.register.rate));
    const bareRate = median(results.map((r) => r.bare.rate));
    process.stdout.write(
      `${JSON.stringify(
        {
          numbering: {
            concurrency: CONCURRENCY,
            numbersPerRound: NUMBERS,
            rounds: results,
            registerDocumentPerSecond: registerRate,
            bareUpdatePerSecond: bareRate,
            ratioBareToRegister: round2(bareRate / registerRate),
            registerShareOfBare: round2(registerRate / bareRate),
            target_at_least_80_percent_of_bare: registerRate >= 0.8 * bareRate,
            registerDocument: registerCheck,
            bareUpdate: bareCheck,
          },
          machine: { note: 'shared 2-core machine, local PostgreSQL; compare the ratio' },
        },
        null,
        2,
      )}\n`,
    );
    const broken = registerCheck.gaps + registerCheck.duplicates + registerCheck.dbGaps + registerCheck.dbDuplicates;
    if (broken > 0) process.exitCode = 1;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
