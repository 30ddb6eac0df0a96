/** What the benchmarks share: timing, percentiles, and a database of the bench's own. */
import { Client as PgClient } from 'pg';
import { DataSource } from 'typeorm';
import {
  buildDataSourceOptions,
  CalendarRepository,
  packagedCalendar,
  seedDemoOrganisation,
} from '@lawgate/persistence';

export const round = (ms: number) => Math.round(ms * 100) / 100;

export function percentiles(samples: number[]): { p50: number; p95: number; max: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted[sorted.length - 1]), n: sorted.length };
}

export async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Interleaves the two measurements so that machine noise hits both alike; returns [a, b, p95 ratio a/b]. */
export async function measurePair(a: () => Promise<unknown>, b: () => Promise<unknown>, iterations: number) {
  for (let i = 0; i < Math.min(20, iterations); i += 1) {
    await a();
    await b();
  }
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    sa.push(await time(a));
    sb.push(await time(b));
  }
  const [pa, pb] = [percentiles(sa), percentiles(sb)];
  return { measured: pa, bare: pb, ratio_p95: round(pa.p95 / pb.p95) };
}

export const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/**
 * A database of the bench's own, migrated, with the demo organisation and the calendar; `drop` removes it unless
 * BENCH_KEEP=1.
 */
export async function benchDatabase(prefix: string, poolSize = 4) {
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `lawgate_${prefix}_${Date.now()}`;
  const admin = new PgClient({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  const dataSource = new DataSource({
    ...buildDataSourceOptions({ DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: poolSize, DATABASE_SSL: false }),
    logging: ['error'],
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await seedDemoOrganisation(dataSource);
  const calendar = packagedCalendar();
  await new CalendarRepository(dataSource).loadYearsIfAbsent(calendar.years, calendar.source);
  return {
    name,
    url: url.toString(),
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      if (process.env.BENCH_KEEP === '1') log(`kept database ${name}`);
      else await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** The demo accounts by user name: id and unit. */
export async function demoUsers(dataSource: DataSource) {
  const rows = await dataSource.query<{ username: string; id: string; org_unit_id: string }[]>(
    'SELECT username, id, org_unit_id FROM app_user',
  );
  return Object.fromEntries(rows.map((u) => [u.username, u]));
}

/** EXPLAIN (ANALYZE, BUFFERS) of a statement, as text. */
export async function explain(dataSource: DataSource, sql: string, params: unknown[] = []): Promise<string> {
  const rows = await dataSource.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}
