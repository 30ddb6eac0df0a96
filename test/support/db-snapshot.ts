import type { DataSource } from 'typeorm';

/**
 * What a refused request may legitimately move: the request rate limit and the sign-in throttle (a wrong password
 * counts by design), and the ledger checkpoints (signed on a timer, not by requests). Every other table must be
 * exactly as it was, the audit trail included, bar what it records by design: failed sign-ins, and the reads that
 * a malformed but harmless request still is (an unknown query parameter on a read is ignored, and the read audited).
 */
const BOOKKEEPING = new Set(['rate_limit_hit', 'sign_in_lockout', 'typeorm_migrations', 'ledger_checkpoint']);
const AUDITED_REFUSALS = `WHERE t.action NOT IN ('auth.login.failed', 'sign-in.locked', 'document.read', 'export.downloaded', 'archive.downloaded')`;

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
          `SELECT '${name}' AS name, count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') AS fingerprint FROM "${name}" t ${name === 'audit_entry' ? AUDITED_REFUSALS : ''}`,
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
