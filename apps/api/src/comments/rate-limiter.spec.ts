import { SlidingWindowRateLimiter } from './rate-limiter';

describe(SlidingWindowRateLimiter.name, () => {
  const MINUTE = 60_000;
  const DAY = 24 * 60 * MINUTE;

  function limiter(perMinute: number, perDay: number) {
    let now = 1_000_000;
    const l = new SlidingWindowRateLimiter(
      [
        { max: perMinute, windowMs: MINUTE },
        { max: perDay, windowMs: DAY },
      ],
      () => now,
    );
    return { l, advance: (ms: number) => (now += ms) };
  }

  it('should allow up to the per-minute limit, then say when the oldest attempt leaves the minute', () => {
    const { l, advance } = limiter(3, 100);
    expect(l.take('a')).toEqual({ allowed: true });
    advance(10_000);
    expect(l.take('a')).toEqual({ allowed: true });
    expect(l.take('a')).toEqual({ allowed: true });
    expect(l.take('a')).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(l.take('b')).toEqual({ allowed: true });
    advance(50_000);
    expect(l.take('a')).toEqual({ allowed: true });
  });

  it('should apply the daily limit across minutes, and not count refused attempts', () => {
    const { l, advance } = limiter(5, 4);
    for (let i = 0; i < 4; i += 1) {
      expect(l.take('a').allowed).toBe(true);
      advance(2 * MINUTE);
    }
    const refused = l.take('a');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: Math.ceil((DAY - 8 * MINUTE) / 1000) });
    advance(DAY - 8 * MINUTE);
    expect(l.take('a').allowed).toBe(true);
  });

  it('should forget keys whose longest window has passed', () => {
    const { l, advance } = limiter(5, 50);
    for (let i = 0; i < 999; i += 1) l.take(`k${i}`);
    advance(DAY + 1);
    l.take('last');
    expect(l.size).toBe(1);
  });
});
