import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { newId, userRoles, users, workspaceMembers } from '@omniflow/db';
import { hashPassword } from '../src/auth/passwords.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

/** The least role there is, whatever the list of roles is now. */
const leastRole = userRoles[userRoles.length - 1]!;

describe('workspaces and membership', () => {
  let omni: TestOmniflow;
  let home: string;
  const origin = 'http://localhost';

  async function signIn(email: string, password: string) {
    const login = await omni.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(login.status).toBe(200);
    return login.headers.get('set-cookie')!.split(';')[0]!;
  }
  const as = (cookie: string, language = 'en') => ({
    cookie,
    origin,
    authorization: '',
    'accept-language': language,
  });

  beforeAll(async () => {
    omni = await startTestOmniflow({ worker: false });
    home = (await omni.handle.db.query.workspaces.findFirst())!.id;
  });
  afterAll(async () => omni?.close());

  it('made every person a member of their workspace with their role (the migration and its trigger)', async () => {
    const rows = await omni.handle.db.select().from(workspaceMembers);
    const admin = await omni.handle.db.query.users.findFirst();
    expect(rows).toContainEqual(
      expect.objectContaining({ workspaceId: home, userId: admin!.id, role: 'admin' }),
    );
  });

  it('lets an admin create a workspace, switch to it and back, and rename it; the session acts there', async () => {
    const cookie = await signIn(omni.admin.email, omni.admin.password);
    const made = await omni.call('POST', '/api/v1/workspaces', { name: '  Ayuntamiento B ' }, as(cookie));
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: 'Ayuntamiento B', role: 'admin', current: false });
    const list = await omni.call('GET', '/api/v1/workspaces', undefined, as(cookie));
    expect(list.body.workspaces).toEqual([
      expect.objectContaining({ id: home, role: 'admin', current: true }),
      expect.objectContaining({ id: made.body.id, name: 'Ayuntamiento B', current: false }),
    ]);
    // A flow made at home is not seen from the new workspace, and one made there not at home.
    const flow = await omni.call(
      'POST',
      '/api/v1/flows',
      { name: 'De casa', nodes: [], edges: [] },
      as(cookie),
    );
    expect(flow.status).toBe(201);
    const switched = await omni.call(
      'POST',
      `/api/v1/workspaces/${made.body.id}/switch`,
      undefined,
      as(cookie),
    );
    expect(switched.status).toBe(200);
    expect(switched.body).toMatchObject({ id: made.body.id, current: true });
    const me = await omni.call('GET', '/api/v1/auth/me', undefined, as(cookie));
    expect(me.body.user).toMatchObject({ workspaceId: made.body.id, role: 'admin' });
    const there = await omni.call('GET', `/api/v1/flows/${flow.body.id}`, undefined, as(cookie));
    expect(there.status).toBe(404);
    const templates = await omni.call('GET', '/api/v1/templates', undefined, as(cookie));
    expect(templates.body.items.length).toBeGreaterThan(0);
    const renamed = await omni.call(
      'PATCH',
      `/api/v1/workspaces/${made.body.id}`,
      { name: 'Ayto. B' },
      as(cookie),
    );
    expect(renamed.body).toMatchObject({ name: 'Ayto. B', current: true });
    const back = await omni.call('POST', `/api/v1/workspaces/${home}/switch`, undefined, as(cookie));
    expect(back.status).toBe(200);
    expect((await omni.call('GET', `/api/v1/flows/${flow.body.id}`, undefined, as(cookie))).status).toBe(200);
  });

  it('gives a person a role per workspace, and the session the role of the workspace it acts in', async () => {
    const admin = await signIn(omni.admin.email, omni.admin.password);
    const email = `ines-${newId()}@example.test`;
    const ines = newId();
    await omni.handle.db.insert(users).values({
      id: ines,
      workspaceId: home,
      email,
      passwordHash: await hashPassword('su clave'),
      role: 'admin',
    });
    const made = await omni.call('POST', '/api/v1/workspaces', { name: 'Sede C' }, as(admin));
    await omni.call('POST', `/api/v1/workspaces/${made.body.id}/switch`, undefined, as(admin));
    const added = await omni.call('POST', '/api/v1/workspace/members', { email, role: leastRole }, as(admin));
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ userId: ines, role: leastRole });
    const again = await omni.call(
      'POST',
      '/api/v1/workspace/members',
      { email, role: leastRole },
      as(admin, 'es'),
    );
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/ya es miembro/);
    const nobody = await omni.call(
      'POST',
      '/api/v1/workspace/members',
      { email: 'nadie@x.test', role: leastRole },
      as(admin),
    );
    expect(nobody.status).toBe(404);

    const cookie = await signIn(email, 'su clave');
    expect((await omni.call('GET', '/api/v1/auth/me', undefined, as(cookie))).body.role).toBe('admin');
    await omni.call('POST', `/api/v1/workspaces/${made.body.id}/switch`, undefined, as(cookie));
    expect((await omni.call('GET', '/api/v1/auth/me', undefined, as(cookie))).body.role).toBe(leastRole);
    // An admin at home, not here: admin routes of this workspace are refused.
    const settings = await omni.call(
      'PUT',
      '/api/v1/workspace/settings',
      { runRetentionDays: 9 },
      as(cookie),
    );
    expect(settings.status).toBe(403);
    const rename = await omni.call(
      'PATCH',
      `/api/v1/workspaces/${made.body.id}`,
      { name: 'Mía' },
      as(cookie, 'es'),
    );
    expect(rename.status).toBe(403);
    expect(rename.body.error.message).toMatch(/solo puede un administrador/);

    // Removed from it, their session there acts nowhere; signing in lands at home.
    const removed = await omni.call('DELETE', `/api/v1/workspace/members/${ines}`, undefined, as(admin));
    expect(removed.status).toBe(204);
    const after = await omni.call('GET', '/api/v1/flows', undefined, as(cookie));
    expect(after.status).toBe(401);
    const fresh = await signIn(email, 'su clave');
    expect((await omni.call('GET', '/api/v1/auth/me', undefined, as(fresh))).body.user.workspaceId).toBe(
      home,
    );
  });

  it('refuses switching to a workspace the person is not in (404), keys switching (403), and bad ids (400)', async () => {
    const admin = await signIn(omni.admin.email, omni.admin.password);
    expect(
      (await omni.call('POST', `/api/v1/workspaces/${newId()}/switch`, undefined, as(admin))).status,
    ).toBe(404);
    const email = `solo-${newId()}@example.test`;
    await omni.handle.db.insert(users).values({
      id: newId(),
      workspaceId: home,
      email,
      passwordHash: await hashPassword('x y z w'),
      role: leastRole,
    });
    const other = await signIn(email, 'x y z w');
    const theirs = await omni.call('POST', '/api/v1/workspaces', { name: 'Nope' }, as(other));
    expect(theirs.status).toBe(403);
    const made = await omni.call('POST', '/api/v1/workspaces', { name: 'Solo admin' }, as(admin));
    const refused = await omni.call(
      'POST',
      `/api/v1/workspaces/${made.body.id}/switch`,
      undefined,
      as(other, 'es'),
    );
    expect(refused.status).toBe(404);
    expect(refused.body.error.message).toMatch(/No eres miembro/);
    expect((await omni.call('POST', `/api/v1/workspaces/${made.body.id}/switch`)).status).toBe(403);
    expect(
      (await omni.call('POST', '/api/v1/workspaces/not-an-id/switch', undefined, as(admin))).status,
    ).toBe(400);
    expect((await omni.call('POST', '/api/v1/workspaces', { name: '' }, as(admin))).status).toBe(400);
    // A key lists only the workspace it acts in.
    const listed = await omni.call('GET', '/api/v1/workspaces');
    expect(listed.body.workspaces).toEqual([expect.objectContaining({ id: home, current: true })]);
  });

  it('keeps a workspace’s last admin (409)', async () => {
    const admin = await signIn(omni.admin.email, omni.admin.password);
    const made = await omni.call('POST', '/api/v1/workspaces', { name: 'Un solo admin' }, as(admin));
    await omni.call('POST', `/api/v1/workspaces/${made.body.id}/switch`, undefined, as(admin));
    const me = await omni.handle.db.query.users.findFirst({ where: eq(users.email, omni.admin.email) });
    const demote = await omni.call(
      'PUT',
      `/api/v1/workspace/members/${me!.id}`,
      { role: leastRole },
      as(admin),
    );
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('LAST_ADMIN');
    const leave = await omni.call('DELETE', `/api/v1/workspace/members/${me!.id}`, undefined, as(admin));
    expect(leave.status).toBe(409);
    const stranger = await omni.call(
      'PUT',
      `/api/v1/workspace/members/${newId()}`,
      { role: leastRole },
      as(admin),
    );
    expect(stranger.status).toBe(404);
    const members = await omni.call('GET', '/api/v1/workspace/members', undefined, as(admin));
    expect(members.body.members).toContainEqual(expect.objectContaining({ userId: me!.id, role: 'admin' }));
  });
});
