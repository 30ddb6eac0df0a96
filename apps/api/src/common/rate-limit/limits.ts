import type { RateCounter } from './rate-counter';

/** One limit: at most `max` events per `windowMs`. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Several limits over one key (e.g. 5 a minute and 50 a day), counted in a shared `RateCounter`. Each attempt counts
 * against every limit; the attempt is refused when any is exceeded, with the wait until that window ends.
 */
export class RateLimits {
  constructor(
    private readonly counter: RateCounter,
    private readonly limits: RateLimit[],
  ) {}

  async take(key: string): Promise<RateDecision> {
    let retryAfterMs = 0;
    // Side by side: each limit's counter is its own row, so one attempt waits for one round trip, not one per limit.
    const counts = await Promise.all(this.limits.map((limit) => this.counter.hit(key, limit.windowMs)));
    this.limits.forEach((limit, i) => {
      const { count, resetInMs } = counts[i];
      if (count > limit.max) retryAfterMs = Math.max(retryAfterMs, resetInMs);
    });
    if (retryAfterMs > 0) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
    return { allowed: true };
  }
}
