import { Hono } from 'hono';
import { readerLanguage } from '../reader-language.ts';
import { loadUserDocs, type DocPages } from '../../user-docs/user-doc-pages.ts';
import type { DocLanguage } from '../../user-docs/node-page.ts';
import { docPageHtml, notFoundTitle, renderMarkdown } from '../../user-docs/render-doc-page.ts';
import { docSearchScript } from '../../user-docs/doc-search-script.ts';
import { loadSearchIndexes, searchIndexFile } from '../../user-docs/search-index.ts';

const isLanguage = (lang: string): lang is DocLanguage => lang === 'es' || lang === 'en';

const notFoundText = {
  en: 'There is no page at this address. [Start from the user guide](/docs/en).',
  es: 'No hay ninguna página en esta dirección. [Empieza por la guía de uso](/docs/es).',
};

const titleOf = (markdown: string) => /^# (.+)$/m.exec(markdown)?.[1] ?? 'Omniflow';

/**
 * The user guide of docs/user, as HTML pages anyone can read (no sign-in: it is the same text as
 * the repository's): /docs/<es|en>, /docs/<lang>/<page>, /docs/<lang>/nodes/<node type>.
 */
export function userDocsRoutes(
  pages: Record<DocLanguage, DocPages> = loadUserDocs(),
  searchIndexes: Record<DocLanguage, string> = loadSearchIndexes(pages),
) {
  const rendered = new Map<string, string>();
  const show = (lang: DocLanguage, page: string) => {
    const key = `${lang}/${page}`;
    const markdown = pages[lang].get(page);
    if (markdown === undefined) return undefined;
    let html = rendered.get(key);
    if (html === undefined) {
      html = docPageHtml(lang, page, renderMarkdown(markdown), titleOf(markdown));
      rendered.set(key, html);
    }
    return html;
  };
  const missing = (lang: DocLanguage) =>
    docPageHtml(
      lang,
      'index',
      renderMarkdown(`# ${notFoundTitle(lang)}\n\n${notFoundText[lang]}`),
      notFoundTitle(lang),
    );

  return new Hono()
    .get('/docs', (c) => c.redirect(`/docs/${readerLanguage(c.req.header('accept-language'))}`, 302))
    .get('/docs/search.js', (c) =>
      c.body(docSearchScript, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
    )
    .get('/docs/*', (c) => {
      const [lang = '', ...rest] = c.req.path.slice('/docs/'.length).split('/');
      const reader = isLanguage(lang) ? lang : readerLanguage(c.req.header('accept-language'));
      if (!isLanguage(lang)) return c.html(missing(reader), 404);
      const page = rest.filter((part) => part !== '').join('/') || 'index';
      if (page === searchIndexFile)
        return c.body(searchIndexes[lang], 200, { 'content-type': 'application/json' });
      const html = show(lang, page);
      return html === undefined ? c.html(missing(lang), 404) : c.html(html, 200);
    });
}
