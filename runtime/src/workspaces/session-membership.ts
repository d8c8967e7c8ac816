import { and, eq, gt, isNull } from 'drizzle-orm';
import { sessions, users, workspaceMembers, type Db } from '@omniflow/db';
import type { Role } from '../auth/roles.ts';

export type SessionMembership =
  | {
      found: 'member';
      workspaceId: string;
      userId: string;
      role: Role;
      sessionId: string;
      lastSeenAt: Date | null;
    }
  | { found: 'expired' }
  | { found: 'not-member' };

/**
 * A live session and the role its person has in the workspace it acts in. The role is the
 * membership's, never the person's home role: an admin of one workspace may be a viewer of
 * another. A session left in a workspace its person was removed from acts nowhere, and a
 * deactivated person's sessions (deleted at once) are refused here too should one race it.
 */
export async function sessionMembership(db: Db, tokenHash: string): Promise<SessionMembership> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      workspaceId: sessions.workspaceId,
      userId: sessions.userId,
      role: workspaceMembers.role,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), isNull(users.deactivatedAt)))
    .leftJoin(
      workspaceMembers,
      and(
        eq(workspaceMembers.userId, sessions.userId),
        eq(workspaceMembers.workspaceId, sessions.workspaceId),
      ),
    )
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())));
  if (!row) return { found: 'expired' };
  if (!row.role) return { found: 'not-member' };
  return { found: 'member', ...row, role: row.role };
}
