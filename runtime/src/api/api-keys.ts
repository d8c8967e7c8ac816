import { newId, apiKeys, type Db } from '@omniflow/db';
import type { Role } from '../auth/roles.ts';
import { normalizeScopes, type ApiScope } from '../auth/scopes.ts';
import { hashToken, newToken } from '../auth/tokens.ts';

/**
 * Creates an API key acting with `role`; the key itself is returned here once and stored only as a
 * hash. Callers cap `role` at their own (routes/api-keys.ts).
 */
export async function createApiKey(
  db: Db,
  workspaceId: string,
  name: string,
  createdBy: string | null,
  role: Role,
  /** Absent: all the role allows (keys the CLI makes); else only these (auth/scopes.ts). */
  limits: { scopes?: ApiScope[] | null; expiresAt?: Date | null } = {},
) {
  const key = newToken('key');
  const row = {
    id: newId(),
    workspaceId,
    name,
    prefix: key.slice(0, 14),
    keyHash: hashToken(key),
    createdBy,
    role,
    scopes: limits.scopes ? normalizeScopes(limits.scopes) : null,
    expiresAt: limits.expiresAt ?? null,
  };
  await db.insert(apiKeys).values(row);
  return {
    id: row.id,
    name,
    prefix: row.prefix,
    role,
    scopes: row.scopes,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    key,
  };
}
