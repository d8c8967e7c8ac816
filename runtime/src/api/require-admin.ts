import { eq } from 'drizzle-orm';
import { users, type Db } from '@omniflow/db';
import { ApiError } from './api-error.ts';
import type { Principal } from './app-deps.ts';

/** API keys act for the workspace; people need the admin role. */
export async function requireAdmin(db: Db, principal: Principal, what: string): Promise<void> {
  if (principal.via !== 'session') return;
  const [user] = await db
    .select({ role: users.role })
    .from(users)
    .where(eq(users.id, principal.userId ?? ''));
  if (user?.role !== 'admin') throw new ApiError(403, 'FORBIDDEN', `Only an admin can ${what}`);
}
