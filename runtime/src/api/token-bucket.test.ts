import { describe, expect, it } from 'vitest';
import { createTokenBuckets } from './token-bucket.ts';

describe('token buckets', () => {
  it('lets a burst of `capacity` through, then one request per refill, and says how long to wait', () => {
    let now = 0;
    const buckets = createTokenBuckets({ capacity: 6, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 6; i++) expect(buckets.take('a')).toBe(0);
    // One request comes back every 10 s.
    expect(buckets.take('a')).toBe(10_000);
    now += 4_000;
    expect(buckets.take('a')).toBe(6_000);
    now += 6_000;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(10_000);
  });

  it('counts each name on its own', () => {
    const buckets = createTokenBuckets({ capacity: 1, now: () => 0 });
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBeGreaterThan(0);
    expect(buckets.take('b')).toBe(0);
  });

  it('forgets buckets that have refilled, so memory follows the clients of the last window', () => {
    let now = 0;
    const buckets = createTokenBuckets({ capacity: 10, windowMs: 1000, now: () => now });
    for (let i = 0; i < 1000; i++) buckets.take(`client-${i}`);
    expect(buckets.size).toBe(1000);
    now += 1001;
    buckets.take('late');
    expect(buckets.size).toBe(1);
  });

  it('does not refill backwards when the clock steps back', () => {
    let now = 10_000;
    const buckets = createTokenBuckets({ capacity: 1, windowMs: 1000, now: () => now });
    expect(buckets.take('a')).toBe(0);
    now = 0;
    expect(buckets.take('a')).toBeGreaterThan(0);
  });
});
