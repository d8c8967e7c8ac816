import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { newId, signInThrottles, users } from '@omniflow/db';
import { createApp } from '../src/api/create-app.ts';
import type { AppDeps } from '../src/api/app-deps.ts';
import { hashPassword } from '../src/auth/passwords.ts';
import { listen } from './support/serve-omniflow.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';
import { webChatChannels } from './support/webchat.ts';

const password = 'the right password';

// Lockouts are counted in the database with row locks: both kinds must hold them.
const databases = [
  { db: 'pglite' as const },
  ...(inject('postgresUrl') ? [{ db: 'postgres' as const }] : []),
];

describe.each(databases)('signing in on $db', ({ db }) => {
  let omni: TestOmniflow;
  let workspaceId: string;
  /** The clock the lockouts are measured with; tests move it instead of waiting. */
  let now = new Date();
  let app: ReturnType<typeof createApp>;

  /** A new person who signs in with `password`; answers their email. */
  async function person(): Promise<string> {
    const email = `person-${newId()}@example.test`;
    await omni.handle.db.insert(users).values({
      id: newId(),
      workspaceId,
      email,
      passwordHash: await hashPassword(password),
      role: 'designer',
    });
    return email;
  }

  /** Signs in through `on` from the client address `address` (X-Forwarded-For, trusted in `app`). */
  async function login(
    email: string,
    pass: string,
    address: string,
    on = app,
    headers: Record<string, string> = {},
  ) {
    const response = await on.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...headers },
      body: JSON.stringify({ email, password: pass }),
    });
    const body = (await response.json()) as {
      error?: { code: string; details?: { retryAfterSeconds: number } };
    };
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body, response };
  }

  const seconds = (n: number) => (now = new Date(now.getTime() + n * 1000));
  const appWith = (deps: Partial<AppDeps>) =>
    createApp({ ...omni.deps, trustProxy: true, now: () => now, ...deps });

  beforeAll(async () => {
    // The real web chat driver: its visitor routes must keep working from customers' sites.
    omni = await startTestOmniflow({ db, worker: false, channels: webChatChannels() });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    app = appWith({});
  });
  afterAll(async () => omni.close());

  describe('lockout', () => {
    it('locks an account after five wrong passwords, refuses even the right one, and backs off', async () => {
      const email = await person();
      for (let i = 0; i < 5; i++) expect((await login(email, 'wrong', '192.0.2.1')).status).toBe(401);
      const locked = await login(email, password, '192.0.2.1');
      expect(locked.status).toBe(429);
      expect(locked.retryAfter).toBe('60');
      expect(locked.body.error).toMatchObject({ code: 'SIGN_IN_LOCKED', details: { retryAfterSeconds: 60 } });
      // From another address too: the lock is the account's.
      expect((await login(email, password, '192.0.2.2')).status).toBe(429);

      seconds(30);
      expect((await login(email, password, '192.0.2.1')).retryAfter).toBe('30');
      seconds(31);
      expect((await login(email, 'wrong', '192.0.2.1')).status).toBe(401);
      const longer = await login(email, password, '192.0.2.1');
      expect(longer.status).toBe(429);
      expect(longer.retryAfter).toBe('120');
      seconds(121);
      expect((await login(email, 'wrong', '192.0.2.1')).status).toBe(401);
      expect((await login(email, password, '192.0.2.1')).retryAfter).toBe('240');
    });

    it('starts an account afresh after the right password', async () => {
      const email = await person();
      for (let i = 0; i < 4; i++) expect((await login(email, 'wrong', '192.0.2.10')).status).toBe(401);
      expect((await login(email, password, '192.0.2.10')).status).toBe(200);
      for (let i = 0; i < 4; i++) expect((await login(email, 'wrong', '192.0.2.10')).status).toBe(401);
      expect((await login(email, password, '192.0.2.10')).status).toBe(200);
    });

    it('locks an unknown email exactly as a known one, so lockouts do not tell which exist', async () => {
      const unknown = `nobody-${newId()}@example.test`;
      for (let i = 0; i < 5; i++) expect((await login(unknown, 'wrong', '192.0.2.20')).status).toBe(401);
      expect((await login(unknown, 'wrong', '192.0.2.20')).status).toBe(429);
    });

    it('locks an address after twenty failures over many accounts, whatever the account', async () => {
      const address = '198.51.100.7';
      for (let i = 0; i < 20; i++) {
        const email = i % 2 ? await person() : `nobody-${newId()}@example.test`;
        expect((await login(email, 'wrong', address)).status).toBe(401);
      }
      const someone = await person();
      expect((await login(someone, password, address)).status).toBe(429);
      expect((await login(someone, password, '198.51.100.8')).status).toBe(200);
    });

    it('lets no more than five guesses at one account through when they come at once', async () => {
      const email = await person();
      const answers = await Promise.all(
        Array.from({ length: 25 }, (_, i) => login(email, `wrong ${i}`, `203.0.113.${i}`)),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    });

    it('refuses an email or a password too long to be one, before storing or hashing it', async () => {
      expect((await login(`${'a'.repeat(10_000)}@example.test`, 'wrong', '192.0.2.95')).status).toBe(400);
      expect((await login(await person(), 'p'.repeat(100_000), '192.0.2.95')).status).toBe(400);
      expect(
        await omni.handle.db.select().from(signInThrottles).where(eq(signInThrottles.key, 'ip:192.0.2.95')),
      ).toEqual([]);
    });

    it('forgets attempts a day old, so guessed emails do not pile up', async () => {
      const guessed = `nobody-${newId()}@example.test`;
      expect((await login(guessed, 'wrong', '192.0.2.90')).status).toBe(401);
      const stored = () =>
        omni.handle.db
          .select()
          .from(signInThrottles)
          .where(eq(signInThrottles.key, `account:${guessed}`));
      expect(await stored()).toHaveLength(1);
      seconds(25 * 3600);
      expect((await login(`nobody-${newId()}@example.test`, 'wrong', '192.0.2.91')).status).toBe(401);
      expect(await stored()).toEqual([]);
    });

    it('counts a served request by its socket address, ignoring X-Forwarded-For unless trusted', async () => {
      const served = await listen(
        createApp({ ...omni.deps, now: () => now, signInLimits: { perAddress: 3 } }),
      );
      try {
        const attempt = async (email: string, pass: string, forwardedFor: string) =>
          (
            await fetch(`${served.url}/api/v1/auth/login`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
              body: JSON.stringify({ email, password: pass }),
            })
          ).status;
        for (let i = 0; i < 3; i++)
          expect(await attempt(`nobody-${newId()}@example.test`, 'wrong', `192.0.2.${100 + i}`)).toBe(401);
        expect(await attempt(await person(), password, '192.0.2.200')).toBe(429);
      } finally {
        await served.close();
      }
    });
  });

  it('takes as long for an unknown email as for a known one', async () => {
    const timed = appWith({ signInLimits: { perAccount: 1000, perAddress: 1000 } });
    const email = await person();
    const unknown = `nobody-${newId()}@example.test`;
    const took = async (who: string) => {
      const started = performance.now();
      expect((await login(who, 'wrong', '192.0.2.50', timed)).status).toBe(401);
      return performance.now() - started;
    };
    // Warm both paths (the unknown one makes its stand-in hash once), then alternate.
    await took(email);
    await took(unknown);
    const known: number[] = [];
    const unknowns: number[] = [];
    for (let i = 0; i < 9; i++) {
      known.push(await took(email));
      unknowns.push(await took(unknown));
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const ratio = median(unknowns) / median(known);
    expect(ratio, `unknown ${median(unknowns)} ms / known ${median(known)} ms`).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  describe('cookies and the origin of writes', () => {
    let cookie: string;
    beforeAll(async () => {
      const signedIn = await login(await person(), password, '192.0.2.60');
      expect(signedIn.status).toBe(200);
      cookie = signedIn.response.headers.get('set-cookie')!.split(';')[0]!;
    });

    const write = (headers: Record<string, string>, on = app) =>
      on.request('/api/v1/flows', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ name: 'From somewhere', nodes: [], edges: [] }),
      });

    it('refuses a cookie write from another site, or that names no origin', async () => {
      const attempts: Record<string, string>[] = [
        { cookie, origin: 'https://evil.example' },
        { cookie, referer: 'https://evil.example/page' },
        { cookie, origin: 'null' },
        { cookie },
      ];
      for (const headers of attempts) {
        const refused = await write(headers);
        expect(refused.status).toBe(403);
        expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
          'CSRF_ORIGIN_MISMATCH',
        );
      }
      const logout = await app.request('/api/v1/auth/logout', {
        method: 'POST',
        headers: { cookie, origin: 'https://evil.example' },
      });
      expect(logout.status).toBe(403);
    });

    it('accepts a cookie write from the page’s own host, by Origin or Referer', async () => {
      expect((await write({ cookie, origin: 'http://localhost' })).status).toBe(201);
      expect((await write({ cookie, referer: 'http://localhost/flows' })).status).toBe(201);
      // Reads need no origin.
      const read = await app.request('/api/v1/flows', { headers: { cookie } });
      expect(read.status).toBe(200);
    });

    it('accepts the public origin when the API is reached under another host (a proxy)', async () => {
      const behindProxy = appWith({ publicUrl: 'https://omniflow.example.com' });
      expect((await write({ cookie, origin: 'https://omniflow.example.com' }, behindProxy)).status).toBe(201);
      expect((await write({ cookie, origin: 'https://other.example.com' }, behindProxy)).status).toBe(403);
    });

    it('lets API keys and webhooks through whatever their origin', async () => {
      const withKey = await write({
        authorization: `Bearer ${omni.apiKey}`,
        cookie,
        origin: 'https://evil.example',
      });
      expect(withKey.status).toBe(201);
      const webchat = await app.request('/api/v1/webchat/sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin: 'https://shop.example' },
        body: JSON.stringify({ key: workspaceId }),
      });
      expect(webchat.status).toBe(200);
    });

    it('refuses signing in from another site’s page', async () => {
      const email = await person();
      expect(
        (await login(email, password, '192.0.2.61', app, { origin: 'https://evil.example' })).status,
      ).toBe(403);
      expect((await login(email, password, '192.0.2.61', app, { origin: 'http://localhost' })).status).toBe(
        200,
      );
    });

    it('marks the session cookie Secure when the public origin is https, and SameSite=Lax always', async () => {
      const email = await person();
      const plain = await login(email, password, '192.0.2.70');
      expect(plain.response.headers.get('set-cookie')).not.toMatch(/Secure/);
      expect(plain.response.headers.get('set-cookie')).toMatch(/SameSite=Lax/);
      const https = await login(
        email,
        password,
        '192.0.2.70',
        appWith({ publicUrl: 'https://omniflow.example.com' }),
      );
      expect(https.response.headers.get('set-cookie')).toMatch(/; Secure/);
    });
  });
});
