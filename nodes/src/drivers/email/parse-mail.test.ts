import { describe, expect, it } from 'vitest';
import { MailParseError, parseMail } from './parse-mail.ts';

const mail = (headers: string, body = 'Hola, ¿a qué hora abrís?') =>
  `${headers}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`;

describe('parseMail', () => {
  it('reads sender, recipient, subject, text and thread headers', async () => {
    const { messages } = await parseMail(
      mail(
        [
          'From: Ana <Ana@Example.org>',
          'To: ayuda@omniflow.test',
          'Subject: Horario',
          'Message-ID: <abc@example.org>',
          'In-Reply-To: <our-1@omniflow.test>',
          'References: <our-0@omniflow.test> <our-1@omniflow.test>',
        ].join('\r\n'),
      ),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      channel: 'email',
      from: 'ana@example.org',
      to: 'ayuda@omniflow.test',
      providerMessageId: 'abc@example.org',
      text: 'Hola, ¿a qué hora abrís?',
      email: {
        subject: 'Horario',
        messageId: 'abc@example.org',
        inReplyTo: 'our-1@omniflow.test',
        references: ['our-0@omniflow.test', 'our-1@omniflow.test'],
      },
    });
  });

  it('keeps the RFC 3834 headers an auto-reply must look at', async () => {
    const { messages } = await parseMail(
      mail(
        'From: a@example.org\r\nTo: b@omniflow.test\r\nAuto-Submitted: auto-generated\r\nPrecedence: bulk\r\nList-Id: <news.example.org>',
      ),
    );
    expect(messages[0]!.email).toMatchObject({
      autoSubmitted: 'auto-generated',
      precedence: 'bulk',
      listId: '<news.example.org>',
    });
  });

  it('makes one message per envelope recipient', async () => {
    const { messages } = await parseMail(
      mail('From: a@example.org\r\nTo: x@omniflow.test\r\nMessage-ID: <m@x>'),
      {
        from: 'a@example.org',
        to: ['ventas@omniflow.test', 'ayuda@omniflow.test'],
      },
    );
    expect(messages.map((m) => [m.to, m.providerMessageId])).toEqual([
      ['ventas@omniflow.test', 'm@x'],
      ['ayuda@omniflow.test', 'm@x#ayuda@omniflow.test'],
    ]);
  });

  it('refuses a mail with no From', async () => {
    await expect(parseMail(mail('To: b@omniflow.test\r\nSubject: ?'))).rejects.toBeInstanceOf(MailParseError);
  });

  it('strips scripts and handlers from the HTML part', async () => {
    const raw = [
      'From: a@example.org',
      'To: b@omniflow.test',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p onclick="x()">Hola<script>alert(1)</script><a href="javascript:alert(1)">x</a></p>',
    ].join('\r\n');
    const { messages } = await parseMail(raw);
    expect(messages[0]!.email!.html).toBe('<p>Hola<a>x</a></p>');
  });
});
