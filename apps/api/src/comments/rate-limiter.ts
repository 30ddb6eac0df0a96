import type { AppConfig } from '@lawgate/config';
import { RateLimits } from '../common/rate-limit/limits';
import type { RateCounter } from '../common/rate-limit/rate-counter';

/**
 * The public comment limit: per comment window and client, `COMMENT_RATE_PER_MINUTE` a minute and
 * `COMMENT_RATE_PER_DAY` a day, counted in the shared store (PostgreSQL), so that every API replica counts the same.
 */
export function commentRateLimits(counter: RateCounter, config: AppConfig): RateLimits {
  return new RateLimits(counter, [
    { max: config.COMMENT_RATE_PER_MINUTE, windowMs: 60_000 },
    { max: config.COMMENT_RATE_PER_DAY, windowMs: 24 * 3600_000 },
  ]);
}

/** The key a comment counts against: the window and the client's keyed address hash. */
export function commentRateKey(windowId: string, fingerprint: string): string {
  return `comment:${windowId}:${fingerprint}`;
}
