import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DocLanguage } from './node-page.ts';
import { renderMarkdown } from './render-doc-page.ts';
import type { DocPages } from './user-doc-pages.ts';

/** One page as the guide's search reads it: its address under /docs/<lang>/, title and plain text. */
export interface SearchEntry {
  page: string;
  title: string;
  text: string;
}

/** Where a language's index is written by `npm run user-docs` and served from. */
export const searchIndexFile = 'search-index.json';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** The words a reader sees on the page: the rendered Markdown without its tags. */
function plainText(markdown: string): string {
  // Inline tags join their words to the next ones ("**sandbox**:"); block tags part them.
  return renderMarkdown(markdown.replace(/^# .+$/m, ''))
    .replace(/<\/?(strong|em|code|a)\b[^>]*>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => entities[name]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The search index of one language's pages, in page order so the written file only changes when
 * a page does. Small enough (every page's text, some tens of kilobytes) for the browser to search
 * whole, with no server or service behind it.
 */
export function searchIndex(pages: DocPages): SearchEntry[] {
  return [...pages.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([page, markdown]) => ({
      page,
      title: /^# (.+)$/m.exec(markdown)?.[1]?.trim() ?? page,
      text: plainText(markdown),
    }));
}

/** The index file's text: one entry a line, so a changed page shows as a changed line. */
export const searchIndexJson = (entries: readonly SearchEntry[]): string =>
  `[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]\n`;

const docsRoot = new URL('../../../docs/user/', import.meta.url);

/**
 * Each language's index as `npm run user-docs` wrote it; built from the pages when the file is
 * not there (a documentation folder of a test, or a checkout that never ran the script).
 */
export function loadSearchIndexes(
  pages: Record<DocLanguage, DocPages>,
  dir: string = fileURLToPath(docsRoot),
): Record<DocLanguage, string> {
  const read = (lang: DocLanguage) => {
    const file = `${dir.endsWith('/') ? dir : `${dir}/`}${lang}/${searchIndexFile}`;
    return existsSync(file) ? readFileSync(file, 'utf8') : searchIndexJson(searchIndex(pages[lang]));
  };
  return { es: read('es'), en: read('en') };
}
