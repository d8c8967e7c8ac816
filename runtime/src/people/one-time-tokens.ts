import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { newId, userTokens, type Db, type UserTokenKind } from '@omniflow/db';
import { hashToken } from '../auth/tokens.ts';

/** A link token: 256 random bits, so the stored SHA-256 is enough (auth/tokens.ts). */
export const newLinkToken = () => randomBytes(32).toString('base64url');

/** Issues a token of `kind` for a person; earlier unused ones of the same kind stop working. */
export async function issueUserToken(
  db: Db,
  userId: string,
  kind: UserTokenKind,
  ttlMs: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newLinkToken();
  const expiresAt = new Date(Date.now() + ttlMs);
  await db.transaction(async (tx) => {
    await tx
      .update(userTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(userTokens.userId, userId), eq(userTokens.kind, kind), isNull(userTokens.usedAt)));
    await tx.insert(userTokens).values({ id: newId(), userId, kind, tokenHash: hashToken(token), expiresAt });
  });
  return { token, expiresAt };
}

/** The person a live, unused token of `kind` is for; `expired` when it was real but is too old. */
export async function findUserToken(
  db: Db,
  token: string,
  kind: UserTokenKind,
): Promise<{ id: string; userId: string } | 'expired' | undefined> {
  const [row] = await db
    .select()
    .from(userTokens)
    .where(
      and(eq(userTokens.tokenHash, hashToken(token)), eq(userTokens.kind, kind), isNull(userTokens.usedAt)),
    );
  if (!row) return undefined;
  if (row.expiresAt <= new Date()) return 'expired';
  return { id: row.id, userId: row.userId };
}

/** Marks a token used; false when another request used it first. */
export async function useUserToken(db: Db, id: string): Promise<boolean> {
  const used = await db
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(userTokens.id, id), isNull(userTokens.usedAt), gt(userTokens.expiresAt, new Date())))
    .returning({ id: userTokens.id });
  return used.length === 1;
}
