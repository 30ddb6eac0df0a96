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
    for (const limit of this.limits) {
      const { count, resetInMs } = await this.counter.hit(key, limit.windowMs);
      if (count > limit.max) retryAfterMs = Math.max(retryAfterMs, resetInMs);
    }
    if (retryAfterMs > 0) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
    return { allowed: true };
  }
}
