import { rmSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import * as schema from '../src/schema/index.ts';
import { migrations, migrationsBefore } from './migrations-before.ts';

describe('migration 0005: API keys get roles', () => {
  const before = migrationsBefore('0005_key_roles_sign_in');
  afterAll(() => rmSync(before, { recursive: true, force: true }));

  it('gives a key made before roles its maker’s role, and a key with no maker the least role', async () => {
    const client = new PGlite('memory://');
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: before });
    const ws = '00000000-0000-7000-8000-000000000001';
    const admin = '00000000-0000-7000-8000-000000000002';
    const designer = '00000000-0000-7000-8000-000000000003';
    await db.execute(sql`insert into workspaces (id, name) values (${ws}, 'w')`);
    await db.execute(sql`insert into users (id, workspace_id, email, password_hash, role) values
      (${admin}, ${ws}, 'a@x.test', 'h', 'admin'), (${designer}, ${ws}, 'd@x.test', 'h', 'designer')`);
    await db.execute(sql`insert into api_keys (id, workspace_id, name, prefix, key_hash, created_by) values
      ('00000000-0000-7000-8000-00000000000a', ${ws}, 'by admin', 'p', 'h1', ${admin}),
      ('00000000-0000-7000-8000-00000000000b', ${ws}, 'by designer', 'p', 'h2', ${designer}),
      ('00000000-0000-7000-8000-00000000000c', ${ws}, 'by the CLI', 'p', 'h3', null)`);

    await migrate(db, { migrationsFolder: migrations });
    const keys = await db
      .select({ name: schema.apiKeys.name, role: schema.apiKeys.role })
      .from(schema.apiKeys);
    expect(Object.fromEntries(keys.map((k) => [k.name, k.role]))).toEqual({
      'by admin': 'admin',
      'by designer': 'designer',
      // Then 'operator' became 'supervisor' (migration 0026).
      'by the CLI': 'supervisor',
    });
    await client.close();
  });
});

describe('migration 0017: the six roles', () => {
  const before = migrationsBefore('0026_operator_becomes_supervisor');
  afterAll(() => rmSync(before, { recursive: true, force: true }));

  it('makes operators supervisors, people and keys alike, and leaves every other role as it was', async () => {
    const client = new PGlite('memory://');
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: before });
    const ws = '00000000-0000-7000-8000-000000000001';
    await db.execute(sql`insert into workspaces (id, name) values (${ws}, 'w')`);
    await db.execute(sql`insert into users (id, workspace_id, email, password_hash, role) values
      ('00000000-0000-7000-8000-000000000002', ${ws}, 'a@x.test', 'h', 'admin'),
      ('00000000-0000-7000-8000-000000000003', ${ws}, 'd@x.test', 'h', 'designer'),
      ('00000000-0000-7000-8000-000000000004', ${ws}, 'o@x.test', 'h', 'operator')`);
    await db.execute(sql`insert into api_keys (id, workspace_id, name, prefix, key_hash, role) values
      ('00000000-0000-7000-8000-00000000000a', ${ws}, 'admin key', 'p', 'h1', 'admin'),
      ('00000000-0000-7000-8000-00000000000b', ${ws}, 'operator key', 'p', 'h2', 'operator')`);

    await migrate(db, { migrationsFolder: migrations });
    const people = await db.select({ email: schema.users.email, role: schema.users.role }).from(schema.users);
    expect(Object.fromEntries(people.map((p) => [p.email, p.role]))).toEqual({
      'a@x.test': 'admin',
      'd@x.test': 'designer',
      'o@x.test': 'supervisor',
    });
    const keys = await db
      .select({ name: schema.apiKeys.name, role: schema.apiKeys.role })
      .from(schema.apiKeys);
    expect(Object.fromEntries(keys.map((k) => [k.name, k.role]))).toEqual({
      'admin key': 'admin',
      'operator key': 'supervisor',
    });
    // A key nobody chose a role for now reads only.
    await db.execute(sql`insert into api_keys (id, workspace_id, name, prefix, key_hash) values
      ('00000000-0000-7000-8000-00000000000c', ${ws}, 'no role', 'p', 'h3')`);
    const [fresh] = await db
      .execute<{ role: string }>(sql`select role from api_keys where name = 'no role'`)
      .then((r) => r.rows);
    expect(fresh?.role).toBe('viewer');
    await client.close();
  });
});
