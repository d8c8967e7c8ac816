import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

let omni: TestOmniflow;
beforeAll(async () => {
  omni = await startTestOmniflow({ worker: false });
});
afterAll(async () => omni?.close());

describe('the templates gallery API', () => {
  it('lists the five templates in Spanish by default and in English when asked, each with a picture', async () => {
    const es = await omni.call('GET', '/api/v1/flow-templates');
    expect(es.status).toBe(200);
    expect(es.body.items.map((t: { id: string }) => t.id)).toEqual([
      'ivr-help-desk',
      'appointment-bot',
      'faq-bot',
      'email-auto-reply',
      'sms-reminder',
    ]);
    expect(es.body.items[0]).toMatchObject({ title: 'Mesa de ayuda telefónica (IVR)', channel: 'voice' });
    for (const item of es.body.items) expect(item.preview).toMatch(/^data:image\/svg\+xml;base64,/);
    const en = await omni.call('GET', '/api/v1/flow-templates?language=en');
    expect(en.body.items[0].title).toBe('Phone help desk (IVR)');
  });

  it('refuses a language it does not have', async () => {
    const answer = await omni.call('GET', '/api/v1/flow-templates?language=fr');
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('es or en');
  });

  it('creates a new draft from a template each time, with the texts in the chosen language', async () => {
    const first = await omni.call('POST', '/api/v1/flow-templates/ivr-help-desk/flows', { language: 'es' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ name: 'Mesa de ayuda IVR', latestVersion: null });
    const menu = first.body.draft.nodes.find((n: { id: string }) => n.id === 'menu');
    expect(menu.config.prompt).toBe('Pulse 1 para ventas, 2 para soporte');

    const second = await omni.call('POST', '/api/v1/flow-templates/ivr-help-desk/flows', { language: 'en' });
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect(second.body.draft.nodes.find((n: { id: string }) => n.id === 'menu').config.prompt).toBe(
      'Press 1 for sales, 2 for support',
    );

    // The draft is the designer's own: editing it leaves the template as it was.
    const edited = { ...first.body.draft, name: 'Mi centralita' };
    expect((await omni.call('PUT', `/api/v1/flows/${first.body.id}`, edited)).status).toBe(200);
    const again = await omni.call('POST', '/api/v1/flow-templates/ivr-help-desk/flows', { language: 'es' });
    expect(again.body.name).toBe('Mesa de ayuda IVR');

    const validation = await omni.call('POST', `/api/v1/flows/${first.body.id}/validate`);
    expect(validation.body.errors).toEqual([]);
  });

  it('answers 404 for a template that does not exist and 400 for a missing language', async () => {
    const unknown = await omni.call('POST', '/api/v1/flow-templates/no-such-thing/flows', { language: 'es' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('no-such-thing');
    const noLanguage = await omni.call('POST', '/api/v1/flow-templates/faq-bot/flows', {});
    expect(noLanguage.status).toBe(400);
  });

  it('lets only designers and admins create flows from templates', async () => {
    const made = await omni.call('POST', '/api/v1/api-keys', { name: 'ops', role: 'viewer' });
    const refused = await omni.call(
      'POST',
      '/api/v1/flow-templates/faq-bot/flows',
      { language: 'es' },
      { authorization: `Bearer ${made.body.key}` },
    );
    expect(refused.status).toBe(403);
  });
});

describe('the user documentation pages', () => {
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await omni.app.request(path, { headers, redirect: 'manual' });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      headers: response.headers,
      text: await response.text(),
    };
  };

  it('serves each language’s guide as HTML, without signing in', async () => {
    const es = await get('/docs/es');
    expect(es.status).toBe(200);
    expect(es.type).toContain('text/html');
    expect(es.text).toContain('<html lang="es">');
    expect(es.text).toContain('Guía de uso de Omniflow');
    const en = await get('/docs/en/getting-started');
    expect(en.status).toBe(200);
    expect(en.text).toContain('<h1>Getting started</h1>');
  });

  it('serves a page per node type, the one each node’s help links to', async () => {
    const es = await get('/docs/es/nodes/voice.menu');
    expect(es.status).toBe(200);
    expect(es.text).toContain('<h1>Menú de teclas</h1>');
    expect(es.text).toContain('<table>');
    const en = await get('/docs/en/nodes/message.ask');
    expect(en.text).toContain('<h2>Example</h2>');
  });

  it('serves the search: a box on every page, its script from this server and each language’s index', async () => {
    const page = await get('/docs/es/runs');
    expect(page.text).toContain('<form id="doc-search" role="search">');
    expect(page.text).toContain('aria-label="Buscar en la guía"');
    expect(page.text).toContain('<script src="/docs/search.js" defer></script>');
    expect(page.text).not.toMatch(/<script[^>]+src="https?:/);
    const script = await get('/docs/search.js');
    expect(script.status).toBe(200);
    expect(script.type).toContain('text/javascript');
    expect(script.text).toContain("'/docs/' + lang + '/search-index.json'");
    const index = await get('/docs/es/search-index.json');
    expect(index.status).toBe(200);
    expect(index.type).toContain('application/json');
    const entries = JSON.parse(index.text) as { page: string; title: string; text: string }[];
    expect(entries.find((e) => e.page === 'nodes/voice.menu')).toMatchObject({ title: 'Menú de teclas' });
    expect(entries.find((e) => e.page === 'index')?.title).toBe('Guía de uso de Omniflow');
    const english = JSON.parse((await get('/docs/en/search-index.json')).text) as { title: string }[];
    expect(english.map((e) => e.title)).toContain('Key menu');
    expect((await get('/docs/fr/search-index.json')).status).toBe(404);
  });

  it('sends /docs to the reader’s language', async () => {
    const answer = await get('/docs', { 'accept-language': 'es-ES,es;q=0.9' });
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('/docs/es');
  });

  it('answers 404 for unknown pages, languages and paths that try to leave the folder', async () => {
    for (const path of [
      '/docs/es/nodes/no.such-node',
      '/docs/fr',
      '/docs/en/nope',
      '/docs/es/..%2f..%2fpackage',
    ])
      expect((await get(path)).status, path).toBe(404);
    const missing = await get('/docs/es/nodes/no.such-node');
    expect(missing.text).toContain('Página no encontrada');
  });
});
