import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { apiKeys, users } from '@omniflow/db';
import { apiKeyCacheOf, apiKeyTrustMs } from '../src/api/api-key-cache.ts';
import { eventually, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

describe('authentication', () => {
  let omni: TestOmniflow;
  beforeAll(async () => {
    omni = await startTestOmniflow({ worker: false });
  });
  afterAll(async () => omni.close());

  const login = (email: string, password: string) =>
    omni.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });

  it('signs in with the first admin and uses the session cookie', async () => {
    const res = await login(omni.admin.email.toUpperCase(), omni.admin.password);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/omniflow_session=of_ses_[\w-]+;.*HttpOnly/);
    const me = await omni.app.request('/api/v1/auth/me', { headers: { cookie: cookie.split(';')[0]! } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(omni.admin.email);

    const logout = await omni.app.request('/api/v1/auth/logout', {
      method: 'POST',
      headers: { cookie: cookie.split(';')[0]!, origin: 'http://localhost' },
    });
    expect(logout.status).toBe(204);
    const after = await omni.app.request('/api/v1/auth/me', { headers: { cookie: cookie.split(';')[0]! } });
    expect(after.status).toBe(401);
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const wrong = await login(omni.admin.email, 'nope');
    const unknown = await login('who@example.test', 'nope');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    // Alike but for the request id each answer names.
    const withoutId = async (res: Response) => {
      const { error } = (await res.json()) as { error: { requestId?: string } };
      return { ...error, requestId: undefined };
    };
    expect(await withoutId(wrong)).toEqual(await withoutId(unknown));
  });

  it('stores the password with argon2id, never in clear', async () => {
    const [admin] = await omni.handle.db.select().from(users);
    expect(admin!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(admin!.passwordHash).not.toContain(omni.admin.password);
  });

  it('creates an API key shown once, stores only its hash, and revokes it', async () => {
    const created = await omni.call('POST', '/api/v1/api-keys', { name: 'ci' });
    expect(created.status).toBe(201);
    const key: string = created.body.key;
    expect(key).toMatch(/^of_key_/);
    const stored = await omni.handle.db.select().from(apiKeys);
    expect(stored.some((k) => k.keyHash.includes(key) || k.keyHash === key)).toBe(false);

    const listed = await omni.call('GET', '/api/v1/api-keys');
    expect(JSON.stringify(listed.body)).not.toContain(key);
    expect(listed.body.items.map((k: { name: string }) => k.name)).toContain('ci');

    const use = await omni.call('GET', '/api/v1/flows', undefined, { authorization: `Bearer ${key}` });
    expect(use.status).toBe(200);
    expect((await omni.call('DELETE', `/api/v1/api-keys/${created.body.id}`)).status).toBe(204);
    const revoked = await omni.call('GET', '/api/v1/flows', undefined, { authorization: `Bearer ${key}` });
    expect(revoked.status).toBe(401);
  });

  it('stops a key revoked by another process within seconds, and records its last use in a batch', async () => {
    const created = await omni.call('POST', '/api/v1/api-keys', { name: 'billing app' });
    const use = () =>
      omni.app.request('/api/v1/flows', { headers: { authorization: `Bearer ${created.body.key}` } });
    expect((await use()).status).toBe(200);
    const lastUsed = async () =>
      (await omni.handle.db.select().from(apiKeys).where(eq(apiKeys.id, created.body.id)))[0]!.lastUsedAt;
    // Written with the next batch, not by the request.
    expect(await lastUsed()).toBeNull();
    await apiKeyCacheOf(omni.handle.db).flush();
    expect(await lastUsed()).toBeInstanceOf(Date);

    // Revoked as another API process would: straight in the database, this process not told.
    await omni.handle.db
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(eq(apiKeys.id, created.body.id));
    const revokedAt = Date.now();
    await eventually(async () => ((await use()).status === 401 ? true : undefined), 10_000);
    expect(Date.now() - revokedAt).toBeLessThan(apiKeyTrustMs + 2000);
    expect((await use()).status).toBe(401);
  });

  it('serves health and the OpenAPI document without credentials', async () => {
    const health = await omni.app.request('/api/v1/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', checks: { db: 'ok', temporal: 'ok' } });
    const spec = (await (await omni.app.request('/api/v1/openapi.json')).json()) as { paths: object };
    for (const path of [
      '/flows',
      '/flows/{id}/publish',
      '/runs',
      '/runs/{id}/events',
      '/runs/{id}/cancel',
      '/nodes',
    ]) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
  });
});
