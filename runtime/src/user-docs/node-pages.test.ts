import { existsSync, readFileSync } from 'node:fs';
import { builtinNodes } from '@omniflow/nodes';
import { describe, expect, it } from 'vitest';
import { nodeExamples } from './node-examples.ts';
import { docLanguages, nodePages } from './node-pages.ts';
import { renderMarkdown } from './render-doc-page.ts';
import { searchIndex, searchIndexJson } from './search-index.ts';
import { loadUserDocs } from './user-doc-pages.ts';

const docs = new URL('../../../docs/user/', import.meta.url);

describe('the user documentation', () => {
  it.each(docLanguages)('has a page for every built-in node in %s', (lang) => {
    const missing = builtinNodes
      .map((node) => node.type)
      .filter((type) => !existsSync(new URL(`${lang}/nodes/${type}.md`, docs)));
    expect(missing).toEqual([]);
  });

  it('has a human example for every built-in node and none for nodes that do not exist', () => {
    expect(Object.keys(nodeExamples).sort()).toEqual(builtinNodes.map((n) => n.type).sort());
  });

  it('keeps the committed node pages in step with the node definitions (run npm run user-docs)', () => {
    for (const [path, markdown] of nodePages())
      expect(readFileSync(new URL(path, docs), 'utf8')).toBe(markdown);
  });

  it.each(docLanguages)(
    'keeps the committed search index of %s in step with its pages (run npm run user-docs)',
    (lang) => {
      const fresh = searchIndexJson(searchIndex(loadUserDocs()[lang]));
      expect(readFileSync(new URL(`${lang}/search-index.json`, docs), 'utf8')).toBe(fresh);
    },
  );

  it('indexes a page by its title and the words a reader sees, without Markdown or HTML', () => {
    const pages = new Map([
      [
        'runs',
        '# Ejecuciones\n\nEl **sandbox**: [abre](/docs/es) `la lista` & <b>nada</b>.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n',
      ],
      ['index', 'Sin título'],
    ]);
    expect(searchIndex(pages)).toEqual([
      { page: 'index', title: 'index', text: 'Sin título' },
      { page: 'runs', title: 'Ejecuciones', text: 'El sandbox: abre la lista & nada. a b 1 2' },
    ]);
  });

  it.each(docLanguages)('has the hand-written pages in %s', (lang) => {
    for (const page of ['index', 'getting-started', 'channels', 'runs'])
      expect(existsSync(new URL(`${lang}/${page}.md`, docs)), `${lang}/${page}.md`).toBe(true);
  });

  it('names a node’s settings by their labels and its durations in words', () => {
    const page = readFileSync(new URL('es/nodes/voice.menu.md', docs), 'utf8');
    expect(page).toContain('# Menú de teclas');
    expect(page).toContain('| Esperar una tecla |  | 5 segundos |');
    expect(page).not.toContain('PT5S');
  });
});

describe('renderMarkdown', () => {
  it('renders tables and links, and drops scripts, event handlers and javascript: links', () => {
    const html = renderMarkdown(
      '| a | b |\n| --- | --- |\n| 1 | 2 |\n\n[ok](/docs/es) [bad](javascript:alert(1))\n\n<script>alert(1)</script><img src="x.png" onerror="alert(1)">',
    );
    expect(html).toContain('<table>');
    expect(html).toContain('<a href="/docs/es">ok</a>');
    expect(html).not.toMatch(/script|onerror|javascript:/);
  });
});
