import { and, asc, count, eq, ne } from 'drizzle-orm';
import { newId, sessions, users, workspaceMembers, workspaces, type Db } from '@omniflow/db';
import type { Role } from '../auth/roles.ts';
import { seedStarterTemplates } from '../templates/seed-starter-templates.ts';

export interface Membership {
  id: string;
  name: string;
  role: Role;
}

/** The workspaces a person belongs to, with their role in each, oldest first. */
export async function workspacesOf(db: Db, userId: string): Promise<Membership[]> {
  return db
    .select({ id: workspaces.id, name: workspaces.name, role: workspaceMembers.role })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(eq(workspaceMembers.userId, userId))
    .orderBy(asc(workspaces.createdAt), asc(workspaces.id));
}

/** A person's membership of one workspace; undefined when they are not in it (or it does not exist). */
export async function membershipOf(db: Db, userId: string, workspaceId: string) {
  const [row] = await db
    .select({ id: workspaces.id, name: workspaces.name, role: workspaceMembers.role })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(and(eq(workspaceMembers.userId, userId), eq(workspaceMembers.workspaceId, workspaceId)));
  return row;
}

/** Points a session at another workspace; the caller has checked the membership. */
export async function switchSession(db: Db, tokenHash: string, workspaceId: string) {
  await db.update(sessions).set({ workspaceId }).where(eq(sessions.tokenHash, tokenHash));
}

/** A new workspace with its maker as its admin, and the starter templates every workspace gets. */
export async function createWorkspace(db: Db, userId: string, name: string): Promise<Membership> {
  const id = newId();
  await db.transaction(async (tx) => {
    await tx.insert(workspaces).values({ id, name });
    await tx.insert(workspaceMembers).values({ workspaceId: id, userId, role: 'admin' });
    await seedStarterTemplates(tx, id);
  });
  return { id, name, role: 'admin' };
}

export async function renameWorkspace(db: Db, workspaceId: string, name: string) {
  await db.update(workspaces).set({ name }).where(eq(workspaces.id, workspaceId));
}

/** The members of one workspace, by email. */
export async function membersOf(db: Db, workspaceId: string) {
  return db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: workspaceMembers.role,
      since: workspaceMembers.createdAt,
    })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(eq(workspaceMembers.workspaceId, workspaceId))
    .orderBy(asc(users.email));
}

export async function personByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  return row;
}

export async function addMember(db: Db, workspaceId: string, userId: string, role: Role) {
  const added = await db
    .insert(workspaceMembers)
    .values({ workspaceId, userId, role })
    .onConflictDoNothing()
    .returning({ userId: workspaceMembers.userId });
  return added.length > 0;
}

/** Whether anyone but `userId` is an admin of the workspace (it must keep one). */
async function otherAdmins(db: Db, workspaceId: string, userId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(workspaceMembers)
    .where(
      and(
        eq(workspaceMembers.workspaceId, workspaceId),
        eq(workspaceMembers.role, 'admin'),
        ne(workspaceMembers.userId, userId),
      ),
    );
  return (row?.n ?? 0) > 0;
}

export type MemberChange = 'changed' | 'not-member' | 'last-admin';

export async function changeMemberRole(
  db: Db,
  workspaceId: string,
  userId: string,
  role: Role,
): Promise<MemberChange> {
  const current = await db.query.workspaceMembers.findFirst({
    where: and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)),
  });
  if (!current) return 'not-member';
  if (current.role === 'admin' && role !== 'admin' && !(await otherAdmins(db, workspaceId, userId)))
    return 'last-admin';
  await db
    .update(workspaceMembers)
    .set({ role })
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)));
  return 'changed';
}

/** Removes a member; their sessions acting in this workspace end with it. */
export async function removeMember(db: Db, workspaceId: string, userId: string): Promise<MemberChange> {
  const current = await db.query.workspaceMembers.findFirst({
    where: and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)),
  });
  if (!current) return 'not-member';
  if (current.role === 'admin' && !(await otherAdmins(db, workspaceId, userId))) return 'last-admin';
  await db.transaction(async (tx) => {
    await tx
      .delete(workspaceMembers)
      .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)));
    await tx.delete(sessions).where(and(eq(sessions.workspaceId, workspaceId), eq(sessions.userId, userId)));
  });
  return 'changed';
}

/**
 * Where a sign-in starts: the person's home workspace while they belong to it, else the first
 * they belong to (the home one may have removed them), with their role there.
 */
export async function signInWorkspace(
  db: Db,
  user: { id: string; workspaceId: string; role: Role },
): Promise<{ workspaceId: string; role: Role }> {
  const all = await workspacesOf(db, user.id);
  const chosen = all.find((m) => m.id === user.workspaceId) ?? all[0];
  return chosen
    ? { workspaceId: chosen.id, role: chosen.role }
    : { workspaceId: user.workspaceId, role: user.role };
}
