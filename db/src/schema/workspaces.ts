import {
  bigint,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
  uniqueIndex,
  index,
} from 'drizzle-orm/pg-core';
import { personColumns, sessionSeenColumns } from './people-columns.ts';

/** Issue #6: 250 GB (decimal, as disks are sold) of call recordings per workspace unless changed. */
export const defaultRecordingsQuotaBytes = 250_000_000_000;

/**
 * A person's (or an API key's) role; what each may do is the permission matrix in
 * runtime/src/auth/permissions.ts. Not a ladder: a designer and a supervisor each do what the
 * other cannot. ('operator' rows became 'supervisor' in the roles-matrix data migration.)
 */
export const userRoles = ['admin', 'supervisor', 'coordinator', 'designer', 'agent', 'viewer'] as const;
export type Role = (typeof userRoles)[number];

export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  // Runs ended longer ago than this keep only a summary row (the daily retention job).
  runRetentionDays: integer('run_retention_days').notNull().default(45),
  // Audit rows older than this are removed by the daily retention job (issue #16: 1 year).
  auditRetentionDays: integer('audit_retention_days').notNull().default(365),
  // New recordings are refused past this; a warning shows from 80 % (runtime/src/recordings).
  // Numbers, not bigints, in JS: 2^53 bytes is far past any disk.
  recordingsQuotaBytes: bigint('recordings_quota_bytes', { mode: 'number' })
    .notNull()
    .default(defaultRecordingsQuotaBytes),
  // ISO 3166 country of phone numbers written without a country code (imports, forms).
  defaultCountry: text('default_country'),
  // IANA zone of the workspace: campaigns' local times for people whose own zone is unknown.
  timezone: text('timezone'),
  // The availability report's target (issue #17: 99.8 % unless the workspace says otherwise).
  slaTargetPercent: doublePrecision('sla_target_percent').notNull().default(99.8),
  // Campaign defaults: quiet hours (local to each person) and the marketing frequency cap.
  campaignSettings: jsonb('campaign_settings')
    .$type<{ quietHours?: { from: string; to: string }; frequencyCap?: { messages: number; days: number } }>()
    .notNull()
    .default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    // argon2id PHC string; never the password itself.
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: userRoles }).notNull().default('designer'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    ...personColumns,
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    // First characters of the key, shown in lists so people can tell keys apart.
    prefix: text('prefix').notNull(),
    // SHA-256 of the whole key: keys are 256-bit random, so a slow hash adds nothing.
    keyHash: text('key_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    // Never above its creator's role when made (and capped by their role now when used); the
    // default is the read-only role so a key nobody chose a role for can do the least.
    role: text('role', { enum: userRoles }).notNull().default('viewer'),
    // What the key may call within its role (runtime/src/auth/scopes.ts); null = the whole role.
    scopes: jsonb('scopes').$type<string[]>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // Refused with 401 API_KEY_EXPIRED from then on; null = until revoked.
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    lastUsedIp: text('last_used_ip'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('api_keys_hash_unique').on(t.keyHash),
    index('api_keys_workspace_idx').on(t.workspaceId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ...sessionSeenColumns,
  },
  (t) => [uniqueIndex('sessions_token_unique').on(t.tokenHash)],
);

/**
 * Failed sign-ins per account (`account:<email>`) and per client address (`ip:<address>`), in the
 * database so every API replica sees the same count (runtime/src/auth/sign-in-throttle.ts).
 */
export const signInThrottles = pgTable(
  'sign_in_throttles',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sign_in_throttles_last_attempt_idx').on(t.lastAttemptAt)],
);
