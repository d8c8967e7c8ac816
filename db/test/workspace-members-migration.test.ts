import { rmSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import * as schema from '../src/schema/index.ts';
import { migrations, migrationsBefore } from './migrations-before.ts';

describe('migration workspace_members_backfill: people become members of their workspace', () => {
  const before = migrationsBefore('0023_workspace_members');
  afterAll(() => rmSync(before, { recursive: true, force: true }));

  it('makes every existing person a member with their role, and keeps members in step with users after', async () => {
    const client = new PGlite('memory://');
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: before });
    const ws = '00000000-0000-7000-8000-000000000001';
    const other = '00000000-0000-7000-8000-000000000009';
    const admin = '00000000-0000-7000-8000-000000000002';
    const designer = '00000000-0000-7000-8000-000000000003';
    await db.execute(sql`insert into workspaces (id, name) values (${ws}, 'w'), (${other}, 'o')`);
    await db.execute(sql`insert into users (id, workspace_id, email, password_hash, role) values
      (${admin}, ${ws}, 'a@x.test', 'h', 'admin'), (${designer}, ${other}, 'd@x.test', 'h', 'designer')`);

    await migrate(db, { migrationsFolder: migrations });
    const members = async () =>
      (await db.select().from(schema.workspaceMembers))
        .map((m) => `${m.userId}@${m.workspaceId}:${m.role}`)
        .sort();
    expect(await members()).toEqual([`${admin}@${ws}:admin`, `${designer}@${other}:designer`].sort());

    // Written through users after the migration (a new person, a changed role): mirrored.
    const later = '00000000-0000-7000-8000-000000000004';
    await db.execute(sql`insert into users (id, workspace_id, email, password_hash, role) values
      (${later}, ${ws}, 'l@x.test', 'h', 'designer')`);
    await db.execute(sql`update users set role = 'admin' where id = ${designer}`);
    expect(await members()).toEqual(
      [`${admin}@${ws}:admin`, `${designer}@${other}:admin`, `${later}@${ws}:designer`].sort(),
    );
    await client.close();
  });
});
