import type { UnsubscribeTarget } from './take-email-link.ts';

export type PageLanguage = 'es' | 'en';

const words = {
  es: {
    title: 'Darse de baja',
    ask: (t: UnsubscribeTarget) =>
      `¿Quieres dejar de recibir correos de ${t.sender || 'este remitente'} en ${t.address}?`,
    button: 'Sí, darme de baja',
    done: (t: UnsubscribeTarget) =>
      `Listo: ya no recibirás más correos de ${t.sender || 'este remitente'} en ${t.address}.`,
    invalid: 'Este enlace no es válido o ha caducado. Usa el enlace del último correo que recibiste.',
  },
  en: {
    title: 'Unsubscribe',
    ask: (t: UnsubscribeTarget) =>
      `Do you want to stop receiving emails from ${t.sender || 'this sender'} at ${t.address}?`,
    button: 'Yes, unsubscribe me',
    done: (t: UnsubscribeTarget) =>
      `Done: you will get no more emails from ${t.sender || 'this sender'} at ${t.address}.`,
    invalid: 'This link is not valid or has expired. Use the link in the latest email you received.',
  },
} satisfies Record<PageLanguage, unknown>;

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** The page's language: the link's (`?lang=`, the mail's), else the browser's first es/en, else es. */
export function pageLanguage(lang: string | undefined, acceptLanguage: string | undefined): PageLanguage {
  if (lang === 'es' || lang === 'en') return lang;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if (code === 'es' || code === 'en') return code;
  }
  return 'es';
}

function page(language: PageLanguage, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${words[language].title}</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;background:#f4f5f7;color:#1f2933}
main{max-width:480px;margin:12vh auto;padding:32px;background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.4rem;margin:0 0 16px}
p{line-height:1.5}
button{font:inherit;padding:10px 18px;border:0;border-radius:8px;background:#3346c9;color:#fff;cursor:pointer}
</style>
</head>
<body><main><h1>${words[language].title}</h1>${body}</main></body>
</html>`;
}

/**
 * The page a person reaches from the footer link. RFC 8058 §4: a GET must not unsubscribe (mail
 * scanners follow links), so it asks, and its button POSTs the same one-click body a mail
 * program would.
 */
export function unsubscribeAskPage(language: PageLanguage, target: UnsubscribeTarget): string {
  if (target.unsubscribed) return unsubscribeDonePage(language, target);
  return page(
    language,
    `<p>${escapeHtml(words[language].ask(target))}</p>
<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${words[language].button}</button></form>`,
  );
}

export function unsubscribeDonePage(language: PageLanguage, target: UnsubscribeTarget): string {
  return page(language, `<p role="status">${escapeHtml(words[language].done(target))}</p>`);
}

export function invalidLinkPage(language: PageLanguage): string {
  return page(language, `<p>${escapeHtml(words[language].invalid)}</p>`);
}
