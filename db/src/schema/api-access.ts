import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { userRoles, users, workspaces } from './workspaces.ts';

/**
 * OAuth 2.0 clients (RFC 6749 §4.4, client credentials) an admin made for an integrator: the
 * secret is shown once and kept as a SHA-256 hash, like an API key's (runtime/src/auth/oauth/).
 */
export const oauthClients = pgTable(
  'oauth_clients',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    // The public half of the credentials (`client_id`), sent with every token request.
    clientId: text('client_id').notNull(),
    secretHash: text('secret_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    // Capped by the maker's role now when its tokens are used, as an API key's is.
    role: text('role', { enum: userRoles }).notNull().default('viewer'),
    // The most a token may carry; a token request may ask for fewer (runtime/src/auth/scopes.ts).
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // No tokens are issued from then on (`invalid_grant`); null = until revoked.
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    lastUsedIp: text('last_used_ip'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('oauth_clients_client_id_unique').on(t.clientId),
    index('oauth_clients_workspace_idx').on(t.workspaceId),
  ],
);

/** Short-lived bearer tokens issued to a client, by hash; revoking the client ends them all. */
export const oauthTokens = pgTable(
  'oauth_tokens',
  {
    id: uuid('id').primaryKey(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => oauthClients.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('oauth_tokens_hash_unique').on(t.tokenHash),
    // Expired tokens are deleted by when they expired.
    index('oauth_tokens_expires_idx').on(t.expiresAt),
  ],
);
