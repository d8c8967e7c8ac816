import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * What the system saw of itself (issue #17 "service availability"): every sampler tick writes one
 * row per component it watches — `api`, `worker`, and each workspace's channels (`sms`, `email`,
 * `whatsapp`, `imap:<address>`, `sip`). Availability is computed from these rows, so a period with
 * no row at all (the process was not running) counts as down. `workspace_id` is null for the
 * installation's own processes, which every workspace's report shows.
 */
export const healthSamples = pgTable(
  'health_samples',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id'),
    component: text('component').notNull(),
    // What it is, as a person reads it in the list ("smpp", "smtp", "whatsapp-cloud", "imap", "sip").
    kind: text('kind').notNull(),
    sampledAt: timestamp('sampled_at', { withTimezone: true }).notNull(),
    // How long this sample stands for: the sampler's period when it was taken.
    intervalMs: integer('interval_ms').notNull(),
    up: boolean('up').notNull(),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
    lastError: text('last_error'),
    lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
  },
  (t) => [
    index('health_samples_component_idx').on(t.workspaceId, t.component, t.sampledAt),
    index('health_samples_sampled_idx').on(t.sampledAt),
  ],
);

export type HealthSampleRow = typeof healthSamples.$inferSelect;
