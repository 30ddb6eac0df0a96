import type { DataSource } from 'typeorm';

/**
 * Counters that a refused request may legitimately move: the request rate limit and the sign-in throttle (a wrong
 * password counts by design). Every other table must be exactly as it was.
 */
const BOOKKEEPING = new Set(['rate_limit_hit', 'sign_in_lockout', 'typeorm_migrations']);

/** A fingerprint of every table's rows (order-independent), to show that a batch of requests changed nothing. */
export async function snapshotTables(db: DataSource): Promise<Record<string, string>> {
  const tables: { name: string }[] = await db.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const wanted = tables.map((t) => t.name).filter((name) => !BOOKKEEPING.has(name));
  const rows: { name: string; fingerprint: string }[] = await db.query(
    wanted
      .map(
        (name) =>
          `SELECT '${name}' AS name, count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') AS fingerprint FROM "${name}" t`,
      )
      .join(' UNION ALL '),
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.fingerprint]));
}

/** The tables whose fingerprint differs between two snapshots. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}
