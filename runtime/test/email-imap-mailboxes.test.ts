import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { messages } from '@omniflow/db';
import { createApiKey } from '../src/api/api-keys.ts';
import { createApp } from '../src/api/create-app.ts';
import { createImapMailboxStore } from '../src/email/imap-mailbox-store.ts';
import { mailIntakeFromEnv } from '../src/email/mail-intake-from-env.ts';
import { startWorkspaceMailboxes } from '../src/email/workspace-mailboxes.ts';
import { startMailIntake, type MailIntake } from '../src/email/start-mail-intake.ts';
import { freePort } from '../src/temporal-server/free-port.ts';
import { startDovecot, type Dovecot } from './support/dovecot.ts';
import {
  eventually,
  latestRunOf,
  publishFlow,
  runReaches,
  startTestOmniflow,
  type TestOmniflow,
} from './support/test-omniflow.ts';

// Issue 13: each workspace connects its own mailboxes in Settings; the API process polls every
// saved one (real dovecot), told of each change by the routes, with no restart.

const inbox = 'ayuda@omniflow.test';

const answeringFlow = {
  name: 'Help desk inbox',
  nodes: [
    { id: 'mail', type: 'message.inbound', config: { channel: 'any', to: inbox } },
    { id: 'end', type: 'flow.end', config: {} },
  ],
  edges: [{ id: 'e1', from: { node: 'mail', port: 'next' }, to: { node: 'end' } }],
};

let omni: TestOmniflow;
let dovecot: Dovecot;
let intake: MailIntake;
let app: ReturnType<typeof createApp>;
let workspaceId: string;
let designerKey: string;
let sequence = 0;
// Every answer's text, to prove no password is ever in one.
const answered: string[] = [];

async function call(method: string, path: string, body?: unknown, key = omni.apiKey) {
  const response = await app.request(`/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  answered.push(text);
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const mail = (from: string) =>
  [
    `From: ${from}`,
    `To: ${inbox}`,
    `Subject: Consulta ${++sequence}`,
    `Message-ID: <box${sequence}.${Date.now()}@example.org>`,
    `Date: ${new Date().toUTCString()}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    '¿Me ayudan con la factura?',
    '',
  ].join('\r\n');

const inboundFrom = async (address: string) =>
  omni.handle.db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.direction, 'inbound'),
        eq(messages.channel, 'email'),
        eq(messages.contactAddress, address),
      ),
    );

const good = () => ({
  host: dovecot.host,
  port: dovecot.port,
  security: 'none',
  user: dovecot.user,
  password: dovecot.password,
  pollSeconds: 30,
});

const mailboxNamed = async (id: string) =>
  (await call('GET', '/mail/mailboxes')).body.items.find((m: { id: string }) => m.id === id);

beforeAll(async () => {
  omni = await startTestOmniflow();
  dovecot = await startDovecot();
  workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
  designerKey = (await createApiKey(omni.handle.db, workspaceId, 'designer', null, 'designer')).key;
  await publishFlow(omni, answeringFlow);
  intake = await startMailIntake({
    db: omni.handle.db,
    temporal: omni.temporal,
    taskQueue: omni.taskQueue,
    settings: mailIntakeFromEnv({}),
    keyring: omni.deps.secretKeyring!,
    // The routes tell the pollers; the timer is for other processes and must not hide a bug here.
    mailboxRefreshMs: 3_600_000,
    log: () => undefined,
  });
  app = createApp({ ...omni.deps, workspaceMailboxes: intake.mailboxes! });
}, 60_000);

afterAll(async () => {
  await intake?.stop();
  await dovecot?.stop();
  await omni?.close();
});

describe('IMAP mailboxes saved per workspace (dovecot)', () => {
  it('refuses bad settings with a 400 that names each field', async () => {
    const badPort = await call('POST', '/mail/mailboxes', { ...good(), port: 0 });
    expect(badPort.status).toBe(400);
    expect(badPort.body.error.message).toMatch(/port.*1 to 65535/);
    const noHost: Partial<ReturnType<typeof good>> = good();
    delete noHost.host;
    const missingHost = await call('POST', '/mail/mailboxes', noHost);
    expect(missingHost.status).toBe(400);
    expect(missingHost.body.error.message).toMatch(/host/);
    const ssl = await call('POST', '/mail/mailboxes', { ...good(), security: 'ssl' });
    expect(ssl.status).toBe(400);
    expect(ssl.body.error.message).toMatch(/security is tls \(port 993\), starttls \(port 143\) or none/);
    const notAnAddress = await call('POST', '/mail/mailboxes', { ...good(), user: 'ayuda' });
    expect(notAnAddress.status).toBe(400);
    expect(notAnAddress.body.error.message).toMatch(/address/);
    expect((await call('GET', '/mail/mailboxes')).body.items).toEqual([]);
  });

  it('is for admins only', async () => {
    const someId = '0190b3c4-0000-7000-8000-000000000000';
    for (const [method, path, body] of [
      ['GET', '/mail/mailboxes', undefined],
      ['POST', '/mail/mailboxes', good()],
      ['POST', '/mail/mailboxes/test', good()],
      ['PATCH', `/mail/mailboxes/${someId}`, { enabled: false }],
      ['DELETE', `/mail/mailboxes/${someId}`, undefined],
    ] as const) {
      const refused = await call(method, path, body, designerKey);
      expect(refused.status, `${method} ${path}`).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('tests a connection: 200 when it signs in, 422 in words when the password or port is wrong', async () => {
    const works = await call('POST', '/mail/mailboxes/test', good());
    expect(works).toMatchObject({ status: 200, body: { ok: true } });
    const wrongPassword = await call('POST', '/mail/mailboxes/test', { ...good(), password: 'no-es-esta' });
    expect(wrongPassword.status).toBe(422);
    expect(wrongPassword.body.error.code).toBe('IMAP_AUTH_FAILED');
    expect(wrongPassword.body.error.message).toMatch(/refused the user name or password/);
    const closed = await call('POST', '/mail/mailboxes/test', { ...good(), port: await freePort() });
    expect(closed.status).toBe(422);
    expect(closed.body.error.code).toBe('IMAP_UNREACHABLE');
    expect(closed.body.error.message).toMatch(/check the port/);
    const noFolder = await call('POST', '/mail/mailboxes/test', { ...good(), folder: 'Archivo' });
    expect(noFolder.status).toBe(422);
    expect(noFolder.body.error.code).toBe('IMAP_FOLDER_MISSING');
  });

  let goodId: string;
  let brokenId: string;

  it('starts polling a saved mailbox at once: a mail put in it starts a run of this workspace', async () => {
    const saved = await call('POST', '/mail/mailboxes', good());
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({
      host: '127.0.0.1',
      security: 'none',
      user: inbox,
      address: inbox,
      folder: 'INBOX',
      hasPassword: true,
      enabled: true,
    });
    expect(saved.body).not.toHaveProperty('password');
    goodId = saved.body.id;
    expect(intake.mailboxes!.running()).toEqual([goodId]);

    await dovecot.deliver(mail('Ana <ana@example.org>'));
    const [taken] = await eventually(async () => {
      const rows = await inboundFrom('ana@example.org');
      return rows.length > 0 ? rows : undefined;
    });
    expect(taken!.workspaceId).toBe(workspaceId);
    const runId = await eventually(() => latestRunOf(omni, 'ana@example.org'));
    await runReaches(omni, runId, ['completed']);
    const shown = await eventually(async () => {
      const mailbox = await mailboxNamed(goodId);
      return mailbox.status === 'working' && mailbox.lastMailAt ? mailbox : undefined;
    });
    expect(shown.lastError).toBeNull();
    const again = await call('POST', '/mail/mailboxes', good());
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('MAILBOX_EXISTS');
  });

  it('shows a wrong password as the mailbox’s status while the other mailbox keeps taking mail', async () => {
    const broken = await call('POST', '/mail/mailboxes', {
      ...good(),
      user: 'nadie@omniflow.test',
      password: 'mal',
    });
    expect(broken.status).toBe(201);
    brokenId = broken.body.id;
    const failing = await eventually(async () => {
      const mailbox = await mailboxNamed(brokenId);
      return mailbox.status === 'failing' ? mailbox : undefined;
    });
    expect(failing.lastError).toMatchObject({ code: 'IMAP_AUTH_FAILED' });
    expect(failing.lastError.message).toMatch(/refused the user name or password/);

    await dovecot.deliver(mail('beto@example.org'));
    await eventually(async () => ((await inboundFrom('beto@example.org')).length > 0 ? true : undefined));
    expect((await mailboxNamed(goodId)).status).toBe('working');
  });

  it('restarts a changed mailbox with its saved password when none is given', async () => {
    const changed = await call('PATCH', `/mail/mailboxes/${goodId}`, { pollSeconds: 20 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ pollSeconds: 20, hasPassword: true });
    await eventually(async () => ((await mailboxNamed(goodId)).status === 'working' ? true : undefined));
    await dovecot.deliver(mail('carla@example.org'));
    await eventually(async () => ((await inboundFrom('carla@example.org')).length > 0 ? true : undefined));

    const savedTested = await call('POST', '/mail/mailboxes/test', {
      ...good(),
      password: undefined,
      id: goodId,
    });
    expect(savedTested).toMatchObject({ status: 200, body: { ok: true } });
    // The saved password is never sent to a server or user it was not given for.
    const elsewhere = await call('POST', '/mail/mailboxes/test', {
      ...good(),
      host: 'imap.attacker.example',
      password: undefined,
      id: goodId,
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.code).toBe('PASSWORD_REQUIRED');
    const moved = await call('PATCH', `/mail/mailboxes/${goodId}`, { host: 'imap.attacker.example' });
    expect(moved.status).toBe(400);
    expect(moved.body.error.message).toMatch(/type the password again/);

    const fixed = await call('PATCH', `/mail/mailboxes/${brokenId}`, { enabled: false });
    expect(fixed.body.status).toBe('off');
    expect(intake.mailboxes!.running()).toEqual([goodId]);
  });

  it('stops polling a deleted mailbox: mail put in it afterwards stays unseen', async () => {
    expect((await call('DELETE', `/mail/mailboxes/${goodId}`)).status).toBe(204);
    expect(intake.mailboxes!.running()).toEqual([]);
    expect((await call('DELETE', `/mail/mailboxes/${goodId}`)).status).toBe(404);
    await dovecot.deliver(mail('dario@example.org'));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const flags = await dovecot.flags();
    expect(flags.at(-1)).not.toContain('\\Seen');
    expect(await inboundFrom('dario@example.org')).toHaveLength(0);
  });

  it('is picked up by another API process at its next re-read, and let go when deleted there', async () => {
    const elsewhere = await startWorkspaceMailboxes({
      store: createImapMailboxStore(omni.handle.db, omni.deps.secretKeyring!),
      take: async () => undefined,
      refreshMs: 200,
      log: () => undefined,
    });
    try {
      // omni.app has no pollers of its own to tell: like a route answered by another process.
      const saved = await omni.call('POST', '/api/v1/mail/mailboxes', { ...good(), enabled: true });
      expect(saved.status).toBe(201);
      answered.push(JSON.stringify(saved.body));
      await eventually(async () => (elsewhere.running().includes(saved.body.id) ? true : undefined));
      expect((await omni.call('DELETE', `/api/v1/mail/mailboxes/${saved.body.id}`)).status).toBe(204);
      await eventually(async () => (elsewhere.running().length === 0 ? true : undefined));
    } finally {
      await elsewhere.stop();
    }
  });

  it('never answers with a password', () => {
    for (const text of answered) {
      expect(text).not.toContain(dovecot.password);
      expect(text).not.toContain('"mal"');
      expect(text).not.toContain('no-es-esta');
    }
  });
});
