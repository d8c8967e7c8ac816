import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { newId, recoveryCodes, users, type Db, type SealedTotpSecret } from '@omniflow/db';
import { hashToken } from '../auth/tokens.ts';
import { openSecrets, sealSecrets } from '../credentials/secret-box.ts';
import type { SecretKeyring } from '../credentials/secret-keyring.ts';
import { acceptedTotpStep, newTotpSecret, qrSvg, totpUri } from './totp.ts';

const recoveryCodeCount = 10;
// Bound to the person: a sealed secret copied to another user's row does not open there.
export const contextOf = (userId: string) => `totp:${userId}`;

const seal = (keyring: SecretKeyring, userId: string, secret: string): SealedTotpSecret =>
  sealSecrets(keyring, { secret }, contextOf(userId));
const open = (keyring: SecretKeyring, userId: string, sealed: SealedTotpSecret) =>
  openSecrets(keyring, sealed, contextOf(userId)).secret ?? '';

/**
 * Starts enrolment: a new secret, kept sealed but not in force until a code from it is confirmed.
 * Returns what the person's app needs: the secret typed by hand, or the QR code of its URI.
 */
export async function startTotpEnrolment(
  db: Db,
  keyring: SecretKeyring,
  user: { id: string; email: string },
) {
  const secret = newTotpSecret();
  await db
    .update(users)
    .set({ totpSecret: seal(keyring, user.id, secret), totpEnabledAt: null, totpLastStep: null })
    .where(eq(users.id, user.id));
  const uri = totpUri(secret, user.email);
  return { secret, uri, qrSvg: await qrSvg(uri) };
}

/** Checks a TOTP code against the person's secret and, when right, spends its time step. */
async function spendTotpCode(db: Db, keyring: SecretKeyring, userId: string, code: string): Promise<boolean> {
  const [row] = await db
    .select({ sealed: users.totpSecret, lastStep: users.totpLastStep })
    .from(users)
    .where(eq(users.id, userId));
  if (!row?.sealed) return false;
  const step = acceptedTotpStep(open(keyring, userId, row.sealed), code, row.lastStep);
  if (step === undefined) return false;
  // Conditional on the step still being newer: two requests with one code, one wins.
  const spent = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), sql`coalesce(${users.totpLastStep}, -1) < ${step}`))
    .returning({ id: users.id });
  return spent.length === 1;
}

/** `xxxx-xxxx-xxxx-xxxx` of base32: 80 random bits, so a SHA-256 of it is as safe as a slow hash. */
function newRecoveryCode(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % 32]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Confirms enrolment with a code from the new secret: the second factor is in force from now on,
 * and ten one-time recovery codes are made, shown this once and kept hashed. Undefined when the
 * code is wrong.
 */
export async function confirmTotpEnrolment(
  db: Db,
  keyring: SecretKeyring,
  userId: string,
  code: string,
): Promise<string[] | undefined> {
  if (!(await spendTotpCode(db, keyring, userId, code))) return undefined;
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpEnabledAt: new Date() }).where(eq(users.id, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx
      .insert(recoveryCodes)
      .values(codes.map((c) => ({ id: newId(), userId, codeHash: hashToken(normaliseRecoveryCode(c)) })));
  });
  return codes;
}

/** A sign-in's second step: a code from the app, or one of the recovery codes (spent). */
export async function checkSecondFactor(
  db: Db,
  keyring: SecretKeyring,
  userId: string,
  code: string,
): Promise<'totp' | 'recovery-code' | undefined> {
  if (await spendTotpCode(db, keyring, userId, code)) return 'totp';
  const normalised = normaliseRecoveryCode(code);
  if (normalised.length !== 16) return undefined;
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashToken(normalised)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length === 1 ? 'recovery-code' : undefined;
}

/** How many recovery codes are left unused. */
export async function recoveryCodesLeft(db: Db, userId: string): Promise<number> {
  const rows = await db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return rows.length;
}

/** Turns the second factor off (the person, or an admin for someone who lost their phone). */
export async function removeSecondFactor(db: Db, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  });
}
