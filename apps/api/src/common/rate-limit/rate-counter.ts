import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A fixed-window count: how many hits the key has in its current window, and when that window ends. */
export interface RateCount {
  count: number;
  resetInMs: number;
}

/** Counts hits per key and window; shared by every API replica when it is backed by the database. */
export interface RateCounter {
  hit(key: string, windowMs: number): Promise<RateCount>;
  /** The current window's count without adding a hit (0 when the window has ended). */
  peek(key: string, windowMs: number): Promise<RateCount>;
}

/**
 * The counters in PostgreSQL (`rate_limit_hit`): one row per key and window length, incremented atomically, so every
 * API replica counts against the same number. A window that has ended restarts at 1. Ended rows are swept now and
 * then, so the table holds only the keys active in their window.
 */
@Injectable()
export class PgRateCounter implements RateCounter {
  private hits = 0;

  constructor(private readonly dataSource: DataSource) {}

  async hit(key: string, windowMs: number): Promise<RateCount> {
    if (++this.hits % 500 === 0) void this.sweep().catch(() => undefined);
    const rows: { count: number; reset_in_ms: string }[] = await this.dataSource.query(
      `INSERT INTO rate_limit_hit (key, count, expires_at)
            VALUES ($1, 1, clock_timestamp() + $2 * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET
            count = CASE WHEN rate_limit_hit.expires_at <= clock_timestamp() THEN 1 ELSE rate_limit_hit.count + 1 END,
            expires_at = CASE WHEN rate_limit_hit.expires_at <= clock_timestamp()
                              THEN EXCLUDED.expires_at ELSE rate_limit_hit.expires_at END
       RETURNING count, GREATEST(0, (EXTRACT(EPOCH FROM (expires_at - clock_timestamp())) * 1000))::bigint AS reset_in_ms`,
      [`${key}|${windowMs}`.slice(0, 300), windowMs],
    );
    return { count: Number(rows[0].count), resetInMs: Number(rows[0].reset_in_ms) };
  }

  async peek(key: string, windowMs: number): Promise<RateCount> {
    const rows: { count: number; reset_in_ms: string }[] = await this.dataSource.query(
      `SELECT count, (EXTRACT(EPOCH FROM (expires_at - clock_timestamp())) * 1000)::bigint AS reset_in_ms
         FROM rate_limit_hit WHERE key = $1 AND expires_at > clock_timestamp()`,
      [`${key}|${windowMs}`.slice(0, 300)],
    );
    return rows[0]
      ? { count: Number(rows[0].count), resetInMs: Number(rows[0].reset_in_ms) }
      : { count: 0, resetInMs: 0 };
  }

  private async sweep(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM rate_limit_hit WHERE expires_at < clock_timestamp() - interval '1 minute'`,
    );
  }
}

/** The same counting in this process's memory, for unit tests of what builds on a `RateCounter`. */
export class MemoryRateCounter implements RateCounter {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  hit(key: string, windowMs: number): Promise<RateCount> {
    const now = this.now();
    const id = `${key}|${windowMs}`;
    let window = this.windows.get(id);
    if (!window || window.endsAt <= now) window = { count: 0, endsAt: now + windowMs };
    window.count += 1;
    this.windows.set(id, window);
    return Promise.resolve({ count: window.count, resetInMs: window.endsAt - now });
  }

  peek(key: string, windowMs: number): Promise<RateCount> {
    const now = this.now();
    const window = this.windows.get(`${key}|${windowMs}`);
    if (!window || window.endsAt <= now) return Promise.resolve({ count: 0, resetInMs: 0 });
    return Promise.resolve({ count: window.count, resetInMs: window.endsAt - now });
  }
}
