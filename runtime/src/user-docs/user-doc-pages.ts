import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DocLanguage } from './node-page.ts';

const root = new URL('../../../docs/user/', import.meta.url);

/** One language's pages by their address under /docs/<lang>/: `index`, `runs`, `nodes/voice.menu`. */
export type DocPages = ReadonlyMap<string, string>;

function readPages(dir: URL, prefix = ''): [string, string][] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): [string, string][] => {
    if (entry.isDirectory()) return readPages(new URL(`${entry.name}/`, dir), `${prefix}${entry.name}/`);
    if (!entry.name.endsWith('.md')) return [];
    return [[`${prefix}${entry.name.slice(0, -3)}`, readFileSync(new URL(entry.name, dir), 'utf8')]];
  });
}

/**
 * Every page of docs/user, read once: a request names a page by a key of this map, never by a
 * path on disk, so no address can reach a file outside the documentation.
 */
export function loadUserDocs(dir: string = fileURLToPath(root)): Record<DocLanguage, DocPages> {
  const base = new URL(`file://${dir.endsWith('/') ? dir : `${dir}/`}`);
  const pagesOf = (lang: DocLanguage): DocPages => new Map(readPages(new URL(`${lang}/`, base)));
  return { es: pagesOf('es'), en: pagesOf('en') };
}
