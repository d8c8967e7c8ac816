import { newId, apiKeys, type Db } from '@omniflow/db';
import { hashToken, newToken } from '../auth/tokens.ts';

/** Creates an API key; the key itself is returned here once and stored only as a hash. */
export async function createApiKey(db: Db, workspaceId: string, name: string, createdBy: string | null) {
  const key = newToken('key');
  const row = {
    id: newId(),
    workspaceId,
    name,
    prefix: key.slice(0, 14),
    keyHash: hashToken(key),
    createdBy,
  };
  await db.insert(apiKeys).values(row);
  return { id: row.id, name, prefix: row.prefix, key };
}
