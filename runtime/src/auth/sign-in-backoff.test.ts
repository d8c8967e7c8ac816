import { describe, expect, it } from 'vitest';
import { claimAttempt, defaultSignInLimits, type ThrottleState } from './sign-in-backoff.ts';

const limits = defaultSignInLimits;
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

/** Claims `n` attempts at `time`, as failures, from `state`. */
function fail(state: ThrottleState | undefined, n: number, time: Date) {
  let current = state;
  for (let i = 0; i < n; i++) {
    const claim = claimAttempt(current, time, limits.perAccount, limits);
    if (!claim.allowed) throw new Error(`attempt ${i + 1} refused`);
    current = claim.next;
  }
  return current!;
}

describe('sign-in backoff', () => {
  it('allows four failures unlocked and locks on the fifth for a minute', () => {
    expect(fail(undefined, 4, at(0)).lockedUntil).toBeNull();
    const fifth = fail(undefined, 5, at(0));
    expect(fifth.lockedUntil).toEqual(at(60));
    expect(claimAttempt(fifth, at(10), limits.perAccount, limits)).toEqual({
      allowed: false,
      retryAfterMs: 50_000,
    });
  });

  it('doubles the lock for each attempt allowed after one ends, up to an hour', () => {
    let state = fail(undefined, 5, at(0));
    const locks: number[] = [];
    let time = 0;
    for (let i = 0; i < 8; i++) {
      time = (state.lockedUntil!.getTime() - at(0).getTime()) / 1000;
      state = fail(state, 1, at(time));
      locks.push((state.lockedUntil!.getTime() - at(time).getTime()) / 1000);
    }
    expect(locks).toEqual([120, 240, 480, 960, 1920, 3600, 3600, 3600]);
  });

  it('forgets failures a day after the last attempt', () => {
    const four = fail(undefined, 4, at(0));
    expect(fail(four, 1, at(24 * 3600)).failures).toBe(1);
    expect(fail(four, 1, at(3600)).failures).toBe(5);
  });
});
