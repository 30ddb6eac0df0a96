/** One limit: at most `max` events per `windowMs`. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * A sliding-window rate limiter over several limits (e.g. 5 a minute and 50 a day), per key.
 *
 * It keeps its counts in this process's memory: right for a single API process, which is how LawGate serves the
 * public today. With several API replicas each counts on its own (a client gets the limit once per replica); a
 * shared store (a PostgreSQL table or Redis) would be needed then. Keys hold at most the largest limit's number of
 * timestamps and are dropped once their longest window has passed, so memory stays bounded by active clients.
 */
export class SlidingWindowRateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly longestMs: number;
  private calls = 0;

  constructor(
    private readonly limits: RateLimit[],
    private readonly now: () => number = Date.now,
  ) {
    this.longestMs = Math.max(...limits.map((l) => l.windowMs));
  }

  /** Counts an attempt for `key` if every limit allows it; otherwise says how long until one would. */
  take(key: string): RateDecision {
    const now = this.now();
    if (++this.calls % 1000 === 0) this.sweep(now);
    const times = (this.hits.get(key) ?? []).filter((t) => t > now - this.longestMs);
    let retryAfterMs = 0;
    for (const limit of this.limits) {
      const inWindow = times.filter((t) => t > now - limit.windowMs);
      if (inWindow.length >= limit.max) {
        // The attempt that frees a slot is the oldest one still counted against this limit.
        retryAfterMs = Math.max(retryAfterMs, inWindow[inWindow.length - limit.max] + limit.windowMs - now);
      }
    }
    if (retryAfterMs > 0) {
      this.hits.set(key, times);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
    }
    times.push(now);
    const keep = Math.max(...this.limits.map((l) => l.max));
    this.hits.set(key, times.slice(-keep));
    return { allowed: true };
  }

  /** Number of keys held (for tests). */
  get size(): number {
    return this.hits.size;
  }

  private sweep(now: number): void {
    for (const [key, times] of this.hits) {
      if (times.every((t) => t <= now - this.longestMs)) this.hits.delete(key);
    }
  }
}
