import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users, userRoles } from '@omniflow/db';
import { SmtpSink } from '@omniflow/nodes/drivers/email/testing';
import { createApp } from '../src/api/create-app.ts';
import { channelResolverOf } from '../src/api/channel-resolver-of.ts';
import { totpCode } from '../src/people/totp.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const goodPassword = 'correct horse battery staple';
// A role other than the admin's, read from the enum so the list may change under this test.
const memberRole = userRoles.find((r) => r !== 'admin')!;

describe.skipIf(!inject('postgresUrl'))('people: invitations, passwords, sessions, second factor', () => {
  let omni: TestOmniflow;
  let app: ReturnType<typeof createApp>;
  let sink: SmtpSink;
  let now = new Date();

  /** A request as a browser on `address` would make it: the app's own origin, its cookie. */
  async function browser(
    method: string,
    path: string,
    {
      body,
      cookie,
      address = '198.51.100.1',
      language,
    }: { body?: unknown; cookie?: string; address?: string; language?: string } = {},
  ) {
    const response = await app.request(`/api/v1${path}`, {
      method,
      headers: {
        origin: 'http://localhost',
        'x-forwarded-for': address,
        'user-agent': `test-browser/${address}`,
        ...(cookie ? { cookie } : {}),
        ...(language ? { 'accept-language': language } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const setCookie = response.headers.get('set-cookie');
    return {
      status: response.status,
      body: text ? JSON.parse(text) : undefined,
      cookie: setCookie?.startsWith('omniflow_session=') ? setCookie.split(';')[0] : undefined,
      retryAfter: response.headers.get('retry-after'),
    };
  }

  const tokenOf = (link: string) => /#\/(?:invitation|password-reset)\/([\w-]+)$/.exec(link)![1]!;

  /** Invites and accepts: a signed-in person and their cookie. */
  async function member(name: string) {
    const email = `${name.toLowerCase()}-${Date.now()}@example.test`;
    const invited = await omni.call('POST', '/api/v1/people/invitations', {
      email,
      name,
      language: 'es',
      role: memberRole,
    });
    expect(invited.status).toBe(201);
    const accepted = await browser('POST', '/auth/invitations/accept', {
      body: { token: tokenOf(invited.body.link), password: goodPassword },
    });
    expect(accepted.status).toBe(200);
    return { email, id: accepted.body.user.id as string, cookie: accepted.cookie! };
  }

  beforeAll(async () => {
    sink = await SmtpSink.start();
    omni = await startTestOmniflow({ db: 'postgres', worker: false });
    app = createApp({
      ...omni.deps,
      trustProxy: true,
      now: () => now,
      signInLimits: { perAccount: 5, perAddress: 20 },
    });
  });
  afterAll(async () => {
    await channelResolverOf(omni?.deps)?.close();
    await omni?.close();
    await sink?.close();
  });

  it('shows the invitation link to the admin when no email channel is set up, and the link signs the person in', async () => {
    const invited = await omni.call('POST', '/api/v1/people/invitations', {
      email: 'Lucia@Example.test',
      name: 'Lucía Pérez',
      language: 'es',
      role: memberRole,
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({
      mailed: false,
      invitation: { email: 'lucia@example.test', role: memberRole },
    });
    expect(invited.body.link).toMatch(/^http:\/\/localhost\/#\/invitation\/[\w-]{43}$/);
    const token = tokenOf(invited.body.link);

    const again = await omni.call(
      'POST',
      '/api/v1/people/invitations',
      {
        email: 'lucia@example.test',
        name: 'Lucía',
        language: 'es',
        role: memberRole,
      },
      { 'accept-language': 'es' },
    );
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('ya tiene una invitación pendiente');

    const preview = await browser('POST', '/auth/invitations/preview', { body: { token } });
    expect(preview).toMatchObject({
      status: 200,
      body: { email: 'lucia@example.test', name: 'Lucía Pérez', language: 'es' },
    });

    // The policy, in the reader's language, before anything is used up.
    const short = await browser('POST', '/auth/invitations/accept', {
      body: { token, password: 'corto' },
      language: 'es',
    });
    expect(short.status).toBe(422);
    expect(short.body.error).toMatchObject({ code: 'PASSWORD_TOO_SHORT' });
    expect(short.body.error.message).toContain('al menos 12 caracteres');
    for (const leaked of ['qwerty123456', 'Password2026!', 'iloveyouiloveyou']) {
      const refused = await browser('POST', '/auth/invitations/accept', {
        body: { token, password: leaked },
      });
      expect(refused.status, leaked).toBe(422);
      expect(refused.body.error.code).toBe('PASSWORD_BREACHED');
      expect(refused.body.error.message).toContain('leaked passwords');
    }

    const accepted = await browser('POST', '/auth/invitations/accept', {
      body: { token, password: goodPassword },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.cookie).toBeDefined();
    const me = await browser('GET', '/account', { cookie: accepted.cookie });
    expect(me.body).toMatchObject({
      person: { name: 'Lucía Pérez', language: 'es', role: memberRole, status: 'active' },
    });

    const reused = await browser('POST', '/auth/invitations/accept', {
      body: { token, password: goodPassword },
    });
    expect(reused.status).toBe(404);
    expect(reused.body.error.code).toBe('LINK_INVALID');
    expect((await browser('POST', '/auth/invitations/preview', { body: { token: 'made-up' } })).status).toBe(
      404,
    );

    // What a member's role does not allow: managing people.
    const notAdmin = await browser('GET', '/people', { cookie: accepted.cookie });
    expect(notAdmin.status).toBe(403);
  });

  it('mails the invitation through the workspace’s SMTP channel when one is set up', async () => {
    const saved = await omni.call('PUT', '/api/v1/channels/email', {
      provider: 'smtp',
      config: { host: '127.0.0.1', port: sink.port, security: 'none', fromAddress: 'ayuda@omniflow.test' },
    });
    expect(saved.status).toBe(200);
    try {
      const invited = await omni.call('POST', '/api/v1/people/invitations', {
        email: 'marta@example.test',
        name: 'Marta',
        language: 'en',
        role: memberRole,
      });
      expect(invited.status).toBe(201);
      expect(invited.body.mailed).toBe(true);
      expect(invited.body.link).toBeUndefined();
      await expect.poll(() => sink.mailsTo('marta@example.test').length).toBe(1);
      const raw = sink.mailsTo('marta@example.test')[0]!.raw;
      expect(raw).toContain('Subject: You are invited to Omniflow');
      const link = /http:\/\/localhost\/#\/invitation\/[\w-]+/.exec(raw.replace(/=\r?\n/g, ''))![0];
      const accepted = await browser('POST', '/auth/invitations/accept', {
        body: { token: tokenOf(link), password: goodPassword },
      });
      expect(accepted.status).toBe(200);

      const list = await omni.call('GET', '/api/v1/people');
      expect(list.body.items.map((p: { email: string }) => p.email)).toContain('marta@example.test');
      expect(list.body.invitations.map((p: { email: string }) => p.email)).not.toContain(
        'marta@example.test',
      );
    } finally {
      await omni.call('DELETE', '/api/v1/channels/email');
    }
  });

  it('deactivates a person: their sessions end at once and sign-in says why; reactivated, they sign in again', async () => {
    const person = await member('Deactivated');
    const made = await browser('POST', '/api-keys', { cookie: person.cookie, body: { name: 'mine' } });
    expect(made.status).toBe(201);
    const changed = await omni.call('PATCH', `/api/v1/people/${person.id}`, { status: 'deactivated' });
    expect(changed).toMatchObject({ status: 200, body: { person: { status: 'deactivated', sessions: 0 } } });
    expect((await browser('GET', '/account', { cookie: person.cookie })).status).toBe(401);
    // Their API keys stop with them.
    const byKey = await app.request('/api/v1/flows', {
      headers: { authorization: `Bearer ${made.body.key}` },
    });
    expect(byKey.status).toBe(401);

    const refused = await browser('POST', '/auth/login', {
      body: { email: person.email, password: goodPassword },
      language: 'es',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'ACCOUNT_DEACTIVATED' });
    expect(refused.body.error.message).toContain('desactivada');
    // Only the right password hears that: a wrong one is the usual answer.
    expect(
      (
        await browser('POST', '/auth/login', {
          body: { email: person.email, password: 'wrong password here' },
        })
      ).status,
    ).toBe(401);

    await omni.call('PATCH', `/api/v1/people/${person.id}`, {
      status: 'active',
      name: 'Back Again',
      role: memberRole,
    });
    const back = await browser('POST', '/auth/login', {
      body: { email: person.email, password: goodPassword },
    });
    expect(back.status).toBe(200);
    expect(back.body.user.name).toBe('Back Again');

    expect(
      (await omni.call('PATCH', '/api/v1/people/00000000-0000-4000-8000-000000000000', { name: 'x' })).status,
    ).toBe(404);
    expect((await omni.call('PATCH', `/api/v1/people/${person.id}`, { role: 'superuser' })).status).toBe(400);
  });

  it('does not let an admin deactivate themselves', async () => {
    const [admin] = await omni.handle.db.select().from(users).where(eq(users.role, 'admin'));
    const login = await browser('POST', '/auth/login', {
      body: { email: admin!.email, password: omni.admin.password },
    });
    expect(login.status).toBe(200);
    const self = await browser('PATCH', `/people/${admin!.id}`, {
      cookie: login.cookie,
      body: { status: 'deactivated' },
    });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('NOT_ON_YOURSELF');
  });

  it('resets a password by link: the old one stops, other sessions end, the new one signs in', async () => {
    const person = await member('Reset');
    const reset = await omni.call('POST', `/api/v1/people/${person.id}/password-reset`);
    expect(reset.status).toBe(200);
    expect(reset.body.mailed).toBe(false);
    const token = tokenOf(reset.body.link);
    expect((await browser('POST', '/auth/password-resets/preview', { body: { token } })).body.email).toBe(
      person.email,
    );
    const weak = await browser('POST', '/auth/password-resets/complete', {
      body: { token, password: 'password1234' },
    });
    expect(weak.body.error.code).toBe('PASSWORD_BREACHED');
    const done = await browser('POST', '/auth/password-resets/complete', {
      body: { token, password: 'a new and long passphrase' },
    });
    expect(done.status).toBe(200);
    expect((await browser('GET', '/account', { cookie: person.cookie })).status).toBe(401);
    expect((await browser('GET', '/account', { cookie: done.cookie })).status).toBe(200);
    expect(
      (await browser('POST', '/auth/login', { body: { email: person.email, password: goodPassword } }))
        .status,
    ).toBe(401);
    expect(
      (
        await browser('POST', '/auth/password-resets/complete', {
          body: { token, password: 'yet another long one' },
        })
      ).status,
    ).toBe(404);
  });

  it('lists a person’s own sessions with where and what from, and ends any of them', async () => {
    const person = await member('Sessions');
    const second = await browser('POST', '/auth/login', {
      body: { email: person.email, password: goodPassword },
      address: '203.0.113.9',
    });
    const listed = await browser('GET', '/account/sessions', { cookie: person.cookie });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(2);
    const other = listed.body.items.find((s: { current: boolean }) => !s.current);
    expect(other).toMatchObject({ ipAddress: '203.0.113.9', userAgent: 'test-browser/203.0.113.9' });
    expect(other.lastSeenAt).not.toBeNull();

    expect((await browser('DELETE', `/account/sessions/${other.id}`, { cookie: person.cookie })).status).toBe(
      204,
    );
    expect((await browser('GET', '/account', { cookie: second.cookie })).status).toBe(401);
    expect((await browser('GET', '/account', { cookie: person.cookie })).status).toBe(200);
    expect((await browser('DELETE', `/account/sessions/${other.id}`, { cookie: person.cookie })).status).toBe(
      404,
    );

    // An admin ends them all.
    expect((await omni.call('DELETE', `/api/v1/people/${person.id}/sessions`)).status).toBe(204);
    expect((await browser('GET', '/account', { cookie: person.cookie })).status).toBe(401);
    // An API key is not a person with sessions.
    expect((await omni.call('GET', '/api/v1/account')).status).toBe(403);
  });

  it('changes one’s own name, language and password, refusing a wrong current password', async () => {
    const person = await member('Self');
    const renamed = await browser('PATCH', '/account', {
      cookie: person.cookie,
      body: { name: 'Myself', language: 'en' },
    });
    expect(renamed.body.person).toMatchObject({ name: 'Myself', language: 'en' });
    const wrong = await browser('POST', '/account/password', {
      cookie: person.cookie,
      body: { currentPassword: 'not it at all', newPassword: 'a brand new passphrase' },
    });
    expect(wrong.status).toBe(422);
    const changed = await browser('POST', '/account/password', {
      cookie: person.cookie,
      body: { currentPassword: goodPassword, newPassword: 'a brand new passphrase' },
    });
    expect(changed.status).toBe(204);
    expect(
      (
        await browser('POST', '/auth/login', {
          body: { email: person.email, password: 'a brand new passphrase' },
        })
      ).status,
    ).toBe(200);
  });

  it('asks for a TOTP code after the password once the second factor is confirmed; recovery codes work once', async () => {
    const person = await member('Totp');
    const started = await browser('POST', '/account/second-factor', { cookie: person.cookie });
    expect(started.status).toBe(200);
    expect(started.body.qrSvg).toMatch(/^<svg/);
    expect(started.body.uri).toContain('otpauth://totp/Omniflow:');
    const secret: string = started.body.secret;

    // Not in force until confirmed: the password alone still signs in.
    expect(
      (await browser('POST', '/auth/login', { body: { email: person.email, password: goodPassword } })).body
        .user,
    ).not.toBeNull();
    const wrongConfirm = await browser('POST', '/account/second-factor/confirm', {
      cookie: person.cookie,
      body: { code: '000000' },
    });
    expect(wrongConfirm.status).toBe(422);
    const confirmed = await browser('POST', '/account/second-factor/confirm', {
      cookie: person.cookie,
      body: { code: totpCode(secret) },
    });
    expect(confirmed.status).toBe(200);
    const recoveryCodes: string[] = confirmed.body.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);

    const step = await browser('POST', '/auth/login', {
      body: { email: person.email, password: goodPassword },
    });
    expect(step.status).toBe(200);
    expect(step.body.user).toBeNull();
    expect(step.cookie).toBeUndefined();
    const token = step.body.secondFactor.token;
    expect((await browser('POST', '/auth/second-factor', { body: { token, code: '123456' } })).status).toBe(
      422,
    );
    // The code the confirmation spent is not taken again (RFC 6238 §5.2).
    expect(
      (await browser('POST', '/auth/second-factor', { body: { token, code: totpCode(secret) } })).status,
    ).toBe(422);
    const next = await browser('POST', '/auth/second-factor', {
      body: { token, code: totpCode(secret, Date.now() + 30_000) },
    });
    expect(next.status).toBe(200);
    expect(next.cookie).toBeDefined();
    expect(
      (await browser('POST', '/auth/second-factor', { body: { token, code: recoveryCodes[0] } })).status,
    ).toBe(404);

    const byRecovery = await browser('POST', '/auth/login', {
      body: { email: person.email, password: goodPassword },
    });
    const recovered = await browser('POST', '/auth/second-factor', {
      body: { token: byRecovery.body.secondFactor.token, code: recoveryCodes[0]!.toUpperCase() },
    });
    expect(recovered.status).toBe(200);
    const account = await browser('GET', '/account', { cookie: recovered.cookie });
    expect(account.body.secondFactor).toEqual({ enabled: true, recoveryCodesLeft: 9 });
    const spent = await browser('POST', '/auth/login', {
      body: { email: person.email, password: goodPassword },
    });
    expect(
      (
        await browser('POST', '/auth/second-factor', {
          body: { token: spent.body.secondFactor.token, code: recoveryCodes[0] },
        })
      ).status,
    ).toBe(422);

    // Sealed at rest: the secret is not in the row.
    const [row] = await omni.handle.db.select().from(users).where(eq(users.id, person.id));
    expect(JSON.stringify(row!.totpSecret)).not.toContain(secret);

    // A lost phone: the admin turns it off and the password alone signs in again.
    expect((await omni.call('DELETE', `/api/v1/people/${person.id}/second-factor`)).status).toBe(204);
    const plain = await browser('POST', '/auth/login', {
      body: { email: person.email, password: goodPassword },
    });
    expect(plain.body.user?.email).toBe(person.email);
  });

  it('locks out a brute-forced login (429, Retry-After) while another account from another address signs in', async () => {
    const victim = await member('Victim');
    const bystander = await member('Bystander');
    const attacker = '192.0.2.66';
    const answers: number[] = [];
    for (let i = 0; i < 8; i++)
      answers.push(
        (
          await browser('POST', '/auth/login', {
            body: { email: victim.email, password: `guess number ${i}` },
            address: attacker,
          })
        ).status,
      );
    expect(answers).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const locked = await browser('POST', '/auth/login', {
      body: { email: victim.email, password: goodPassword },
      address: attacker,
      language: 'es',
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
    expect(locked.body.error.code).toBe('SIGN_IN_LOCKED');

    const elsewhere = await browser('POST', '/auth/login', {
      body: { email: bystander.email, password: goodPassword },
      address: '203.0.113.50',
    });
    expect(elsewhere.status).toBe(200);

    // Once the lock is over (the test's clock moves), the owner gets in.
    now = new Date(now.getTime() + Number(locked.retryAfter) * 1000 + 1000);
    const later = await browser('POST', '/auth/login', {
      body: { email: victim.email, password: goodPassword },
      address: '203.0.113.51',
    });
    expect(later.status).toBe(200);
  });

  it('locks guessing at the second factor like guessing at passwords', async () => {
    const person = await member('Guessed');
    const started = await browser('POST', '/account/second-factor', { cookie: person.cookie });
    await browser('POST', '/account/second-factor/confirm', {
      cookie: person.cookie,
      body: { code: totpCode(started.body.secret) },
    });
    const step = await browser('POST', '/auth/login', {
      body: { email: person.email, password: goodPassword },
      address: '192.0.2.77',
    });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await browser('POST', '/auth/second-factor', {
            body: { token: step.body.secondFactor.token, code: String(100000 + i) },
            address: '192.0.2.77',
          })
        ).status,
      );
    // The right password counted until a right code: it and four wrong codes make the five.
    expect(statuses).toEqual([422, 422, 422, 422, 429, 429]);
  });
});
