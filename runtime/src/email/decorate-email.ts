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
    const document = parseDocument(html);
    for (const link of DomUtils.findAll((element) => element.name === 'a', document.children)) {
      const href = (link.attribs.href ?? '').trim();
      if (/^https?:\/\//i.test(href)) link.attribs.href = clickUrl(publicUrl, secret, messageRowId, href);
    }
    const body = DomUtils.findOne((element) => element.name === 'body', document.children);
    const additions = parseDocument(
      `${unsubscribe ? footerHtml(unsubscribe, language) : ''}<img src="${escapeHtml(
        openPixelUrl(publicUrl, secret, messageRowId),
      )}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0">`,
    ).children;
    // A copy: appending a node takes it out of the fragment's own list.
    for (const node of [...additions]) {
      DomUtils.appendChild(body ?? document, node);
    }
    html = DomUtils.getOuterHTML(document.children, { encodeEntities: 'utf8' });
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
