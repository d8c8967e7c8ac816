import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '@omniflow/nodes/sdk';
import { decorateEmail } from './decorate-email.ts';
import { verifyEmailLink } from './email-links.ts';

const secret = randomBytes(32);
const messageRowId = '0190b3c4-0000-7000-8000-000000000001';
const options = { messageRowId, publicUrl: 'https://omniflow.example.com/ignored/path', secret };

const mail = (
  html: string | undefined,
  marketing = false,
  text: string | undefined = 'Hola',
): OutboundMessage => ({
  to: 'ana@example.org',
  ...(text !== undefined ? { text } : {}),
  idempotencyKey: 'k1',
  email: { subject: 'Novedades', ...(html !== undefined ? { html } : {}), marketing },
});

const hrefs = (html: string) =>
  [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

describe('decorateEmail', () => {
  it('sends every http(s) link through a signed click link and leaves mailto and anchors alone', () => {
    const out = decorateEmail(
      mail(
        '<html><body><a href="https://example.org/a?x=1&amp;y=2">A</a> <a href="mailto:x@example.org">M</a> <a href="#top">T</a></body></html>',
      ),
      options,
    );
    const [click, mailto, anchor] = hrefs(out.email!.html!);
    const url = new URL(click!);
    expect(url.origin + url.pathname).toMatch(
      new RegExp(`^https://omniflow.example.com/api/v1/email-links/click/${messageRowId}/[\\w-]{22}$`),
    );
    // The entity is decoded: the reader lands on the link as the author meant it.
    expect(url.searchParams.get('url')).toBe('https://example.org/a?x=1&y=2');
    const signature = url.pathname.split('/').at(-1)!;
    expect(verifyEmailLink([secret], 'click', messageRowId, signature, 'https://example.org/a?x=1&y=2')).toBe(
      true,
    );
    expect(verifyEmailLink([secret], 'click', messageRowId, signature, 'https://evil.example/')).toBe(false);
    expect([mailto, anchor]).toEqual(['mailto:x@example.org', '#top']);
  });

  it('gives each mail of one HTML its own signed links, and leaves text that looks like a slot alone', () => {
    const html =
      '<html><body><p>of-slot-1-end- stays</p><a href="https://example.org/a">A</a><a href="https://example.org/b">B</a></body></html>';
    const other = '0190b3c4-0000-7000-8000-000000000002';
    const first = decorateEmail(mail(html), options).email!.html!;
    const second = decorateEmail(mail(html), { ...options, messageRowId: other }).email!.html!;
    for (const [out, row] of [
      [first, messageRowId],
      [second, other],
    ] as const) {
      expect(out).toContain('<p>of-slot-1-end- stays</p>');
      const links = hrefs(out).map((h) => new URL(h));
      expect(links.map((l) => l.searchParams.get('url'))).toEqual([
        'https://example.org/a',
        'https://example.org/b',
      ]);
      for (const link of links) {
        const signature = link.pathname.split('/').at(-1)!;
        expect(verifyEmailLink([secret], 'click', row, signature, link.searchParams.get('url')!)).toBe(true);
      }
    }
    expect(first).not.toBe(second);
  });

  it('adds a 1×1 open pixel at the end of the body, and keeps the rest of the HTML as written', () => {
    const html =
      '<!doctype html><html lang="es"><head><style>p > a { color: red }</style></head><body><!--[if mso]><table><![endif]--><p>Árbol ñ</p></body></html>';
    const out = decorateEmail(mail(html), options).email!.html!;
    expect(out).toContain('<style>p > a { color: red }</style>');
    expect(out).toContain('<!--[if mso]><table><![endif]-->');
    expect(out).toContain('<p>Árbol ñ</p>');
    expect(out).toMatch(
      /<img src="https:\/\/omniflow\.example\.com\/api\/v1\/email-links\/open\/[^"]+" width="1" height="1" alt(="")?[^>]*><\/body>/,
    );
  });

  it('gives marketing mail its one-click unsubscribe link and a visible footer in the mail language', () => {
    const out = decorateEmail(mail('<html lang="en"><body><p>News</p></body></html>', true), options);
    const unsubscribe = out.email!.unsubscribeUrl!;
    expect(unsubscribe).toMatch(
      new RegExp(
        `^https://omniflow.example.com/api/v1/email-links/unsubscribe/${messageRowId}/[\\w-]{22}\\?lang=en$`,
      ),
    );
    expect(out.email!.html).toContain(`You get this email because you are on our list.`);
    // The footer link is the unsubscribe page itself, not a tracked click.
    expect(hrefs(out.email!.html!)).toContain(unsubscribe);
    expect(out.email!.html).not.toContain('Darse de baja');
    expect(out.email!.html).toMatch(/Unsubscribe<\/a><\/div><img src="[^"]+\/email-links\/open\//);
    expect(out.text).toBe(
      `Hola\n\n--\nYou get this email because you are on our list. Unsubscribe: ${unsubscribe}\n`,
    );
  });

  it('writes the footer in both languages when the mail does not say its own', () => {
    const out = decorateEmail(mail('<p>Hola</p>', true), options);
    expect(out.email!.unsubscribeUrl).not.toContain('lang=');
    expect(out.email!.html).toContain('Darse de baja');
    expect(out.email!.html).toContain('Unsubscribe');
    expect(out.text).toContain('Darse de baja: ');
  });

  it('leaves non-marketing mail without an unsubscribe link, and text-only mail without a pixel', () => {
    const plain = decorateEmail(mail(undefined, false, 'Solo texto https://example.org'), options);
    expect(plain.email).toEqual({ subject: 'Novedades', marketing: false });
    expect(plain.text).toBe('Solo texto https://example.org');
    const other = { to: '+34600000000', text: 'sms', idempotencyKey: 'k' };
    expect(decorateEmail(other, options)).toBe(other);
  });
});
