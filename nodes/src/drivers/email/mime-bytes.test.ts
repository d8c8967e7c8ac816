import { Readable } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { mimeBytes } from './mime-bytes.ts';

// The same compiled node written both ways: the one-pass writer must give build()'s bytes.
async function both(options: SendMailOptions) {
  const node = new MailComposer({ ...options, newline: 'windows' }).compile();
  const fast = mimeBytes(node);
  const built = await node.build();
  return { fast, built };
}

const base = {
  from: { name: 'Ayuda Omniflow', address: 'ayuda@omniflow.test' },
  to: 'ana@example.test',
  messageId: '<of.1@omniflow.test>',
};

describe('mimeBytes', () => {
  const cases: [string, SendMailOptions][] = [
    [
      'plain ASCII text',
      { ...base, subject: 'Ana, su cita', text: 'Hola Ana, le recordamos su cita de manana a las 9.' },
    ],
    [
      'accents, a long line and trailing blanks',
      {
        ...base,
        subject: 'Señora Núñez: ¿confirma su cita? ✅',
        text: `Hola Ana, mañana a las 10:00 ${'largo '.repeat(40)}  \nSegunda línea \t\n\nFin.`,
      },
    ],
    [
      'text and HTML with unsubscribe headers',
      {
        ...base,
        subject: 'Oferta de diciembre',
        text: 'Hola Ana\nVea la oferta: https://omniflow.test/o?id=1&x=2',
        html: `<p>Hola <b>Ana</b>, vea la <a href="https://omniflow.test/o?id=1&amp;x=2">oferta</a> — válida ${'hasta el 31 '.repeat(20)}</p>`,
        headers: {
          'List-Unsubscribe': '<https://omniflow.test/u/abc>',
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      },
    ],
    [
      'non-Latin text that goes base64',
      { ...base, subject: '予約の確認', text: '明日10時のご予約を確認します。'.repeat(8) },
    ],
    [
      'an attachment held in memory, cc and reply-to',
      {
        ...base,
        cc: ['b@example.test'],
        replyTo: 'soporte@omniflow.test',
        subject: 'Factura',
        text: 'Adjunta su factura.',
        attachments: [
          { filename: 'factura.pdf', content: Buffer.from('%PDF-1.4 '.repeat(100)) },
          { filename: 'nota.txt', content: 'línea 1\nlínea 2' },
        ],
      },
    ],
    ['bare line feeds and a final CR', { ...base, subject: 'x', text: 'uno\ndos\r\ntres\r' }],
  ];
  it.each(cases)('writes what build() writes: %s', async (_name, options) => {
    const { fast, built } = await both(options);
    expect(fast).toBeDefined();
    expect(fast!.toString('latin1')).toBe(built.toString('latin1'));
  });

  it('leaves what it cannot write at once to build(): a stream, a file, a raw message', () => {
    const streamed = new MailComposer({ ...base, text: Readable.from(['hola']) }).compile();
    expect(mimeBytes(streamed)).toBeUndefined();
    const file = new MailComposer({ ...base, text: 'x', attachments: [{ path: '/etc/hostname' }] }).compile();
    expect(mimeBytes(file)).toBeUndefined();
    const raw = new MailComposer({ raw: 'Subject: x\r\n\r\nhola\r\n' }).compile();
    expect(mimeBytes(raw)).toBeUndefined();
  });
});
