import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import type { DocLanguage } from './node-page.ts';

const marked = new Marked({ gfm: true, async: false });

// The pages are ours, but a contributor's HTML in Markdown should not become a script on the app's
// origin: only the tags documentation needs, and links that stay http(s) or on this site.
const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    ...['h1', 'h2', 'h3', 'h4', 'p', 'a', 'ul', 'ol', 'li', 'strong', 'em', 'code', 'pre', 'blockquote'],
    ...['table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'br', 'img'],
  ],
  allowedAttributes: { a: ['href'], img: ['src', 'alt'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
};

/** Markdown to safe HTML. */
export const renderMarkdown = (markdown: string): string =>
  sanitizeHtml(marked.parse(markdown) as string, allowed);

const chrome = {
  en: {
    guide: 'User guide',
    other: 'Español',
    otherLang: 'es',
    app: 'Back to the app',
    notFound: 'Page not found',
    search: 'Search the guide',
    found: '{count} page(s) with “{query}”',
    none: 'Nothing found for “{query}”.',
    failed: 'The search could not load; try again.',
  },
  es: {
    guide: 'Guía de uso',
    other: 'English',
    otherLang: 'en',
    app: 'Volver a la aplicación',
    notFound: 'Página no encontrada',
    search: 'Buscar en la guía',
    found: '{count} página(s) con «{query}»',
    none: 'No se encontró nada para «{query}».',
    failed: 'No se pudo cargar la búsqueda; inténtalo de nuevo.',
  },
} as const;

const escapeHtml = (text: string) =>
  text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/** A whole documentation page: the rendered Markdown in a plain, readable frame. */
export function docPageHtml(lang: DocLanguage, page: string, bodyHtml: string, title: string): string {
  const words = chrome[lang];
  const other = page === 'index' ? `/docs/${words.otherLang}` : `/docs/${words.otherLang}/${page}`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Omniflow</title>
<style>
body{font-family:system-ui,sans-serif;line-height:1.55;color:#0f172a;margin:0;background:#f8fafc}
header{background:#fff;border-bottom:1px solid #e2e8f0;padding:.6rem 1.2rem;display:flex;gap:1.2rem;align-items:center}
header a{color:#4338ca;text-decoration:none}header .brand{font-weight:600;margin-right:auto}
main{max-width:48rem;margin:0 auto;padding:1rem 1.2rem 3rem;background:#fff}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #e2e8f0;padding:.3rem .5rem;text-align:left;vertical-align:top}
code{background:#f1f5f9;padding:0 .2rem;border-radius:3px}a{color:#4338ca}
#doc-search input{font:inherit;padding:.2rem .5rem;border:1px solid #cbd5e1;border-radius:4px;width:14rem}
#doc-search-results{border-bottom:1px solid #e2e8f0;margin-bottom:1rem}#doc-search-results p{margin:.2rem 0 .6rem;color:#475569}
</style>
<script src="/docs/search.js" defer></script>
</head>
<body>
<header><a class="brand" href="/docs/${lang}">${words.guide}</a><form id="doc-search" role="search"><input type="search" name="q" aria-label="${words.search}" placeholder="${words.search}" autocomplete="off"></form><a href="${other}" hreflang="${words.otherLang}">${words.other}</a><a href="/">${words.app}</a></header>
<main>
<section id="doc-search-results" aria-label="${words.search}" aria-live="polite" hidden data-found="${escapeHtml(words.found)}" data-none="${escapeHtml(words.none)}" data-failed="${escapeHtml(words.failed)}"></section>
${bodyHtml}
</main>
</body>
</html>
`;
}

export const notFoundTitle = (lang: DocLanguage) => chrome[lang].notFound;
