import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import { newId, users, workspaces, type Db } from '@omniflow/db';
import { hashPassword } from './passwords.ts';
import { seedStarterTemplates } from '../templates/seed-starter-templates.ts';

export interface BootstrapResult {
  /** Set when this call created the first admin. */
  created?: { email: string; password: string; generated: boolean };
}

/**
 * Creates the first workspace and admin when the database has no users. The password comes
 * from OMNIFLOW_ADMIN_PASSWORD or is generated and returned once, never stored in clear.
 */
export async function bootstrapAdmin(
  db: Db,
  env: Record<string, string | undefined> = process.env,
): Promise<BootstrapResult> {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return {};
  const email = (env.OMNIFLOW_ADMIN_EMAIL ?? 'admin@omniflow.local').trim().toLowerCase();
  const generated = !env.OMNIFLOW_ADMIN_PASSWORD;
  const password = env.OMNIFLOW_ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
  const workspaceId = newId();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.insert(workspaces).values({ id: workspaceId, name: 'Default' });
    await tx
      .insert(users)
      .values({ id: newId(), workspaceId, email, name: 'Admin', passwordHash, role: 'admin' });
    await seedStarterTemplates(tx, workspaceId);
  });
  return { created: { email, password, generated } };
}
