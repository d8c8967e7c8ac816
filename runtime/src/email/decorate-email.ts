import { randomBytes } from 'node:crypto';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { OutboundMessage } from '@omniflow/nodes/sdk';
import { clickUrl, openPixelUrl, unsubscribeUrl } from './email-links.ts';

export interface EmailDecorationOptions {
  /** The `messages` row of this send: every link names it. */
  messageRowId: string;
  /** Where people reach this install (OMNIFLOW_PUBLIC_URL). */
  publicUrl: string;
  /** The link key (emailLinkKeys(keyring)[0]). */
  secret: Buffer;
}

type Language = 'es' | 'en';

const footerWords: Record<Language, { why: string; link: string }> = {
  es: { why: 'Recibes este correo porque estás en nuestra lista.', link: 'Darse de baja' },
  en: { why: 'You get this email because you are on our list.', link: 'Unsubscribe' },
};

/** The mail's language, from `<html lang>` (MJML's `<mjml lang>`); undefined when it says none. */
function languageOf(html: string | undefined): Language | undefined {
  const lang = /<html\b[^>]*\slang\s*=\s*["']?([a-z]{2})/i.exec(html ?? '')?.[1]?.toLowerCase();
  return lang === 'es' || lang === 'en' ? lang : undefined;
}

/** In the mail's language; in both when it does not say, so every reader finds the link. */
const languagesFor = (language: Language | undefined): Language[] => (language ? [language] : ['es', 'en']);

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function footerHtml(url: string, language: Language | undefined): string {
  const lines = languagesFor(language)
    .map(
      (l) =>
        `${escapeHtml(footerWords[l].why)} <a href="${escapeHtml(url)}" style="color:#555555">${footerWords[l].link}</a>`,
    )
    .join('<br>');
  return `<div style="margin:24px auto 8px;max-width:600px;font-family:Arial,sans-serif;font-size:12px;line-height:18px;color:#777777;text-align:center">${lines}</div>`;
}

function footerText(url: string, language: Language | undefined): string {
  return `\n\n--\n${languagesFor(language)
    .map((l) => `${footerWords[l].why} ${footerWords[l].link}: ${url}`)
    .join('\n')}\n`;
}

/** A mail's HTML cut where its links and the additions go, and the links' targets. */
interface HtmlShape {
  /** One more than the slots: links first, then where the footer and pixel go. */
  parts: string[];
  links: string[];
}

// A campaign sends one HTML to thousands: it is parsed once, and each mail only fills in its links.
const shapes = new Map<string, HtmlShape>();

function shapeOf(html: string): HtmlShape {
  let shape = shapes.get(html);
  if (shape) return shape;
  // Slot marks the mail cannot already hold, so cutting at them cuts only there.
  let nonce = randomBytes(6).toString('hex');
  while (html.includes(nonce)) nonce = randomBytes(6).toString('hex');
  const slot = (name: number | 'end') => `of-slot-${nonce}-${name}-`;
  const document = parseDocument(html);
  const links: string[] = [];
  for (const link of DomUtils.findAll((element) => element.name === 'a', document.children)) {
    const href = (link.attribs.href ?? '').trim();
    if (/^https?:\/\//i.test(href)) {
      link.attribs.href = slot(links.length);
      links.push(href);
    }
  }
  const body = DomUtils.findOne((element) => element.name === 'body', document.children);
  DomUtils.appendChild(body ?? document, parseDocument(slot('end')).children[0]!);
  const parts = DomUtils.getOuterHTML(document.children, { encodeEntities: 'utf8' }).split(
    new RegExp(`of-slot-${nonce}-(?:\\d+|end)-`),
  );
  shape = { parts, links };
  if (shapes.size >= 100) shapes.clear();
  shapes.set(html, shape);
  return shape;
}

/**
 * Rewrites an outgoing mail for tracking before the driver builds it: each http(s) link of the HTML
 * part goes through a signed click link, a 1×1 image records opens, and marketing mail gets its
 * RFC 8058 one-click `unsubscribeUrl` (the driver writes List-Unsubscribe and
 * List-Unsubscribe-Post from it) and a visible footer link in the mail's language. Links in the
 * plain-text part are left as written: a reader copies them, and a tracking link is only longer.
 */
export function decorateEmail<M extends Pick<OutboundMessage, 'text' | 'email'>>(
  message: M,
  options: EmailDecorationOptions,
): M {
  const email = message.email;
  if (!email) return message;
  const { messageRowId, publicUrl, secret } = options;
  const language = languageOf(email.html);
  const unsubscribe = email.marketing ? unsubscribeUrl(publicUrl, secret, messageRowId, language) : undefined;
  let html = email.html;
  if (html !== undefined) {
    const shape = shapeOf(html);
    const additions = `${unsubscribe ? footerHtml(unsubscribe, language) : ''}<img src="${escapeHtml(
      openPixelUrl(publicUrl, secret, messageRowId),
    )}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0">`;
    html = shape.parts
      .map((part, i) =>
        i === 0
          ? part
          : `${i <= shape.links.length ? escapeHtml(clickUrl(publicUrl, secret, messageRowId, shape.links[i - 1]!)) : additions}${part}`,
      )
      .join('');
  }
  const text =
    unsubscribe && message.text !== undefined
      ? message.text + footerText(unsubscribe, language)
      : message.text;
  return {
    ...message,
    ...(text !== undefined ? { text } : {}),
    email: {
      ...email,
      ...(html !== undefined ? { html } : {}),
      ...(unsubscribe ? { unsubscribeUrl: unsubscribe } : {}),
    },
  };
}
