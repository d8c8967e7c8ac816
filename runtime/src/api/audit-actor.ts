import { eq } from 'drizzle-orm';
import { apiKeys, users, type Db } from '@omniflow/db';
import type { Principal } from './app-deps.ts';
import type { AuditEntry } from '../audit/record-audit.ts';

/** Who the principal is, with the names as they are now (the row keeps them as they were). */
export async function actorOf(db: Db, principal: Principal): Promise<AuditEntry['actor']> {
  if (principal.via === 'api-key' && principal.apiKeyId) {
    const [key] = await db
      .select({ name: apiKeys.name, createdBy: apiKeys.createdBy })
      .from(apiKeys)
      .where(eq(apiKeys.id, principal.apiKeyId));
    return {
      kind: 'api-key',
      id: principal.apiKeyId,
      name: key?.name ?? null,
      userId: key?.createdBy ?? null,
    };
  }
  if (principal.via === 'oauth' && principal.oauthClientId)
    return { kind: 'oauth-client', id: principal.oauthClientId, userId: principal.userId };
  if (!principal.userId) return { kind: 'system' };
  const [user] = await db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, principal.userId));
  return { kind: 'user', id: principal.userId, name: user?.name || null, email: user?.email ?? null };
}
