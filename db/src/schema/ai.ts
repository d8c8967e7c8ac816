import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { flows } from './flows.ts';
import { workspaces } from './workspaces.ts';

/**
 * A workspace's AI provider: any OpenAI-compatible chat-completions endpoint the ai.chat node
 * calls. The API key is sealed like channel secrets (AES-256-GCM, bound to the workspace); a
 * local model server may need none.
 */
export const aiProviders = pgTable('ai_providers', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  baseUrl: text('base_url').notNull(),
  model: text('model').notNull(),
  // `v1.<iv>.<tag>.<ciphertext>` of `{ apiKey }`; `{}` sealed when there is no key.
  secretsSealed: text('secrets_sealed').notNull(),
  keyId: text('key_id').notNull(),
  hasApiKey: boolean('has_api_key').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Tokens one model call spent: reports sum `prompt_tokens` and `completion_tokens` by workspace,
 * flow, run and time. Rows outlive run details (retention), like call records: they are the bill.
 */
export const aiUsage = pgTable(
  'ai_usage',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    flowId: uuid('flow_id').references(() => flows.id, { onDelete: 'set null' }),
    runId: uuid('run_id').notNull(),
    nodeId: text('node_id').notNull(),
    model: text('model').notNull(),
    promptTokens: integer('prompt_tokens').notNull(),
    completionTokens: integer('completion_tokens').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ai_usage_workspace_time_idx').on(t.workspaceId, t.createdAt),
    index('ai_usage_run_idx').on(t.runId),
  ],
);
