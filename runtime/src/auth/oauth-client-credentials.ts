import { timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { newId, oauthClients, oauthTokens, type Db } from '@omniflow/db';
import type { Role } from './roles.ts';
import { isApiScope, normalizeScopes, type ApiScope } from './scopes.ts';
import { hashToken, newToken } from './tokens.ts';

/** An hour: long enough for a batch job, short enough that a leaked token soon stops working. */
export const defaultAccessTokenTtlSeconds = 3600;

/** RFC 6749 §5.2's error codes that the client credentials grant can produce. */
export type OAuthErrorCode =
  'invalid_request' | 'invalid_client' | 'invalid_grant' | 'invalid_scope' | 'unsupported_grant_type';

export class OAuthError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  /** Sent with HTTP Basic: a refusal must then answer 401 with WWW-Authenticate (RFC 6749 §5.2). */
  viaBasic: boolean;
}

/** RFC 6749 §2.3.1: Basic credentials are form-encoded before base64, so `+` is a space. */
const formDecode = (value: string) => decodeURIComponent(value.replace(/\+/g, ' '));

/**
 * The client's credentials from HTTP Basic or from the body (client_secret_post), exactly one of
 * them (RFC 6749 §2.3: a client must not use more than one method in a request).
 */
export function clientCredentialsOf(
  authorization: string | undefined,
  form: URLSearchParams,
): ClientCredentials {
  const inBody = form.has('client_id') || form.has('client_secret');
  if (authorization) {
    if (inBody)
      throw new OAuthError(
        'invalid_request',
        'Send the client credentials once: in the Authorization header or in the body, not both',
      );
    const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization.trim());
    if (!basic?.[1])
      throw new OAuthError(
        'invalid_client',
        'Authenticate the client with HTTP Basic (client_id:client_secret) or client_id and client_secret in the body',
      );
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0)
      throw new OAuthError('invalid_client', 'The Basic credentials must be client_id:client_secret');
    try {
      return {
        clientId: formDecode(decoded.slice(0, colon)),
        clientSecret: formDecode(decoded.slice(colon + 1)),
        viaBasic: true,
      };
    } catch {
      throw new OAuthError('invalid_client', 'The Basic credentials are not validly encoded');
    }
  }
  const clientId = form.get('client_id');
  const clientSecret = form.get('client_secret');
  if (!clientId || !clientSecret)
    throw new OAuthError(
      'invalid_client',
      'Authenticate the client with HTTP Basic (client_id:client_secret) or client_id and client_secret in the body',
    );
  return { clientId, clientSecret, viaBasic: false };
}

/** RFC 6749 §3.3: a space-separated list; absent means all the client holds. */
export function requestedScopes(scope: string | null, granted: readonly ApiScope[]): ApiScope[] {
  if (scope === null || scope.trim() === '') return [...granted];
  const asked = scope.trim().split(/ +/);
  const unknown = asked.filter((s) => !isApiScope(s));
  if (unknown.length > 0)
    throw new OAuthError(
      'invalid_scope',
      `Unknown scope ${unknown.map((s) => `"${s}"`).join(', ')}; the scopes are read, messages:send, runs:write, flows:write and admin`,
    );
  const beyond = asked.filter((s) => !granted.includes(s as ApiScope));
  if (beyond.length > 0)
    throw new OAuthError(
      'invalid_scope',
      `This client may not ask for ${beyond.map((s) => `"${s}"`).join(', ')}; it holds ${granted.join(' ')}`,
    );
  return normalizeScopes(asked.filter(isApiScope));
}

const sameHash = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Issues an access token for a client that proves its secret (RFC 6749 §4.4.2), with the scopes
 * asked for, living `ttlSeconds` but never past the client's own expiry. Only its hash is kept.
 */
export async function issueAccessToken(
  db: Db,
  credentials: ClientCredentials,
  scope: string | null,
  { now, ttlSeconds = defaultAccessTokenTtlSeconds }: { now: Date; ttlSeconds?: number },
) {
  const [client] = await db
    .select()
    .from(oauthClients)
    .where(and(eq(oauthClients.clientId, credentials.clientId), isNull(oauthClients.revokedAt)));
  if (!client || !sameHash(client.secretHash, hashToken(credentials.clientSecret)))
    throw new OAuthError('invalid_client', 'Unknown client or wrong secret');
  if (client.expiresAt && client.expiresAt <= now)
    throw new OAuthError(
      'invalid_grant',
      `This client expired at ${client.expiresAt.toISOString()}; ask an admin for a new one`,
    );
  const scopes = requestedScopes(scope, client.scopes.filter(isApiScope));
  const ttlMs = Math.min(ttlSeconds * 1000, (client.expiresAt?.getTime() ?? Infinity) - now.getTime());
  const token = newToken('oat');
  const expiresAt = new Date(now.getTime() + ttlMs);
  // Tokens past their time are refused anyway; dropping them here keeps the table to live ones.
  await db
    .delete(oauthTokens)
    .where(and(eq(oauthTokens.clientId, client.id), lt(oauthTokens.expiresAt, now)));
  await db.insert(oauthTokens).values({
    id: newId(),
    clientId: client.id,
    tokenHash: hashToken(token),
    scopes,
    createdAt: now,
    expiresAt,
  });
  return {
    access_token: token,
    token_type: 'Bearer' as const,
    expires_in: Math.floor(ttlMs / 1000),
    scope: scopes.join(' '),
  };
}

/** Makes a client for an integrator; the secret is returned here once and stored as a hash. */
export async function createOAuthClient(
  db: Db,
  values: {
    workspaceId: string;
    name: string;
    createdBy: string | null;
    role: Role;
    scopes: ApiScope[];
    expiresAt: Date | null;
  },
) {
  const clientSecret = newToken('cs');
  const row = {
    id: newId(),
    ...values,
    scopes: normalizeScopes(values.scopes),
    clientId: `of_client_${newId().replace(/-/g, '')}`,
    secretHash: hashToken(clientSecret),
  };
  await db.insert(oauthClients).values(row);
  return { ...row, clientSecret };
}
