import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { apiKeys, oauthTokens } from '@omniflow/db';
import { apiKeyCacheOf } from '../src/api/api-key-cache.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

/** Scopes, expiry and last use of API keys, and OAuth 2.0 client credentials, on PostgreSQL. */
describe('API access: scopes, expiry and OAuth client credentials', () => {
  let omni: TestOmniflow;
  let clock = Date.parse('2027-03-01T09:00:00Z');
  const later = (ms: number) => (clock += ms);

  beforeAll(async () => {
    omni = await startTestOmniflow({
      db: 'postgres',
      worker: false,
      appDeps: { now: () => new Date(clock), trustProxy: true },
    });
  });
  afterAll(async () => omni.close());

  const as = (credential: string, method: string, path: string, body?: unknown, headers = {}) =>
    omni.call(method, path, body, { authorization: `Bearer ${credential}`, ...headers });

  async function keyWith(scopes: string[] | undefined, extra: object = {}) {
    const made = await omni.call('POST', '/api/v1/api-keys', { name: `key ${scopes}`, scopes, ...extra });
    expect(made.status).toBe(201);
    return made.body as { id: string; key: string; scopes: string[] | null; expiresAt: string | null };
  }

  const flow = { name: 'Scoped', nodes: [], edges: [] };

  describe('scopes', () => {
    it('lets a read key GET, and refuses its writes with 403 naming the scope needed', async () => {
      const { key, scopes } = await keyWith(['read']);
      expect(scopes).toEqual(['read']);
      expect((await as(key, 'GET', '/api/v1/flows')).status).toBe(200);
      const write = await as(key, 'POST', '/api/v1/flows', flow);
      expect(write.status).toBe(403);
      expect(write.body.error).toMatchObject({ code: 'SCOPE_REQUIRED', details: { scope: 'flows:write' } });
      expect(write.body.error.message).toContain('flows:write');
      // Configuration only admins see is not "read".
      const keys = await as(key, 'GET', '/api/v1/api-keys');
      expect(keys.status).toBe(403);
      expect(keys.body.error.details.scope).toBe('admin');
      // Who am I is open to every scope.
      expect((await as(key, 'GET', '/api/v1/auth/me')).status).toBe(200);
      // A POST that only computes an answer is a read.
      const preview = await as(key, 'POST', '/api/v1/templates/preview', {});
      expect(preview.status).not.toBe(403);
    });

    it('lets messages:send send and nothing else', async () => {
      const { key } = await keyWith(['messages:send']);
      const sent = await as(key, 'POST', '/api/v1/messages', {
        channel: 'sms',
        to: '+51987000001',
        text: 'Hola',
      });
      expect(sent.status).toBeLessThan(300);
      expect((await as(key, 'GET', '/api/v1/flows')).body.error.details.scope).toBe('read');
      expect((await as(key, 'POST', '/api/v1/runs', {})).body.error.details.scope).toBe('runs:write');
    });

    it('lets runs:write cancel and replay runs but not edit flows, and flows:write the reverse', async () => {
      const runs = await keyWith(['runs:write']);
      const missing = '0190b3c4-0000-7000-8000-000000000000';
      expect((await as(runs.key, 'POST', `/api/v1/runs/${missing}/cancel`)).status).toBe(404);
      expect((await as(runs.key, 'POST', `/api/v1/runs/${missing}/replay`, {})).status).not.toBe(403);
      expect((await as(runs.key, 'PUT', `/api/v1/flows/${missing}`, flow)).status).toBe(403);

      const flows = await keyWith(['flows:write', 'read']);
      const made = await as(flows.key, 'POST', '/api/v1/flows', flow);
      expect(made.status).toBe(201);
      expect((await as(flows.key, 'DELETE', `/api/v1/flows/${made.body.id}`)).status).toBeLessThan(300);
      expect((await as(flows.key, 'POST', `/api/v1/runs/${missing}/cancel`)).status).toBe(403);
    });

    it('lets admin (and a key made without scopes) call every route its role allows', async () => {
      const admin = await keyWith(['admin']);
      expect((await as(admin.key, 'GET', '/api/v1/api-keys')).status).toBe(200);
      expect((await as(admin.key, 'POST', '/api/v1/flows', flow)).status).toBe(201);
      const whole = await keyWith(undefined);
      expect(whole.scopes).toBeNull();
      expect((await as(whole.key, 'GET', '/api/v1/api-keys')).status).toBe(200);
    });

    it('refuses scopes that do not exist and an empty list with 400', async () => {
      const unknown = await omni.call('POST', '/api/v1/api-keys', { name: 'x', scopes: ['everything'] });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.code).toBe('VALIDATION_FAILED');
      const none = await omni.call('POST', '/api/v1/api-keys', { name: 'x', scopes: [] });
      expect(none.status).toBe(400);
    });
  });

  describe('expiry and last use', () => {
    it('refuses a key from its expiry with 401 API_KEY_EXPIRED, and an expiry already past with 400', async () => {
      const expiresAt = new Date(clock + 3_600_000).toISOString();
      const { key, expiresAt: saved } = await keyWith(['read'], { expiresAt });
      expect(saved).toBe(expiresAt);
      expect((await as(key, 'GET', '/api/v1/flows')).status).toBe(200);
      later(3_600_000);
      const expired = await as(key, 'GET', '/api/v1/flows');
      expect(expired.status).toBe(401);
      expect(expired.body.error.code).toBe('API_KEY_EXPIRED');
      expect(expired.body.error.message).toContain(expiresAt);

      const past = await omni.call('POST', '/api/v1/api-keys', {
        name: 'late',
        expiresAt: new Date(clock - 1000).toISOString(),
      });
      expect(past.status).toBe(400);
      expect(past.body.error.code).toBe('EXPIRY_IN_PAST');
      const garbled = await omni.call('POST', '/api/v1/api-keys', { name: 'late', expiresAt: 'tomorrow' });
      expect(garbled.status).toBe(400);
    });

    it('records when and from where a key was last used, in a batch, and lists both', async () => {
      const { id, key } = await keyWith(['read']);
      await as(key, 'GET', '/api/v1/flows', undefined, { 'x-forwarded-for': '203.0.113.7' });
      const stored = async () => (await omni.handle.db.select().from(apiKeys).where(eq(apiKeys.id, id)))[0]!;
      expect((await stored()).lastUsedIp).toBeNull();
      await apiKeyCacheOf(omni.handle.db).flush();
      const { lastUsedAt, lastUsedIp } = await stored();
      expect(lastUsedIp).toBe('203.0.113.7');
      expect(lastUsedAt).toBeInstanceOf(Date);
      const listed = await omni.call('GET', '/api/v1/api-keys');
      expect(listed.body.items.find((k: { id: string }) => k.id === id)).toMatchObject({
        lastUsedIp: '203.0.113.7',
        lastUsedAt: lastUsedAt!.toISOString(),
        scopes: ['read'],
      });
    });
  });

  describe('OAuth 2.0 client credentials', () => {
    const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      omni.app.request('/api/v1/oauth/token', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(fields).toString(),
      });
    const basic = (id: string, secret: string) => ({
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`,
    });

    async function client(scopes: string[], extra: object = {}) {
      const made = await omni.call('POST', '/api/v1/oauth-clients', { name: 'CRM', scopes, ...extra });
      expect(made.status).toBe(201);
      return made.body as { id: string; clientId: string; clientSecret: string; scopes: string[] };
    }

    it('issues a bearer token over HTTP Basic that reads but may not write beyond its scopes', async () => {
      const { clientId, clientSecret } = await client(['read', 'messages:send']);
      const res = await form({ grant_type: 'client_credentials' }, basic(clientId, clientSecret));
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const token = (await res.json()) as {
        access_token: string;
        token_type: string;
        expires_in: number;
        scope: string;
      };
      expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'read messages:send' });
      expect(token.access_token).toMatch(/^of_oat_/);
      const stored = await omni.handle.db.select().from(oauthTokens);
      expect(stored.some((t) => t.tokenHash === token.access_token)).toBe(false);

      expect((await as(token.access_token, 'GET', '/api/v1/flows')).status).toBe(200);
      const me = await as(token.access_token, 'GET', '/api/v1/auth/me');
      expect(me.body.via).toBe('oauth');
      const write = await as(token.access_token, 'POST', '/api/v1/flows', flow);
      expect(write.status).toBe(403);
      expect(write.body.error.details.scope).toBe('flows:write');
    });

    it('takes the secret in the body too (client_secret_post) with a narrower scope', async () => {
      const { clientId, clientSecret } = await client(['read', 'messages:send']);
      const res = await form({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
        scope: 'read',
      });
      expect(res.status).toBe(200);
      const token = (await res.json()) as { access_token: string; scope: string };
      expect(token.scope).toBe('read');
      const send = await as(token.access_token, 'POST', '/api/v1/messages', {
        channel: 'sms',
        to: '+51987000001',
        text: 'x',
      });
      expect(send.status).toBe(403);
    });

    it('answers RFC 6749 errors: invalid_client, invalid_request, unsupported_grant_type, invalid_scope', async () => {
      const { clientId, clientSecret } = await client(['read']);
      const wrong = await form({ grant_type: 'client_credentials' }, basic(clientId, 'of_cs_wrong'));
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
      expect(wrong.headers.get('cache-control')).toBe('no-store');
      expect(await wrong.json()).toMatchObject({
        error: 'invalid_client',
        error_description: expect.any(String),
      });
      const unknown = await form({
        grant_type: 'client_credentials',
        client_id: 'nobody',
        client_secret: 'x',
      });
      expect(unknown.status).toBe(401);
      expect(((await unknown.json()) as { error: string }).error).toBe('invalid_client');
      const anonymous = await form({ grant_type: 'client_credentials' });
      expect(anonymous.status).toBe(401);

      const twice = await form(
        { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
        basic(clientId, clientSecret),
      );
      expect(twice.status).toBe(400);
      expect(((await twice.json()) as { error: string }).error).toBe('invalid_request');

      const password = await form({ grant_type: 'password' }, basic(clientId, clientSecret));
      expect(password.status).toBe(400);
      expect(((await password.json()) as { error: string }).error).toBe('unsupported_grant_type');
      const noGrant = await form({}, basic(clientId, clientSecret));
      expect(((await noGrant.json()) as { error: string }).error).toBe('invalid_request');

      const escalate = await form(
        { grant_type: 'client_credentials', scope: 'read admin' },
        basic(clientId, clientSecret),
      );
      expect(escalate.status).toBe(400);
      const escalated = (await escalate.json()) as { error: string; error_description: string };
      expect(escalated.error).toBe('invalid_scope');
      expect(escalated.error_description).toContain('"admin"');
      const made_up = await form(
        { grant_type: 'client_credentials', scope: 'root' },
        basic(clientId, clientSecret),
      );
      expect(((await made_up.json()) as { error: string }).error).toBe('invalid_scope');

      const asJson = await omni.app.request('/api/v1/oauth/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...basic(clientId, clientSecret) },
        body: JSON.stringify({ grant_type: 'client_credentials' }),
      });
      expect(asJson.status).toBe(400);
      expect(((await asJson.json()) as { error: string }).error).toBe('invalid_request');
    });

    it('refuses an expired token with 401 and WWW-Authenticate, and ends tokens with their client', async () => {
      const { id, clientId, clientSecret } = await client(['read']);
      const take = async () =>
        (
          (await (
            await form({ grant_type: 'client_credentials' }, basic(clientId, clientSecret))
          ).json()) as {
            access_token: string;
          }
        ).access_token;
      const first = await take();
      later(3_600_000);
      const expired = await omni.app.request('/api/v1/flows', {
        headers: { authorization: `Bearer ${first}` },
      });
      expect(expired.status).toBe(401);
      expect(expired.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('OAUTH_TOKEN_EXPIRED');

      const second = await take();
      expect((await as(second, 'GET', '/api/v1/flows')).status).toBe(200);
      expect((await omni.call('DELETE', `/api/v1/oauth-clients/${id}`)).status).toBe(204);
      const revoked = await as(second, 'GET', '/api/v1/flows');
      expect(revoked.status).toBe(401);
      expect(revoked.body.error.code).toBe('OAUTH_TOKEN_INVALID');
      const again = await form({ grant_type: 'client_credentials' }, basic(clientId, clientSecret));
      expect(again.status).toBe(401);
    });

    it('caps a token at its client’s expiry and refuses an expired client with invalid_grant', async () => {
      const { clientId, clientSecret } = await client(['read'], {
        expiresAt: new Date(clock + 600_000).toISOString(),
      });
      const res = await form({ grant_type: 'client_credentials' }, basic(clientId, clientSecret));
      expect(((await res.json()) as { expires_in: number }).expires_in).toBe(600);
      later(600_000);
      const expired = await form({ grant_type: 'client_credentials' }, basic(clientId, clientSecret));
      expect(expired.status).toBe(400);
      expect(((await expired.json()) as { error: string }).error).toBe('invalid_grant');
    });

    it('lets only an admin manage clients, and never lists a secret', async () => {
      const { clientSecret, clientId } = await client(['read']);
      const listed = await omni.call('GET', '/api/v1/oauth-clients');
      expect(listed.status).toBe(200);
      expect(JSON.stringify(listed.body)).not.toContain(clientSecret);
      expect(listed.body.items.map((c: { clientId: string }) => c.clientId)).toContain(clientId);
      const designer = await omni.call('POST', '/api/v1/api-keys', { name: 'designer', role: 'designer' });
      const refused = await as(designer.body.key, 'POST', '/api/v1/oauth-clients', {
        name: 'x',
        scopes: ['read'],
      });
      expect(refused.status).toBe(403);
      const noScopes = await omni.call('POST', '/api/v1/oauth-clients', { name: 'x' });
      expect(noScopes.status).toBe(400);
    });
  });
});
