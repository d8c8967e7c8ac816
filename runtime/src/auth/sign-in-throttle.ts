import { asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { signInThrottles, type Db } from '@omniflow/db';
import { claimAttempt, type SignInLimits } from './sign-in-backoff.ts';

export { defaultSignInLimits, type SignInLimits } from './sign-in-backoff.ts';

/** What one sign-in attempt is counted against. */
export interface SignInSubject {
  /** The email as typed (normalised here); unknown emails lock just like known ones. */
  email: string;
  /** The client's address. */
  address: string;
}

const keysOf = (subject: SignInSubject, limits: SignInLimits) => ({
  account: { key: `account:${subject.email.trim().toLowerCase()}`, threshold: limits.perAccount },
  address: { key: `ip:${subject.address}`, threshold: limits.perAddress },
});

export type SignInClaim = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Claims one attempt against the account and the address, in one transaction so every API replica
 * counts the same attempts. Refused (nothing counted) while either is locked.
 */
export async function claimSignInAttempt(
  db: Db,
  subject: SignInSubject,
  now: Date,
  limits: SignInLimits,
): Promise<SignInClaim> {
  const { account, address } = keysOf(subject, limits);
  const claimed = await db.transaction(async (tx): Promise<SignInClaim> => {
    // Rows first, so two replicas racing on a new key both lock the same row below.
    await tx
      .insert(signInThrottles)
      .values([account, address].map(({ key }) => ({ key, failures: 0, lastAttemptAt: now })))
      .onConflictDoNothing();
    const rows = await tx
      .select()
      .from(signInThrottles)
      .where(inArray(signInThrottles.key, [account.key, address.key]))
      .orderBy(asc(signInThrottles.key))
      .for('update');
    const claims = [address, account].map(({ key, threshold }) => ({
      key,
      claim: claimAttempt(
        rows.find((r) => r.key === key),
        now,
        threshold,
        limits,
      ),
    }));
    const refused = claims.flatMap(({ claim }) => (claim.allowed ? [] : [claim.retryAfterMs]));
    if (refused.length > 0) return { allowed: false, retryAfterMs: Math.max(...refused) };
    for (const { key, claim } of claims)
      if (claim.allowed) await tx.update(signInThrottles).set(claim.next).where(eq(signInThrottles.key, key));
    return { allowed: true };
  });
  await forgetOldAttempts(db, new Date(now.getTime() - limits.forgetAfterMs));
  return claimed;
}

/**
 * Deletes keys last tried before `cutoff`, so guessed emails do not pile up. On its own and
 * skipping rows a claim holds: it never waits, so it cannot deadlock with claims.
 */
async function forgetOldAttempts(db: Db, cutoff: Date): Promise<void> {
  const stale = db
    .select({ key: signInThrottles.key })
    .from(signInThrottles)
    .where(lt(signInThrottles.lastAttemptAt, cutoff))
    .for('update', { skipLocked: true });
  await db.delete(signInThrottles).where(inArray(signInThrottles.key, stale));
}

/**
 * A right password: the account starts afresh, and the address gets back the failure it was charged
 * (its other failures stand, so signing in to one's own account does not clear guesses at others).
 */
export async function forgiveSignInAttempt(
  db: Db,
  subject: SignInSubject,
  limits: SignInLimits,
): Promise<void> {
  const { account, address } = keysOf(subject, limits);
  await db.delete(signInThrottles).where(eq(signInThrottles.key, account.key));
  await db
    .update(signInThrottles)
    .set({ failures: sql`greatest(${signInThrottles.failures} - 1, 0)`, lockedUntil: null })
    .where(eq(signInThrottles.key, address.key));
}
