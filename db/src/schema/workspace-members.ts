import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { userRoles, users, workspaces } from './workspaces.ts';

/**
 * Who belongs to which workspace, with their role there: a person may belong to several. A
 * session acts in one of them (sessions.workspace_id) with the role this row gives.
 * `users.workspace_id`/`users.role` remain the person's home workspace and role there, kept in
 * this table by a trigger (migration workspace_members_backfill) so code writing users still works.
 */
export const workspaceMembers = pgTable(
  'workspace_members',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: userRoles }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId] }),
    index('workspace_members_user_idx').on(t.userId),
  ],
);
