import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import nodemailer from 'nodemailer';
import { and, eq } from 'drizzle-orm';
import { mailDomains, messages, newId, workspaces } from '@omniflow/db';
import { createApiKey } from '../src/api/api-keys.ts';
import { startMailIntake, type MailIntake } from '../src/email/start-mail-intake.ts';
import { mailIntakeFromEnv } from '../src/email/mail-intake-from-env.ts';
import { loadRegistry } from '../src/server/load-registry.ts';
import { startApi } from '../src/server/start-api.ts';
import { freePort } from '../src/temporal-server/free-port.ts';
import {
  eventually,
  publishFlow,
  runReaches,
  startTestOmniflow,
  type TestOmniflow,
} from './support/test-omniflow.ts';

// Issue 13: nodemailer → the built-in inbound server round trip, unknown recipients refused at
// RCPT, and bad input (a 30 MB mail, no From, malformed MIME, a 10,000-recipient header).

const desk = 'mesa@ayuda.test';

const answerFlow = {
  name: 'Mesa de ayuda por correo',
  nodes: [
    { id: 'mail', type: 'message.inbound', config: { channel: 'any', to: desk } },
    {
      id: 'answer',
      type: 'message.send',
      config: { channel: 'conversation', to: '{{ input.from }}', text: 'Gracias, {{ input.text }}' },
    },
    { id: 'end', type: 'flow.end', config: {} },
    { id: 'failed', type: 'flow.end', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'mail', port: 'next' }, to: { node: 'answer' } },
    { id: 'e2', from: { node: 'answer', port: 'sent' }, to: { node: 'end' } },
    { id: 'e3', from: { node: 'answer', port: 'failed' }, to: { node: 'failed' } },
  ],
};

let omni: TestOmniflow;
let intake: MailIntake;

beforeAll(async () => {
  omni = await startTestOmniflow({ db: 'postgres' });
  await publishFlow(omni, answerFlow);
  intake = await startMailIntake({
    db: omni.handle.db,
    temporal: omni.temporal,
    taskQueue: omni.taskQueue,
    settings: mailIntakeFromEnv({
      OMNIFLOW_MAIL_INBOUND_PORT: '0',
      OMNIFLOW_MAIL_INBOUND_HOST: '127.0.0.1',
      OMNIFLOW_MAIL_DOMAINS: 'todo.test',
    }),
    log: () => undefined,
  });
}, 60_000);

afterAll(async () => {
  await intake?.stop();
  await omni?.close();
});

const smtp = () =>
  nodemailer.createTransport({ host: '127.0.0.1', port: intake.smtpPort!, secure: false, ignoreTLS: true });

const inboundFrom = (address: string) =>
  omni.handle.db
    .select()
    .from(messages)
    .where(and(eq(messages.direction, 'inbound'), eq(messages.contactAddress, address)));

const replyTo = (address: string) =>
  eventually(async () => {
    const [row] = await omni.handle.db
      .select()
      .from(messages)
      .where(and(eq(messages.direction, 'outbound'), eq(messages.contactAddress, address)));
    return row;
  });

describe('the built-in inbound SMTP server', () => {
  it('takes a mail nodemailer sends to a flow’s address, and the flow answers by email', async () => {
    const info = await smtp().sendMail({
      from: 'Ana <ana@example.org>',
      to: desk,
      subject: 'Horario',
      text: 'por el horario',
    });
    expect(info.accepted).toEqual([desk]);
    const reply = await replyTo('ana@example.org');
    expect(reply).toMatchObject({ channel: 'email', body: { text: 'Gracias, por el horario' } });
    await runReaches(omni, reply.runId!, ['completed']);
    const [inbound] = await inboundFrom('ana@example.org');
    expect(inbound).toMatchObject({
      channel: 'email',
      ourAddress: desk,
      body: { email: { subject: 'Horario' } },
    });
  });

  it('refuses at RCPT an address no flow or domain takes (550), and takes any address of a given domain', async () => {
    const refused = await smtp()
      .sendMail({ from: 'ana@example.org', to: 'nadie@ayuda.test', subject: 'x', text: 'x' })
      .catch((e: { responseCode?: number }) => e);
    expect(refused).toMatchObject({ responseCode: 550 });
    const taken = await smtp().sendMail({
      from: 'ana@example.org',
      to: 'quien-sea@todo.test',
      subject: 'x',
      text: 'x',
    });
    expect(taken.accepted).toEqual(['quien-sea@todo.test']);
  });

  it('refuses a 30 MB mail with 552', async () => {
    const error = await smtp()
      .sendMail({
        from: 'big@example.org',
        to: desk,
        subject: 'grande',
        text: 'adjunto',
        attachments: [{ filename: 'big.bin', content: Buffer.alloc(30 * 1024 * 1024, 1) }],
      })
      .catch((e: { responseCode?: number }) => e);
    expect(error).toMatchObject({ responseCode: 552 });
    expect(await inboundFrom('big@example.org')).toHaveLength(0);
  }, 60_000);

  it('refuses a mail with no From with 550, saying why', async () => {
    const error = await smtp()
      .sendMail({
        envelope: { from: 'nobody@example.org', to: [desk] },
        raw: `To: ${desk}\r\nSubject: sin remitente\r\n\r\nhola\r\n`,
      })
      .catch((e: { responseCode?: number; response?: string }) => e);
    expect(error).toMatchObject({ responseCode: 550 });
    expect((error as { response: string }).response).toMatch(/no From/);
  });

  it('takes malformed MIME as far as it can be read, without failing the session', async () => {
    const info = await smtp().sendMail({
      envelope: { from: 'rota@example.org', to: [desk] },
      raw: [
        'From: rota@example.org',
        `To: ${desk}`,
        'Subject: =?utf-8?B?roto',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="nunca-cierra"',
        '',
        '--nunca-cierra',
        'Content-Type: text/plain; charset=desconocido',
        'Content-Transfer-Encoding: base64',
        '',
        '%%% esto no es base64 %%%',
        '',
      ].join('\r\n'),
    });
    expect(info.accepted).toEqual([desk]);
    await eventually(async () => (await inboundFrom('rota@example.org'))[0]);
  });

  it('routes a mail whose To header names 10,000 people only to the envelope’s recipient', async () => {
    const to = Array.from({ length: 10_000 }, (_, i) => `persona${i}@example.net`).join(', ');
    const info = await smtp().sendMail({
      envelope: { from: 'lista@example.org', to: [desk] },
      raw: `From: lista@example.org\r\nTo: ${to}\r\nSubject: muchos\r\n\r\nhola\r\n`,
    });
    expect(info.accepted).toEqual([desk]);
    const rows = await eventually(async () => {
      const found = await inboundFrom('lista@example.org');
      return found.length ? found : undefined;
    });
    expect(rows).toHaveLength(1);
  });
});

describe('the period of auto-replies', () => {
  it('answers two mails from one sender arriving together only once', async () => {
    const send = (n: number) =>
      smtp().sendMail({ from: 'gemela@example.org', to: desk, subject: `a la vez ${n}`, text: `mail ${n}` });
    await Promise.all([send(1), send(2)]);
    await replyTo('gemela@example.org');
    const inbound = await eventually(async () => {
      const rows = await inboundFrom('gemela@example.org');
      return rows.length === 2 && rows.every((r) => r.runId) ? rows : undefined;
    });
    const runs = await Promise.all(inbound.map((r) => runReaches(omni, r.runId!, ['completed', 'skipped'])));
    expect(runs.map((r) => r.status).sort()).toEqual(['completed', 'skipped']);
    const replies = await omni.handle.db
      .select()
      .from(messages)
      .where(and(eq(messages.direction, 'outbound'), eq(messages.contactAddress, 'gemela@example.org')));
    expect(replies).toHaveLength(1);
  });
});

describe('the workspace’s mail domains (PUT /mail/domains)', () => {
  it('takes mail for any address of a domain an admin sets, and refuses it again once removed', async () => {
    const set = await omni.call('PUT', '/api/v1/mail/domains', {
      domains: ['Correo.Example.ORG.', 'correo.example.org'],
    });
    expect(set).toMatchObject({ status: 200, body: { domains: ['correo.example.org'] } });
    expect((await omni.call('GET', '/api/v1/mail/domains')).body).toEqual({
      domains: ['correo.example.org'],
    });
    const info = await smtp().sendMail({
      from: 'ana@example.org',
      to: 'cualquiera@correo.example.org',
      text: 'x',
    });
    expect(info.accepted).toEqual(['cualquiera@correo.example.org']);
    await omni.call('PUT', '/api/v1/mail/domains', { domains: [] });
    const refused = await smtp()
      .sendMail({ from: 'ana@example.org', to: 'cualquiera@correo.example.org', text: 'x' })
      .catch((e: { responseCode?: number }) => e);
    expect(refused).toMatchObject({ responseCode: 550 });
  });

  it('refuses what is not a domain (400), a domain of another workspace (409) and a non-admin (403)', async () => {
    const bad = await omni.call('PUT', '/api/v1/mail/domains', { domains: ['ayuda@example.org'] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/like ayuda\.example\.org/);
    const other = newId();
    await omni.handle.db.insert(workspaces).values({ id: other, name: 'Otra' });
    await omni.handle.db.insert(mailDomains).values({ domain: 'ajeno.example.org', workspaceId: other });
    const taken = await omni.call('PUT', '/api/v1/mail/domains', { domains: ['ajeno.example.org'] });
    expect(taken).toMatchObject({ status: 409, body: { error: { code: 'MAIL_DOMAIN_TAKEN' } } });
    const workspace = (await omni.handle.db.query.workspaces.findFirst({
      where: (w, { ne }) => ne(w.id, other),
    }))!;
    const { key } = await createApiKey(omni.handle.db, workspace.id, 'lector', null, 'viewer');
    const forbidden = await omni.call(
      'PUT',
      '/api/v1/mail/domains',
      { domains: [] },
      { authorization: `Bearer ${key}` },
    );
    expect(forbidden.status).toBe(403);
    expect(
      (await omni.call('GET', '/api/v1/mail/domains', undefined, { authorization: `Bearer ${key}` })).status,
    ).toBe(200);
  });
});

describe('our own mail', () => {
  it('never answers mail coming back from one of our own addresses (a loop)', async () => {
    await smtp().sendMail({ from: desk, to: desk, subject: 'eco', text: 'eco' });
    const run = await eventually(async () => {
      const listed = await omni.call('GET', `/api/v1/runs?contact=${encodeURIComponent(desk)}`);
      return listed.body.items[0];
    });
    expect(run).toMatchObject({ status: 'skipped', skipReason: 'OWN_MAIL' });
  });
});

describe('omniflow api', () => {
  it('runs the inbound server its environment asks for, and stops it with the API', async () => {
    const port = await freePort();
    const api = await startApi({
      db: omni.handle.db,
      ping: omni.handle.ping,
      registry: await loadRegistry({}),
      temporalAddress: inject('temporalAddress'),
      port: 0,
      hostname: '127.0.0.1',
      env: {
        OMNIFLOW_TWIML_VOICE: '0',
        OMNIFLOW_MAIL_INBOUND_PORT: String(port),
        OMNIFLOW_MAIL_INBOUND_HOST: '127.0.0.1',
      },
    });
    const transport = () => nodemailer.createTransport({ host: '127.0.0.1', port, ignoreTLS: true });
    try {
      const info = await transport().sendMail({ from: 'ana@example.org', to: desk, subject: 'x', text: 'x' });
      expect(info.accepted).toEqual([desk]);
    } finally {
      await api.close();
    }
    const closed = await transport()
      .sendMail({ from: 'ana@example.org', to: desk, subject: 'x', text: 'x' })
      .catch((e: { code?: string }) => e);
    expect(closed).toMatchObject({ code: 'ESOCKET' });
  });

  it('refuses to start with mail settings that are wrong', async () => {
    await expect(
      startApi({
        db: omni.handle.db,
        ping: omni.handle.ping,
        registry: await loadRegistry({}),
        temporalAddress: inject('temporalAddress'),
        port: 0,
        env: { OMNIFLOW_MAIL_INBOUND_PORT: 'veinticinco' },
      }),
    ).rejects.toMatchObject({ code: 'MAIL_INTAKE_SETTINGS_INVALID' });
  });
});

describe('mail intake settings', () => {
  it('is off unless a port or a mailbox is given', () => {
    expect(mailIntakeFromEnv({})).toMatchObject({ domains: [] });
    expect(mailIntakeFromEnv({}).smtp).toBeUndefined();
    expect(mailIntakeFromEnv({}).imap).toBeUndefined();
  });

  it('reads an IMAP mailbox from one URL', () => {
    expect(
      mailIntakeFromEnv({ OMNIFLOW_IMAP_URL: 'imaps://ayuda%40x.test:s%C3%A9cret@imap.x.test/Soporte' }).imap,
    ).toMatchObject({
      host: 'imap.x.test',
      port: 993,
      secure: true,
      user: 'ayuda@x.test',
      password: 'sécret',
      mailbox: 'Soporte',
      address: 'ayuda@x.test',
    });
  });

  it('says what is wrong with bad settings', () => {
    expect(() => mailIntakeFromEnv({ OMNIFLOW_MAIL_INBOUND_PORT: 'veinticinco' })).toThrow(/whole number/);
    expect(() => mailIntakeFromEnv({ OMNIFLOW_IMAP_URL: 'https://x.test' })).toThrow(
      /imap:\/\/ or imaps:\/\//,
    );
    expect(() => mailIntakeFromEnv({ OMNIFLOW_IMAP_URL: 'imap://host' })).toThrow(/user and password/);
    expect(() => mailIntakeFromEnv({ OMNIFLOW_IMAP_URL: 'imap://bob:pw@host' })).toThrow(
      /OMNIFLOW_IMAP_ADDRESS/,
    );
    expect(() =>
      mailIntakeFromEnv({ OMNIFLOW_MAIL_INBOUND_PORT: '25', OMNIFLOW_MAIL_TLS_KEY: 'k.pem' }),
    ).toThrow(/both/);
  });
});
