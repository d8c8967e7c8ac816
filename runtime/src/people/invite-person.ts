import { and, eq, gt, isNull } from 'drizzle-orm';
import { invitations, newId, users, type Db, type Role, type UserLanguage } from '@omniflow/db';
import { hashToken } from '../auth/tokens.ts';
import { newLinkToken } from './one-time-tokens.ts';

export const invitationTtlMs = 7 * 24 * 3600 * 1000;

export interface InvitationInput {
  email: string;
  name: string;
  language: UserLanguage;
  role: Role;
}

export type InviteOutcome =
  | { invited: { id: string; token: string; expiresAt: Date } }
  | { refused: 'email-taken' | 'invitation-pending' };

/** Records an invitation; the token is returned this once and only its hash is kept. */
export async function invitePerson(
  db: Db,
  workspaceId: string,
  invitedBy: string | null,
  input: InvitationInput,
): Promise<InviteOutcome> {
  const email = input.email.trim().toLowerCase();
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (taken) return { refused: 'email-taken' };
  const [pending] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.workspaceId, workspaceId),
        eq(invitations.email, email),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    );
  if (pending) return { refused: 'invitation-pending' };
  const token = newLinkToken();
  const id = newId();
  const expiresAt = new Date(Date.now() + invitationTtlMs);
  await db.insert(invitations).values({
    id,
    workspaceId,
    email,
    name: input.name.trim(),
    language: input.language,
    role: input.role,
    tokenHash: hashToken(token),
    invitedBy,
    expiresAt,
  });
  return { invited: { id, token, expiresAt } };
}

/** The open invitation a token is for; `expired` when it was real but is too old. */
export async function findInvitation(db: Db, token: string) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  if (!row) return undefined;
  if (row.expiresAt <= new Date()) return 'expired' as const;
  return row;
}

export type AcceptOutcome = { user: typeof users.$inferSelect } | { refused: 'used' | 'email-taken' };

/** Turns an invitation into a person with the password they chose, once. */
export async function acceptInvitation(
  db: Db,
  invitationId: string,
  passwordHash: string,
): Promise<AcceptOutcome> {
  return db
    .transaction(async (tx) => {
      const [invitation] = await tx
        .update(invitations)
        .set({ acceptedAt: new Date() })
        .where(
          and(
            eq(invitations.id, invitationId),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
            gt(invitations.expiresAt, new Date()),
          ),
        )
        .returning();
      if (!invitation) return { refused: 'used' as const };
      const [user] = await tx
        .insert(users)
        .values({
          id: newId(),
          workspaceId: invitation.workspaceId,
          email: invitation.email,
          name: invitation.name,
          language: invitation.language,
          role: invitation.role,
          passwordHash,
        })
        .onConflictDoNothing()
        .returning();
      // Thrown to undo the acceptance: the invitation stays open for whoever frees the email.
      if (!user) throw new EmailTaken();
      return { user };
    })
    .catch((error: unknown) => {
      if (error instanceof EmailTaken) return { refused: 'email-taken' as const };
      throw error;
    });
}

class EmailTaken extends Error {}
