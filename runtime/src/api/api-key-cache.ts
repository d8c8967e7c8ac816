import { and, eq, isNull, sql } from 'drizzle-orm';
import { apiKeys, oauthClients, oauthTokens, users, workspaceMembers, type Db } from '@omniflow/db';
import { roleWithin } from '../auth/permissions.ts';
import type { Role } from '../auth/roles.ts';
import { isApiScope, type ApiScope } from '../auth/scopes.ts';

/** What a bearer credential is: an API key, or a token issued to an OAuth client. */
export type CredentialKind = 'api-key' | 'oauth-token';

export interface KnownKey {
  /** The API key's id, or the OAuth client's a token was issued to. */
  id: string;
  kind: CredentialKind;
  workspaceId: string;
  createdBy: string | null;
  /** The key's own role. */
  role: Role;
  /** What it may call within its role; null = all (keys made before scopes). */
  scopes: ApiScope[] | null;
  /** From then on it is refused as expired (the cache keeps it to say so). */
  expiresAt: Date | null;
  /** Its maker's role now, when that allows less than the key's role (the key is capped by it). */
  cappedBy?: Role;
}

/**
 * How long a key once found is trusted without asking the database again: a key revoked (or a
 * maker demoted) in another process stops working within this; in this process at once.
 */
export const apiKeyTrustMs = 2000;
/** `last_used_at`/`last_used_ip` are written for every key used in this window, in one statement. */
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

/** A maker who may now do less than the key's role says caps the key (a key is never above its maker). */
const cap = (role: Role, makerRole: Role | null) =>
  makerRole && !roleWithin(role, makerRole) ? { cappedBy: makerRole } : {};

const knownScopes = (scopes: string[] | null) => scopes?.filter(isApiScope) ?? null;

/**
 * API keys and OAuth tokens by hash, trusted for `apiKeyTrustMs` (the send API answers in a few
 * statements, and two of them were this lookup and its `last_used_at` write), with the last use
 * (time and address) written in batches: it says whether a key is still in use, to the minute,
 * not to the request.
 */
export function createApiKeyCache(db: Db, { trustMs = apiKeyTrustMs, now = () => Date.now() } = {}) {
  const entries = new Map<string, Entry>();
  const finding = new Map<string, Promise<KnownKey | undefined>>();
  const used = new Map<string, { kind: CredentialKind; id: string; at: Date; ip: string }>();
  let flushing: NodeJS.Timeout | undefined;

  async function findKey(keyHash: string): Promise<KnownKey | undefined> {
    const [row] = await db
      .select({
        id: apiKeys.id,
        workspaceId: apiKeys.workspaceId,
        createdBy: apiKeys.createdBy,
        role: apiKeys.role,
        scopes: apiKeys.scopes,
        expiresAt: apiKeys.expiresAt,
        makerRole: workspaceMembers.role,
        makerDeactivatedAt: users.deactivatedAt,
      })
      .from(apiKeys)
      .leftJoin(users, eq(users.id, apiKeys.createdBy))
      // The maker's role in the key's workspace: a key made there is never above it.
      .leftJoin(
        workspaceMembers,
        and(
          eq(workspaceMembers.userId, apiKeys.createdBy),
          eq(workspaceMembers.workspaceId, apiKeys.workspaceId),
        ),
      )
      .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)));
    // A deactivated person's keys stop with them (they work again if the person is reactivated).
    if (!row || row.makerDeactivatedAt) return undefined;
    // A maker removed from the key's workspace takes their keys out with them.
    if (row.createdBy && !row.makerRole) return undefined;
    // A maker who has since been given a lesser role takes their keys down with them.
    const { id, workspaceId, createdBy, expiresAt, role } = row;
    return {
      id,
      kind: 'api-key',
      workspaceId,
      createdBy,
      role,
      scopes: knownScopes(row.scopes),
      expiresAt,
      ...cap(role, row.makerRole),
    };
  }

  async function findToken(tokenHash: string): Promise<KnownKey | undefined> {
    const [row] = await db
      .select({
        id: oauthClients.id,
        workspaceId: oauthClients.workspaceId,
        createdBy: oauthClients.createdBy,
        role: oauthClients.role,
        scopes: oauthTokens.scopes,
        expiresAt: oauthTokens.expiresAt,
        makerRole: users.role,
      })
      .from(oauthTokens)
      .innerJoin(oauthClients, eq(oauthClients.id, oauthTokens.clientId))
      .leftJoin(users, eq(users.id, oauthClients.createdBy))
      // A revoked client's tokens end with it, not at their expiry.
      .where(and(eq(oauthTokens.tokenHash, tokenHash), isNull(oauthClients.revokedAt)));
    if (!row) return undefined;
    const { id, workspaceId, createdBy, expiresAt, role } = row;
    return {
      id,
      kind: 'oauth-token',
      workspaceId,
      createdBy,
      role,
      scopes: knownScopes(row.scopes) ?? [],
      expiresAt,
      ...cap(role, row.makerRole),
    };
  }

  async function writeLastUse(
    table: 'api_keys' | 'oauth_clients',
    uses: { id: string; at: Date; ip: string }[],
  ) {
    if (uses.length === 0) return;
    const rows = uses.map(({ id, at, ip }) => sql`(${id}::uuid, ${at.toISOString()}::timestamptz, ${ip})`);
    const target = sql.identifier(table);
    await db.execute(
      sql`update ${target} set last_used_at = v.at, last_used_ip = v.ip
        from (values ${sql.join(rows, sql`, `)}) v(id, at, ip)
        where ${target}.id = v.id and (${target}.last_used_at is null or ${target}.last_used_at < v.at)`,
    );
  }

  async function flush() {
    flushing = undefined;
    if (used.size === 0) return;
    const uses = [...used.values()];
    used.clear();
    try {
      await writeLastUse(
        'api_keys',
        uses.filter((u) => u.kind === 'api-key'),
      );
      await writeLastUse(
        'oauth_clients',
        uses.filter((u) => u.kind === 'oauth-token'),
      );
    } catch (error) {
      // Only a "last used" time is lost; the next use writes it again.
      console.warn(
        `Recording when API keys were last used failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  return {
    /**
     * The live credential with this hash (cached for a moment), or undefined: unknown or revoked.
     * An expired one is answered too, so the caller can say it expired.
     */
    async lookup(keyHash: string, kind: CredentialKind = 'api-key'): Promise<KnownKey | undefined> {
      const hit = entries.get(keyHash);
      if (hit && hit.until > now()) return hit.key;
      if (hit) entries.delete(keyHash);
      let pending = finding.get(keyHash);
      if (!pending) {
        // Many requests with one key at once ask the database once.
        pending = (kind === 'api-key' ? findKey(keyHash) : findToken(keyHash)).finally(() =>
          finding.delete(keyHash),
        );
        finding.set(keyHash, pending);
      }
      const key = await pending;
      if (key) entries.set(keyHash, { key, until: now() + trustMs });
      return key;
    },

    /** Records a use (time and client address) for the next batch. */
    markUsed(key: Pick<KnownKey, 'id' | 'kind'>, ip = 'unknown') {
      used.set(`${key.kind}:${key.id}`, { kind: key.kind, id: key.id, at: new Date(now()), ip });
      flushing ??= setTimeout(() => void flush(), lastUsedFlushMs).unref();
    },

    /** Writes the pending last uses now (shutdown, tests). */
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
