import { MemoryRateCounter } from '../common/rate-limit/rate-counter';
import type { AppConfig } from '@lawgate/config';
import { commentRateKey, commentRateLimits } from './rate-limiter';

describe(commentRateLimits.name, () => {
  const MINUTE = 60_000;
  const config = { COMMENT_RATE_PER_MINUTE: 3, COMMENT_RATE_PER_DAY: 5 } as AppConfig;

  function setup() {
    let now = 1_000_000;
    const limits = commentRateLimits(new MemoryRateCounter(() => now), config);
    return { limits, advance: (ms: number) => (now += ms) };
  }

  it('should allow up to the per-minute limit, then say when the minute ends', async () => {
    const { limits, advance } = setup();
    const a = commentRateKey('w1', 'client-a');
    expect(await limits.take(a)).toEqual({ allowed: true });
    advance(10_000);
    expect(await limits.take(a)).toEqual({ allowed: true });
    expect(await limits.take(a)).toEqual({ allowed: true });
    expect(await limits.take(a)).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(await limits.take(commentRateKey('w1', 'client-b'))).toEqual({ allowed: true });
    expect(await limits.take(commentRateKey('w2', 'client-a'))).toEqual({ allowed: true });
    advance(50_000);
    expect(await limits.take(a)).toEqual({ allowed: true });
  });

  it('should hold the daily limit across minutes', async () => {
    const { limits, advance } = setup();
    const a = commentRateKey('w1', 'client-a');
    for (let i = 0; i < 5; i += 1) {
      expect(await limits.take(a)).toEqual({ allowed: true });
      advance(MINUTE);
    }
    const refused = await limits.take(a);
    expect(refused.allowed).toBe(false);
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(3600);
  });
});
