import { describe, expect, it } from 'vitest';
import { TokenBucketLimiter } from './rate-limit.ts';

describe('the token bucket', () => {
  it('lets a burst of `capacity` through, then refuses with the seconds until a token is back', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ capacity: 3, refillPerMinute: 6, now: () => now });
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 10 });
    now += 10_000;
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
  });

  it('counts each client apart and never holds more than capacity', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ capacity: 2, refillPerMinute: 60, now: () => now });
    limiter.take('a');
    limiter.take('a');
    expect(limiter.take('a').ok).toBe(false);
    expect(limiter.take('b').ok).toBe(true);
    now += 3_600_000;
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, false]);
  });

  it('forgets idle clients when it reaches its size bound', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ capacity: 1, refillPerMinute: 60, now: () => now, maxClients: 2 });
    limiter.take('a');
    limiter.take('b');
    now += 60_000;
    expect(limiter.size).toBe(2);
    limiter.take('c'); // a and b are full again: forgotten
    expect(limiter.size).toBe(1);
    expect(limiter.take('c').ok).toBe(false);
  });
});
