import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/api/create-app.ts';
import { createApiKey } from '../src/api/api-keys.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

/** Rate limits per key and per address (429 + Retry-After, then recovery), and request ids. */
describe('rate limits and request ids', () => {
  let omni: TestOmniflow;
  let app: ReturnType<typeof createApp>;
  let clock = Date.parse('2027-03-01T09:00:00Z');
  const log: string[] = [];

  beforeAll(async () => {
    omni = await startTestOmniflow({ db: 'postgres', worker: false });
    app = createApp({
      ...omni.deps,
      rateLimits: { perKey: 5, perIp: 8 },
      now: () => new Date(clock),
      trustProxy: true,
      requestLog: (line) => log.push(line),
    });
  });
  afterAll(async () => omni.close());

  const get = (path: string, headers: Record<string, string>) => app.request(path, { headers });
  async function newKey() {
    const workspace = await omni.handle.db.query.workspaces.findFirst();
    return (await createApiKey(omni.handle.db, workspace!.id, 'limited', null, 'admin')).key;
  }

  it('answers 429 with Retry-After once a key has used its minute, from any address, then lets it in again', async () => {
    const key = await newKey();
    // Five addresses, so the per-address limit (8) is not what answers.
    for (let i = 0; i < 5; i++) {
      const res = await get('/api/v1/flows', {
        authorization: `Bearer ${key}`,
        'x-forwarded-for': `192.0.2.${i}`,
      });
      expect(res.status).toBe(200);
    }
    const refused = await get('/api/v1/flows', {
      authorization: `Bearer ${key}`,
      'x-forwarded-for': '192.0.2.99',
    });
    expect(refused.status).toBe(429);
    // 5 a minute: one comes back every 12 s.
    expect(refused.headers.get('retry-after')).toBe('12');
    const body = (await refused.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(body.error.message).toMatch(/at most 5 a minute.*12 s/);
    expect(body.error.requestId).toBe(refused.headers.get('x-request-id'));

    // Another key is counted on its own.
    const other = await newKey();
    expect(
      (await get('/api/v1/flows', { authorization: `Bearer ${other}`, 'x-forwarded-for': '192.0.2.98' }))
        .status,
    ).toBe(200);

    clock += 12_000;
    expect(
      (await get('/api/v1/flows', { authorization: `Bearer ${key}`, 'x-forwarded-for': '192.0.2.97' }))
        .status,
    ).toBe(200);
    expect(
      (await get('/api/v1/flows', { authorization: `Bearer ${key}`, 'x-forwarded-for': '192.0.2.97' }))
        .status,
    ).toBe(429);
  });

  it('answers 429 per address before looking at any key, then lets the address in again', async () => {
    const from = { 'x-forwarded-for': '198.51.100.1', authorization: 'Bearer of_key_guess' };
    for (let i = 0; i < 8; i++) expect((await get('/api/v1/flows', from)).status).toBe(401);
    const refused = await get('/api/v1/flows', from);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('8');
    // The token endpoint is behind the same limit: guessing client secrets is slowed too.
    const token = await app.request('/api/v1/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '198.51.100.1' },
      body: 'grant_type=client_credentials&client_id=a&client_secret=b',
    });
    expect(token.status).toBe(429);
    // Another address is not held back.
    expect((await get('/api/v1/health', { 'x-forwarded-for': '198.51.100.2' })).status).toBe(200);
    clock += 7_500;
    expect((await get('/api/v1/flows', from)).status).toBe(401);
  });

  it('does not count provider webhooks, which come from a few addresses of the provider', async () => {
    const from = { 'x-forwarded-for': '203.0.113.50' };
    for (let i = 0; i < 12; i++) expect((await get('/api/v1/webhooks/whatsapp', from)).status).not.toBe(429);
  });

  it('echoes a sane X-Request-Id, makes one otherwise, names it in error bodies and logs it', async () => {
    const echoed = await get('/api/v1/health', {
      'x-request-id': 'crm-job-42_retry=1',
      'x-forwarded-for': '192.0.2.200',
    });
    expect(echoed.headers.get('x-request-id')).toBe('crm-job-42_retry=1');
    expect(log.some((line) => /^crm-job-42_retry=1 GET \/api\/v1\/health 200 \d+ms$/.test(line))).toBe(true);

    for (const insane of ['two words', 'x'.repeat(200), '<script>', 'ñandú']) {
      const made = await get('/api/v1/health', { 'x-request-id': insane, 'x-forwarded-for': '192.0.2.201' });
      expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }

    const missing = await get('/no-such-page', { 'x-forwarded-for': '192.0.2.202' });
    expect(missing.status).toBe(404);
    const id = missing.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await missing.json()) as { error: { requestId: string } }).error.requestId).toBe(id);

    const key = await newKey();
    const invalid = await app.request('/api/v1/flows', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/json',
        'x-forwarded-for': '192.0.2.203',
        'x-request-id': 'bad-flow-1',
      },
      body: JSON.stringify({ name: '' }),
    });
    expect(invalid.status).toBe(400);
    const error = ((await invalid.json()) as { error: { code: string; requestId: string } }).error;
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', requestId: 'bad-flow-1' });
    expect(log.find((line) => line.startsWith('bad-flow-1 '))).toMatch(
      /^bad-flow-1 POST \/api\/v1\/flows 400 \d+ms key=[0-9a-f-]{36}$/,
    );
  });
});
