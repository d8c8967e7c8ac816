/** How many failed sign-ins are allowed, and how long the lock after them lasts. */
export interface SignInLimits {
  /** Failed sign-ins to one account (known or not) before it is locked. */
  perAccount: number;
  /** Failed sign-ins from one client address, over any accounts, before it is locked. */
  perAddress: number;
  /** The first lock; every further failure after it doubles the lock, up to `maxLockMs`. */
  firstLockMs: number;
  maxLockMs: number;
  /** Failures are forgotten this long after the last attempt. */
  forgetAfterMs: number;
}

export const defaultSignInLimits: SignInLimits = {
  perAccount: 5,
  perAddress: 20,
  firstLockMs: 60_000,
  maxLockMs: 3_600_000,
  forgetAfterMs: 24 * 3_600_000,
};

/** One throttled key (an account or an address): failures counted so far and its lock. */
export interface ThrottleState {
  failures: number;
  lockedUntil: Date | null;
  lastAttemptAt: Date;
}

export type AttemptClaim = { allowed: true; next: ThrottleState } | { allowed: false; retryAfterMs: number };

/**
 * Counts an attempt as failed before its password is checked, so attempts made in parallel cannot
 * all pass a count taken before any of them failed; a success gives the count back. The attempt
 * that reaches `threshold` locks right away, and each one allowed after a lock ends doubles it.
 */
export function claimAttempt(
  state: ThrottleState | undefined,
  now: Date,
  threshold: number,
  limits: SignInLimits,
): AttemptClaim {
  if (state?.lockedUntil && state.lockedUntil > now)
    return { allowed: false, retryAfterMs: state.lockedUntil.getTime() - now.getTime() };
  const remembered = state && now.getTime() - state.lastAttemptAt.getTime() < limits.forgetAfterMs;
  const failures = (remembered ? state.failures : 0) + 1;
  const lockMs =
    failures >= threshold ? Math.min(limits.maxLockMs, limits.firstLockMs * 2 ** (failures - threshold)) : 0;
  return {
    allowed: true,
    next: { failures, lockedUntil: lockMs > 0 ? new Date(now.getTime() + lockMs) : null, lastAttemptAt: now },
  };
}
