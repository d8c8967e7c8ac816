import { z } from '@hono/zod-openapi';
import { and, asc, eq, gt, isNull, max, count } from 'drizzle-orm';
import { invitations, sessions, userLanguages, userRoles, users, type Db } from '@omniflow/db';

export const personSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(userRoles),
    language: z.enum(userLanguages),
    status: z.enum(['active', 'deactivated']),
    secondFactor: z.boolean().describe('Signs in with a code from an authenticator app after the password'),
    createdAt: z.string(),
    lastSeenAt: z.string().nullable(),
    sessions: z.number().int().describe('Sessions open now'),
  })
  .openapi('Person');

export const invitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(userRoles),
    language: z.enum(userLanguages),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .openapi('Invitation');

export type PersonView = z.infer<typeof personSchema>;

/** The workspace's people, with when each was last seen and how many sessions they have open. */
export async function listPeople(db: Db, workspaceId: string, userId?: string): Promise<PersonView[]> {
  const now = new Date();
  const seen = db
    .select({
      userId: sessions.userId,
      lastSeenAt: max(sessions.lastSeenAt).as('last_seen_at'),
      open: count().as('open'),
    })
    .from(sessions)
    .where(gt(sessions.expiresAt, now))
    .groupBy(sessions.userId)
    .as('seen');
  const rows = await db
    .select({ user: users, lastSeenAt: seen.lastSeenAt, open: seen.open })
    .from(users)
    .leftJoin(seen, eq(seen.userId, users.id))
    .where(and(eq(users.workspaceId, workspaceId), userId ? eq(users.id, userId) : undefined))
    .orderBy(asc(users.name), asc(users.email));
  return rows.map(({ user, lastSeenAt, open }) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    language: user.language,
    status: user.deactivatedAt ? 'deactivated' : 'active',
    secondFactor: user.totpEnabledAt !== null,
    createdAt: user.createdAt.toISOString(),
    lastSeenAt: lastSeenAt ? new Date(lastSeenAt).toISOString() : null,
    sessions: Number(open ?? 0),
  }));
}

/** Invitations sent and not yet accepted, revoked or expired. */
export async function listOpenInvitations(db: Db, workspaceId: string) {
  const rows = await db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.workspaceId, workspaceId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .orderBy(asc(invitations.createdAt));
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    language: r.language,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
  }));
}
