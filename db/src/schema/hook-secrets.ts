import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { flows } from './flows.ts';
import { workspaces } from './workspaces.ts';

/**
 * The HMAC secret an `http.webhook` trigger checks callers' signatures with, one per flow (its
 * draft and published version alike). Made by the server, shown once, stored only sealed: a
 * flow's graph is read by every designer and exported, so the secret cannot live there.
 */
export const hookSecrets = pgTable('hook_secrets', {
  flowId: uuid('flow_id')
    .primaryKey()
    .references(() => flows.id, { onDelete: 'cascade' }),
  workspaceId: uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  // `v1.<iv>.<tag>.<ciphertext>`, sealed like provider secrets (credentials/secret-box.ts).
  secretSealed: text('secret_sealed').notNull(),
  keyId: text('key_id').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
