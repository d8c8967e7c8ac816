import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeError } from '../../sdk/node-error.ts';
import type { OutboundMessage } from '../messaging/messaging-driver.ts';
import { messageIdFor } from './build-mail.ts';
import { dkimDnsRecord, dkimKeyFromPem, generateDkimKey } from './dkim-key.ts';
import { parseMail } from './parse-mail.ts';
import { SmtpDriver, type SmtpDriverOptions } from './smtp-driver.ts';
import { SmtpSink } from './testing/smtp-sink.ts';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const caught = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof NodeError) return error;
    throw error;
  }
  throw new Error('expected the send to fail');
};

describe('SmtpDriver against a loopback SMTP server', () => {
  let sink: SmtpSink;
  let driver: SmtpDriver;
  const drivers: SmtpDriver[] = [];
  let keys = 0;
  const account = (extra: Partial<SmtpDriverOptions> = {}) => {
    const made = new SmtpDriver({
      host: '127.0.0.1',
      port: sink.port,
      security: 'none',
      fromAddress: 'ayuda@omniflow.test',
      fromName: 'Ayuda Omniflow',
      maxConnections: 2,
      ...extra,
    });
    drivers.push(made);
    return made;
  };
  const message = (to: string, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
    to,
    text: 'Hola, tu cita es mañana a las 10:00',
    email: { subject: 'Tu cita' },
    idempotencyKey: `key-${++keys}`,
    ...extra,
  });

  beforeAll(async () => {
    sink = await SmtpSink.start();
    driver = account();
  });
  afterAll(async () => {
    await Promise.all(drivers.map((d) => d.close()));
    await sink?.close();
  });

  it('delivers a mail with its headers, parts and threading, under a Message-ID stable per key', async () => {
    const sent = await driver.send(
      message('Ana@Example.org', {
        email: {
          subject: 'Re: Horario',
          html: '<p>Hola, <b>abrimos a las 9</b></p>',
          cc: ['jefa@example.org'],
          replyTo: 'citas@omniflow.test',
          inReplyTo: '<theirs-1@example.org>',
          references: ['theirs-0@example.org', '<theirs-1@example.org>'],
          autoSubmitted: 'auto-replied',
        },
        idempotencyKey: 'run-1:reply:1',
      }),
    );
    expect(sent).toEqual({ providerMessageId: messageIdFor('run-1:reply:1', 'omniflow.test'), segments: 1 });
    expect(sent.providerMessageId).toMatch(/^of\.[0-9a-f]{32}@omniflow\.test$/);
    const [mail] = sink.mailsTo('Ana@Example.org');
    expect(mail!.recipients.map((r) => r.toLowerCase()).sort()).toEqual([
      'ana@example.org',
      'jefa@example.org',
    ]);
    const { parsed } = await parseMail(mail!.raw);
    expect(parsed.from?.value).toEqual([{ address: 'ayuda@omniflow.test', name: 'Ayuda Omniflow' }]);
    expect(parsed.subject).toBe('Re: Horario');
    expect(parsed.messageId).toBe(`<${sent.providerMessageId}>`);
    expect(parsed.inReplyTo).toBe('<theirs-1@example.org>');
    expect(parsed.references).toEqual(['<theirs-0@example.org>', '<theirs-1@example.org>']);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(parsed.text?.trim()).toBe('Hola, tu cita es mañana a las 10:00');
    expect(parsed.html).toContain('<b>abrimos a las 9</b>');
    expect(parsed.replyTo?.value[0]?.address).toBe('citas@omniflow.test');
    expect(parsed.headers.has('list-unsubscribe')).toBe(false);
  });

  it('sends a key once: the same key again returns the first result without a second mail', async () => {
    const first = message('uno@example.org');
    const a = await driver.send(first);
    const b = await driver.send({ ...first });
    expect(b).toEqual(a);
    expect(sink.mailsTo('uno@example.org')).toHaveLength(1);
  });

  it('puts RFC 8058 one-click unsubscribe on marketing mail and refuses marketing mail without it', async () => {
    await driver.send(
      message('boletin@example.org', {
        email: { subject: 'Novedades', marketing: true, unsubscribeUrl: 'https://of.test/u/abc' },
      }),
    );
    const { parsed } = await parseMail(sink.mailsTo('boletin@example.org')[0]!.raw);
    const line = (key: string) => parsed.headerLines.find((h) => h.key === key)?.line;
    expect(line('list-unsubscribe')).toBe('List-Unsubscribe: <https://of.test/u/abc>');
    expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

    const refused = await caught(
      driver.send(message('sin-baja@example.org', { email: { subject: 'Oferta', marketing: true } })),
    );
    expect(refused).toMatchObject({ code: 'EMAIL_UNSUBSCRIBE_MISSING', retryable: false });
    expect(sink.mailsTo('sin-baja@example.org')).toHaveLength(0);
  });

  it('signs with the domain’s DKIM key so that mailauth verifies it, h= covering both unsubscribe headers', async () => {
    const key = generateDkimKey();
    const record = dkimDnsRecord('omniflow.test', 'of2026', key.publicKey);
    await driver.send(
      message('firmado@example.org', {
        email: { subject: 'Firmado', marketing: true, unsubscribeUrl: 'https://of.test/u/firmado' },
      }),
      {
        dkimKey: async (domain) =>
          domain === 'omniflow.test'
            ? { domainName: domain, keySelector: 'of2026', privateKey: key.privateKeyPem }
            : undefined,
      },
    );
    const raw = sink.mailsTo('firmado@example.org')[0]!.raw;
    const asked: string[] = [];
    const result = await dkimVerify(raw, {
      resolver: async (name, type) => {
        asked.push(`${type} ${name}`);
        if (type === 'TXT' && name === record.name) return [[record.value]];
        throw Object.assign(new Error(`no ${type} ${name}`), { code: 'ENOTFOUND' });
      },
    });
    expect(asked).toContain('TXT of2026._domainkey.omniflow.test');
    expect(result.results).toHaveLength(1);
    const [signature] = result.results;
    expect(signature!.status.result).toBe('pass');
    expect(signature!.signingDomain).toBe('omniflow.test');
    const signed = (/\bh=([^;]+)/.exec(raw.replace(/\r?\n\s+/g, ''))?.[1] ?? '').toLowerCase().split(':');
    expect(signed).toEqual(
      expect.arrayContaining(['from', 'subject', 'list-unsubscribe', 'list-unsubscribe-post']),
    );

    // Tampering with a signed header breaks it: the verifier really checks what h= names.
    const tampered = raw.replace(
      'List-Unsubscribe: <https://of.test/u/firmado>',
      'List-Unsubscribe: <https://evil.test/>',
    );
    const broken = await dkimVerify(tampered, { resolver: async () => [[record.value]] });
    expect(broken.results[0]!.status.result).not.toBe('pass');
  });

  it('keeps a deferred mail retryable (4xx) and sends it once the server takes it', async () => {
    sink.refusals.set('lleno@example.org', [{ code: 452, text: '4.2.2 Mailbox full, try later', times: 1 }]);
    const deferred = message('lleno@example.org');
    const error = await caught(driver.send(deferred));
    expect(error).toMatchObject({
      code: 'EMAIL_DEFERRED',
      retryable: true,
      details: { smtpCode: 452, enhancedStatus: '4.2.2', command: 'RCPT TO' },
    });
    expect(error.message).toContain('4.2.2 Mailbox full, try later');
    expect(sink.mailsTo('lleno@example.org')).toHaveLength(0);

    await driver.send(deferred);
    expect(sink.mailsTo('lleno@example.org')).toHaveLength(1);
  });

  it('fails a refused mail for good with the server’s code and text (5xx), and a 5.1.1 as a hard bounce', async () => {
    sink.refusals.set('spam@example.org', [{ code: 554, text: '5.7.1 Message rejected as spam', times: 1 }]);
    const rejected = await caught(driver.send(message('spam@example.org')));
    expect(rejected).toMatchObject({
      code: 'EMAIL_REJECTED',
      retryable: false,
      details: { smtpCode: 554, enhancedStatus: '5.7.1' },
    });
    expect(rejected.message).toContain('554 5.7.1 Message rejected as spam');

    sink.refusals.set('nadie@example.org', [{ code: 550, text: '5.1.1 No such user here', times: 1 }]);
    const bounced = await caught(driver.send(message('nadie@example.org')));
    expect(bounced).toMatchObject({
      code: 'EMAIL_BOUNCED',
      retryable: false,
      details: { smtpCode: 550, enhancedStatus: '5.1.1', bounce: 'hard' },
    });
    expect(sink.mailsTo('nadie@example.org')).toHaveLength(0);
  });

  it('retries a refused connection and fails bad logins for good', async () => {
    const down = account({ port: await closedPort(), connectionTimeoutMs: 2_000 });
    expect(await caught(down.send(message('x@example.org')))).toMatchObject({
      code: 'EMAIL_SERVER_UNAVAILABLE',
      retryable: true,
    });

    const badLogin = account({
      security: 'starttls',
      allowUnverifiedTls: true,
      user: 'mailer',
      password: 'nope',
    });
    expect(await caught(badLogin.send(message('y@example.org')))).toMatchObject({
      code: 'CHANNEL_AUTH_FAILED',
      retryable: false,
      details: { smtpCode: 535 },
    });

    const good = account({
      security: 'starttls',
      allowUnverifiedTls: true,
      user: 'mailer',
      password: 'secret',
    });
    await good.send(message('z@example.org'));
    expect(sink.mailsTo('z@example.org')[0]).toMatchObject({ secure: true, user: 'mailer' });
  });

  it('refuses a message with nothing to say, and renders buttons as numbered options', async () => {
    expect(await caught(driver.send({ to: 'a@example.org', idempotencyKey: 'empty' }))).toMatchObject({
      code: 'EMAIL_EMPTY',
      retryable: false,
    });
    await driver.send({
      to: 'opciones@example.org',
      text: '¿Confirmas la cita?',
      buttons: [
        { id: 'si', title: 'Sí' },
        { id: 'no', title: 'No' },
      ],
      idempotencyKey: 'buttons',
    });
    const { parsed } = await parseMail(sink.mailsTo('opciones@example.org')[0]!.raw);
    expect(parsed.subject).toBe('¿Confirmas la cita?');
    expect(parsed.text?.trim()).toBe('¿Confirmas la cita?\n1. Sí\n2. No');
  });
});

describe('attachments named by URL', () => {
  it('refuses a URL on this server or its network instead of mailing what it holds', async () => {
    const made = new SmtpDriver({
      host: '127.0.0.1',
      port: 9,
      security: 'none',
      fromAddress: 'ayuda@omniflow.test',
    });
    try {
      const error = await caught(
        made.send({
          to: 'a@example.org',
          text: 'Tu factura',
          email: {
            subject: 'Factura',
            attachments: [{ filename: 'secreto.txt', url: 'http://127.0.0.1:9/admin' }],
          },
          idempotencyKey: 'private-url',
        }),
      );
      expect(error).toMatchObject({ code: 'HTTP_TARGET_BLOCKED', retryable: false });
    } finally {
      await made.close();
    }
  });
});

describe('DKIM keys', () => {
  it('takes a pasted PKCS#1 key and publishes the same public key', () => {
    const generated = generateDkimKey();
    expect(generated.bits).toBe(2048);
    const pkcs1 = createPrivateKey(generated.privateKeyPem)
      .export({ type: 'pkcs1', format: 'pem' })
      .toString();
    expect(dkimKeyFromPem(pkcs1).publicKey).toBe(generated.publicKey);
    const record = dkimDnsRecord('omniflow.test', 's1', generated.publicKey);
    expect(record.name).toBe('s1._domainkey.omniflow.test');
    expect(record.value).toBe(`v=DKIM1; k=rsa; p=${generated.publicKey}`);
    // RFC 1035: no string over 255 characters in the zone line.
    for (const piece of record.zoneLine.match(/"[^"]*"/g) ?? [])
      expect(piece.length - 2).toBeLessThanOrEqual(255);
  });

  it('refuses what is not an RSA private key of a usable size', () => {
    expect(() => dkimKeyFromPem('hola')).toThrow(expect.objectContaining({ code: 'DKIM_KEY_INVALID' }));
    const small = generateKeyPairSync('rsa', { modulusLength: 512 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    expect(() => dkimKeyFromPem(small.toString())).toThrow(/512 bits/);
    const ed = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(() => dkimKeyFromPem(ed.toString())).toThrow(/RSA/);
  });
});
