import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { newId, users, type Role } from '@omniflow/db';
import { hashPassword } from '../src/auth/passwords.ts';
import { apiKeyTrustMs } from '../src/api/api-key-cache.ts';
import { eventually, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

/** Every route only an admin may use, with a body it accepts (so validation cannot answer first). */
const adminOnly = (otherKeyId: string) =>
  [
    ['GET', '/api/v1/channels', undefined],
    ['PUT', '/api/v1/channels/sms', { provider: 'sandbox' }],
    ['DELETE', '/api/v1/channels/sms', undefined],
    ['POST', '/api/v1/channels/sms/test', undefined],
    ['PUT', '/api/v1/workspace/settings', { runRetentionDays: 5 }],
    ['PUT', '/api/v1/recordings/quota', { quotaBytes: 1000 }],
    ['POST', '/api/v1/recordings/delete', { to: '2020-01-01T00:00:00Z' }],
    ['POST', '/api/v1/api-keys', { name: 'escalate', role: 'admin' }],
    ['DELETE', `/api/v1/api-keys/${otherKeyId}`, undefined],
  ] as const;

describe('roles of people and their API keys', () => {
  let omni: TestOmniflow;
  let workspaceId: string;
  const origin = 'http://localhost';

  /** Adds a person with `role` and signs them in; answers headers that act as them by cookie. */
  async function signedIn(role: Role) {
    const email = `${role}-${newId()}@example.test`;
    const id = newId();
    await omni.handle.db
      .insert(users)
      .values({ id, workspaceId, email, passwordHash: await hashPassword('their password'), role });
    const login = await omni.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'their password' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    return { id, headers: { cookie, origin, authorization: '' } };
  }

  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

  beforeAll(async () => {
    omni = await startTestOmniflow({ worker: false });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
  });
  afterAll(async () => omni.close());

  it('refuses a designer who asks for an admin key, and makes them a designer key by default', async () => {
    const designer = await signedIn('designer');
    const refused = await omni.call(
      'POST',
      '/api/v1/api-keys',
      { name: 'mine', role: 'admin' },
      designer.headers,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    const made = await omni.call('POST', '/api/v1/api-keys', { name: 'mine' }, designer.headers);
    expect(made.status).toBe(201);
    expect(made.body.role).toBe('designer');
    const me = await omni.call('GET', '/api/v1/auth/me', undefined, {
      authorization: `Bearer ${made.body.key}`,
    });
    expect(me.body).toMatchObject({ via: 'api-key', role: 'designer', user: { role: 'designer' } });
    const lesser = await omni.call(
      'POST',
      '/api/v1/api-keys',
      { name: 'ops', role: 'viewer' },
      designer.headers,
    );
    expect(lesser.body.role).toBe('viewer');
    // Roles are not a ladder: a supervisor may replay runs, which a designer may not.
    const sideways = await omni.call(
      'POST',
      '/api/v1/api-keys',
      { name: 'ops', role: 'supervisor' },
      { ...designer.headers, 'accept-language': 'es' },
    );
    expect(sideways.status).toBe(403);
    expect(sideways.body.error.message).toContain('tu rol (diseñador)');
  });

  it('lets a key whose maker now has another role do only what both roles allow', async () => {
    const admin = await signedIn('admin');
    const made = await omni.call(
      'POST',
      '/api/v1/api-keys',
      { name: 'ops', role: 'supervisor' },
      admin.headers,
    );
    const key = bearer(made.body.key);
    await omni.handle.db.update(users).set({ role: 'designer' }).where(eq(users.id, admin.id));
    await eventually(async () => {
      const me = await omni.call('GET', '/api/v1/auth/me', undefined, key);
      return me.body.permissions.includes('runs:operate') ? undefined : me.body;
    }, 10_000);
    const me = await omni.call('GET', '/api/v1/auth/me', undefined, key);
    // Neither the supervisor's replay nor the designer's publishing: only what both may do.
    expect(me.body.permissions).toContain('runs:start');
    expect(me.body.permissions).not.toContain('flows:publish');
    const bulk = await omni.call('POST', '/api/v1/runs/bulk/preview', { filter: {} }, key);
    expect(bulk.status).toBe(403);
    expect(bulk.body.error.message).toMatch(/^This API key \(designer\) cannot cancel, replay/);
  });

  it('refuses a designer, by session or by the key they made, on every admin-only route', async () => {
    const designer = await signedIn('designer');
    const adminKey = await omni.call('POST', '/api/v1/api-keys', { name: 'admin script', role: 'admin' });
    expect(adminKey.status).toBe(201);
    const made = await omni.call('POST', '/api/v1/api-keys', { name: 'designer script' }, designer.headers);
    for (const caller of [designer.headers, bearer(made.body.key)]) {
      for (const [method, path, body] of adminOnly(adminKey.body.id)) {
        const refused = await omni.call(method, path, body, caller);
        expect({ method, path, status: refused.status, code: refused.body?.error?.code }).toEqual({
          method,
          path,
          status: 403,
          code: 'FORBIDDEN',
        });
      }
    }
    // The admin's key was not revoked by the refused DELETE.
    expect((await omni.call('GET', '/api/v1/flows', undefined, bearer(adminKey.body.key))).status).toBe(200);
  });

  it('lets an admin key and an admin session through the admin-only routes', async () => {
    const admin = await signedIn('admin');
    const made = await omni.call(
      'POST',
      '/api/v1/api-keys',
      { name: 'admin script', role: 'admin' },
      admin.headers,
    );
    expect(made.status).toBe(201);
    const victim = await omni.call('POST', '/api/v1/api-keys', { name: 'to revoke' });
    for (const caller of [admin.headers, bearer(made.body.key)]) {
      const settings = await omni.call('PUT', '/api/v1/workspace/settings', { runRetentionDays: 30 }, caller);
      expect(settings.status).toBe(200);
      expect((await omni.call('GET', '/api/v1/channels', undefined, caller)).status).toBe(200);
      expect((await omni.call('PUT', '/api/v1/channels/sms', { provider: 'sandbox' }, caller)).status).toBe(
        200,
      );
      expect(
        (await omni.call('PUT', '/api/v1/recordings/quota', { quotaBytes: 10 ** 9 }, caller)).status,
      ).toBe(200);
    }
    expect(
      (await omni.call('DELETE', `/api/v1/api-keys/${victim.body.id}`, undefined, bearer(made.body.key)))
        .status,
    ).toBe(204);
  });

  it('keeps a key an admin made for a lesser role to that role', async () => {
    const made = await omni.call('POST', '/api/v1/api-keys', { name: 'reports', role: 'viewer' });
    expect(made.body.role).toBe('viewer');
    const refused = await omni.call(
      'PUT',
      '/api/v1/workspace/settings',
      { runRetentionDays: 5 },
      bearer(made.body.key),
    );
    expect(refused.status).toBe(403);
    const escalate = await omni.call(
      'POST',
      '/api/v1/api-keys',
      { name: 'more', role: 'designer' },
      bearer(made.body.key),
    );
    expect(escalate.status).toBe(403);
  });

  it('takes an admin key down with its maker when they become a designer', async () => {
    const admin = await signedIn('admin');
    const made = await omni.call(
      'POST',
      '/api/v1/api-keys',
      { name: 'admin script', role: 'admin' },
      admin.headers,
    );
    const key = bearer(made.body.key);
    expect((await omni.call('PUT', '/api/v1/workspace/settings', { runRetentionDays: 7 }, key)).status).toBe(
      200,
    );
    await omni.handle.db.update(users).set({ role: 'designer' }).where(eq(users.id, admin.id));
    // A key found is trusted for a moment (api-key-cache.ts): the demotion holds within it.
    const demotedAt = Date.now();
    await eventually(async () => {
      const put = await omni.call('PUT', '/api/v1/workspace/settings', { runRetentionDays: 8 }, key);
      return put.status === 403 ? true : undefined;
    }, 10_000);
    expect(Date.now() - demotedAt).toBeLessThan(apiKeyTrustMs + 2000);
    expect((await omni.call('GET', '/api/v1/flows', undefined, key)).status).toBe(200);
  });

  it('shows and revokes only a person’s own keys unless they are an admin', async () => {
    const designer = await signedIn('designer');
    const theirs = await omni.call('POST', '/api/v1/api-keys', { name: 'theirs' }, designer.headers);
    const listed = await omni.call('GET', '/api/v1/api-keys', undefined, designer.headers);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: theirs.body.id, role: 'designer', createdBy: designer.id }),
    ]);
    const all = await omni.call('GET', '/api/v1/api-keys');
    expect(all.body.items.map((k: { id: string }) => k.id)).toContain(theirs.body.id);
    expect(all.body.items.length).toBeGreaterThan(1);
    expect(
      (await omni.call('DELETE', `/api/v1/api-keys/${theirs.body.id}`, undefined, designer.headers)).status,
    ).toBe(204);
    expect(
      (await omni.call('DELETE', `/api/v1/api-keys/${theirs.body.id}`, undefined, designer.headers)).status,
    ).toBe(404);
  });
});
