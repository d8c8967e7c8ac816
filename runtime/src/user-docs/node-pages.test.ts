import { existsSync, readFileSync } from 'node:fs';
import { builtinNodes } from '@omniflow/nodes';
import { describe, expect, it } from 'vitest';
import { buildCatalog, defineNode } from '@omniflow/nodes/sdk';
import { z } from 'zod';
import { nodeExamples } from './node-examples.ts';
import { nodePage } from './node-page.ts';
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

describe('a node page in the reader’s language', () => {
  const page = (lang: string, type: string) =>
    readFileSync(new URL(`${lang}/nodes/${type}.md`, docs), 'utf8');

  it('names the ways out as the canvas does, not by their ids', () => {
    const send = page('es', 'message.send');
    expect(send).toContain('- **enviado**: ');
    expect(send).toContain('- **fallo**: ');
    expect(send).not.toMatch(/\*\*(sent|failed)\*\*/);
    // The example's ways out too.
    expect(page('es', 'message.ask')).toContain('luego sale por **no válida**');
    expect(page('en', 'message.ask')).toContain('then leaves by **invalid**');
  });

  it('shows the defaults a flow in that language uses, and choices by their labels', () => {
    const ask = page('es', 'message.ask');
    expect(ask).toContain('| Texto de error |  | `Perdone, no le he entendido. {{ nodes.self.question }}` |');
    expect(ask).not.toContain('Sorry');
    expect(ask).toContain('| Canal |  | WhatsApp |');
    expect(ask).toContain('| Respuesta esperada |  | Cualquier texto |');
    expect(page('es', 'message.send')).toContain('| Tipo de archivo |  | Imagen |');
    expect(page('en', 'message.ask')).toContain('| Error text |  | `Sorry, I did not understand that.');
    expect(page('es', 'voice.record')).toContain('| Pitido antes de grabar |  | sí |');
    expect(page('es', 'logic.business-hours')).toContain('| Lunes (Abre, Cierra) |  | 09:00–18:00 |');
  });

  it('says on the inbound trigger’s page that a keyword must be the first word', () => {
    expect(page('es', 'message.inbound')).toContain('«Quiero una cita» no');
    expect(page('en', 'message.inbound')).toContain('“I want an appointment” does not');
  });

  it('shows a port with no catalog name, and a value with no label, as they are', () => {
    const custom = defineNode({
      type: 'acme.ping',
      version: 1,
      title: { en: 'Ping', es: 'Ping' },
      description: { en: 'Pings.', es: 'Hace ping.' },
      category: 'http',
      icon: 'zap',
      ports: ['pong', 'failed'],
      config: z.object({ mode: z.enum(['fast', 'slow']).default('fast') }),
      compile: () => ({}),
    });
    const [entry] = buildCatalog([custom]);
    const text = nodePage(entry!, 'es', { en: '', es: 'Sale por {port:pong} o {port:failed}.' });
    expect(text).toContain('- **pong**\n- **fallo**: ');
    expect(text).toContain('Sale por **pong** o **fallo**.');
    expect(text).toContain('| mode |  | `fast` |');
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
