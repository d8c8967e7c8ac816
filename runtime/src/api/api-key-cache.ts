import { and, eq, isNull, sql } from 'drizzle-orm';
import { apiKeys, users, type Db } from '@omniflow/db';
import { roleWithin } from '../auth/permissions.ts';
import type { Role } from '../auth/roles.ts';

export interface KnownKey {
  id: string;
  workspaceId: string;
  createdBy: string | null;
  /** The key's own role. */
  role: Role;
  /** Its maker's role now, when that allows less than the key's role (the key is capped by it). */
  cappedBy?: Role;
}

/**
 * How long a key once found is trusted without asking the database again: a key revoked (or a
 * maker demoted) in another process stops working within this; in this process at once.
 */
export const apiKeyTrustMs = 2000;
/** `last_used_at` is written for every key used in this window, in one statement. */
const lastUsedFlushMs = 5000;

interface Entry {
  key: KnownKey;
  until: number;
}

const caches = new WeakMap<Db, ReturnType<typeof createApiKeyCache>>();

/** The one cache of a database's keys in this process, so a revoke here is seen by every app. */
export function apiKeyCacheOf(db: Db) {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = createApiKeyCache(db)));
  return cache;
}

/**
 * API keys by hash, trusted for `apiKeyTrustMs` (the send API answers in a few statements, and
 * two of them were this lookup and its `last_used_at` write), with `last_used_at` written in
 * batches: it says whether a key is still in use, to the minute, not to the request.
 */
export function createApiKeyCache(db: Db, { trustMs = apiKeyTrustMs, now = () => Date.now() } = {}) {
  const entries = new Map<string, Entry>();
  const finding = new Map<string, Promise<KnownKey | undefined>>();
  const used = new Map<string, Date>();
  let flushing: NodeJS.Timeout | undefined;

  async function find(keyHash: string): Promise<KnownKey | undefined> {
    const [row] = await db
      .select({
        id: apiKeys.id,
        workspaceId: apiKeys.workspaceId,
        createdBy: apiKeys.createdBy,
        role: apiKeys.role,
        makerRole: users.role,
      })
      .from(apiKeys)
      .leftJoin(users, eq(users.id, apiKeys.createdBy))
      .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)));
    if (!row) return undefined;
    // A maker who has since been given a lesser role takes their keys down with them.
    const { makerRole } = row;
    return {
      id: row.id,
      workspaceId: row.workspaceId,
      createdBy: row.createdBy,
      role: row.role,
      ...(makerRole && !roleWithin(row.role, makerRole) ? { cappedBy: makerRole } : {}),
    };
  }

  async function flush() {
    flushing = undefined;
    if (used.size === 0) return;
    const rows = [...used].map(([id, at]) => sql`(${id}::uuid, ${at.toISOString()}::timestamptz)`);
    used.clear();
    try {
      await db.execute(
        sql`update api_keys set last_used_at = v.at from (values ${sql.join(rows, sql`, `)}) v(id, at)
          where api_keys.id = v.id and (api_keys.last_used_at is null or api_keys.last_used_at < v.at)`,
      );
    } catch (error) {
      // Only a "last used" time is lost; the next use writes it again.
      console.warn(
        `Recording when API keys were last used failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  return {
    /** The live key with this hash (cached for a moment), or undefined: unknown or revoked. */
    async lookup(keyHash: string): Promise<KnownKey | undefined> {
      const hit = entries.get(keyHash);
      if (hit && hit.until > now()) return hit.key;
      if (hit) entries.delete(keyHash);
      let pending = finding.get(keyHash);
      if (!pending) {
        // Many requests with one key at once ask the database once.
        pending = find(keyHash).finally(() => finding.delete(keyHash));
        finding.set(keyHash, pending);
      }
      const key = await pending;
      if (key) entries.set(keyHash, { key, until: now() + trustMs });
      return key;
    },

    markUsed(id: string) {
      used.set(id, new Date(now()));
      flushing ??= setTimeout(() => void flush(), lastUsedFlushMs).unref();
    },

    /** Writes the pending `last_used_at` times now (shutdown, tests). */
    flush: () => {
      if (flushing) clearTimeout(flushing);
      return flush();
    },

    /** A key revoked (or a role changed) here: not trusted another moment in this process. */
    forget(predicate: (key: KnownKey) => boolean) {
      for (const [hash, entry] of entries) if (predicate(entry.key)) entries.delete(hash);
    },
  };
}
