import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { startInboundSmtpServer, type InboundSmtpServer } from './inbound-smtp-server.ts';
import { MailParseError, parseMail, type MailEnvelope } from './parse-mail.ts';

const received: { raw: Buffer; envelope: MailEnvelope }[] = [];
let server: InboundSmtpServer;
let failNext: Error | undefined;

beforeAll(async () => {
  server = await startInboundSmtpServer({
    port: 0,
    host: '127.0.0.1',
    maxBytes: 1024 * 1024,
    acceptsRecipient: async (address) => address.endsWith('@ayuda.test'),
    async onMail(raw, envelope) {
      const failure = failNext;
      failNext = undefined;
      if (failure) throw failure;
      received.push({ raw, envelope });
    },
  });
});
afterAll(() => server.close());

const transport = () =>
  nodemailer.createTransport({ host: '127.0.0.1', port: server.port, secure: false, ignoreTLS: true });

describe('the inbound SMTP server', () => {
  it('takes a mail nodemailer sends to one of our addresses, with its envelope', async () => {
    const info = await transport().sendMail({
      from: 'Ana <ana@example.org>',
      to: 'Hola@Ayuda.test',
      subject: 'Horario',
      text: '¿A qué hora abrís?',
      attachments: [{ filename: 'nota.txt', content: 'hola' }],
    });
    expect(info.accepted).toHaveLength(1);
    const mail = received.at(-1)!;
    expect(mail.envelope).toEqual({ from: 'ana@example.org', to: ['hola@ayuda.test'] });
    const parsed = await parseMail(mail.raw, mail.envelope);
    expect(parsed.messages[0]).toMatchObject({
      from: 'ana@example.org',
      to: 'hola@ayuda.test',
      text: '¿A qué hora abrís?',
    });
    expect(parsed.attachments[0]!.content.toString()).toBe('hola');
  });

  it('refuses an unknown recipient with 550 at RCPT', async () => {
    const error = await transport()
      .sendMail({ from: 'ana@example.org', to: 'nadie@otro.test', subject: 'x', text: 'x' })
      .catch((e: { responseCode?: number; response?: string }) => e);
    expect(error).toMatchObject({ responseCode: 550 });
    expect(String((error as { response?: string }).response)).toMatch(/5\.1\.1/);
  });

  it('delivers to the known recipients of a mail and refuses the others', async () => {
    const info = await transport().sendMail({
      from: 'ana@example.org',
      to: ['hola@ayuda.test', 'nadie@otro.test'],
      subject: 'x',
      text: 'x',
    });
    expect(info.accepted).toEqual(['hola@ayuda.test']);
    expect(info.rejected).toEqual(['nadie@otro.test']);
  });

  it('refuses recipients past 100 in one transaction with 452', async () => {
    const to = Array.from({ length: 120 }, (_, i) => `r${i}@ayuda.test`);
    const info = await transport().sendMail({ from: 'ana@example.org', to, subject: 'x', text: 'x' });
    expect(info.accepted).toHaveLength(100);
    expect(info.rejected).toHaveLength(20);
    expect(received.at(-1)!.envelope.to).toHaveLength(100);
  });

  it('refuses a mail over the size limit with 552 and keeps nothing of it', async () => {
    const before = received.length;
    const error = await transport()
      .sendMail({
        from: 'ana@example.org',
        to: 'hola@ayuda.test',
        subject: 'big',
        text: 'x'.repeat(2 * 1024 * 1024),
      })
      .catch((e: { responseCode?: number }) => e);
    expect(error).toMatchObject({ responseCode: 552 });
    expect(received.length).toBe(before);
  });

  it('refuses for good a mail that cannot be read (550) and asks to retry when taking it failed (451)', async () => {
    failNext = new MailParseError('The mail has no From address');
    const unreadable = await transport()
      .sendMail({ from: 'ana@example.org', to: 'hola@ayuda.test', subject: 'x', text: 'x' })
      .catch((e: { responseCode?: number }) => e);
    expect(unreadable).toMatchObject({ responseCode: 550 });
    failNext = new Error('database is down');
    const later = await transport()
      .sendMail({ from: 'ana@example.org', to: 'hola@ayuda.test', subject: 'x', text: 'x' })
      .catch((e: { responseCode?: number }) => e);
    expect(later).toMatchObject({ responseCode: 451 });
  });

  it('does not relay: AUTH is not offered', async () => {
    const error = await nodemailer
      .createTransport({
        host: '127.0.0.1',
        port: server.port,
        ignoreTLS: true,
        auth: { user: 'a', pass: 'b' },
      })
      .sendMail({ from: 'ana@example.org', to: 'x@elsewhere.test', text: 'x' })
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
  });
});
