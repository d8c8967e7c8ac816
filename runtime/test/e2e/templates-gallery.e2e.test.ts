import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, signIn, type BuilderSession } from '../support/builder-page.ts';
import type { ServedOmniflow } from '../support/serve-omniflow.ts';
import { screenshot } from '../support/screenshot.ts';

// A first-time designer in Spanish: the gallery instead of an empty list, the IVR help desk opened
// as a draft of their own with Spanish prompts, the guided tour once, and the user guide.

describe.skipIf(!hasChromium)('builder in Chromium: templates gallery, guided tour and user guide', () => {
  let session: BuilderSession;
  let omni: ServedOmniflow;
  let page: Page;
  beforeAll(async () => {
    session = await openBuilder({ viewport: { width: 1400, height: 950 } }, {}, { tour: true });
    ({ omni, page } = session);
  }, 180_000);
  afterAll(async () => session?.close());

  const tour = () => page.getByRole('dialog', { name: 'Visita guiada' });

  it('opens the IVR help desk from the gallery as an editable Spanish draft, with the tour shown once', async () => {
    await page.goto(omni.url);
    await signIn(session);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');

    // First start: no flows, so the gallery is what the list shows.
    const gallery = page.getByTestId('templates-gallery');
    await gallery.getByRole('heading', { name: 'Empieza con una plantilla' }).waitFor();
    for (const title of [
      'Mesa de ayuda telefónica (IVR)',
      'Bot de citas (WhatsApp)',
      'Bot de preguntas frecuentes',
      'Respuesta automática por correo',
      'Recordatorio por SMS (recorrido)',
    ])
      await gallery.getByRole('heading', { name: title }).waitFor();
    await expect
      .poll(() =>
        gallery
          .getByRole('img')
          .evaluateAll((imgs) =>
            imgs.every((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0),
          ),
      )
      .toBe(true);
    await screenshot(page, 'templates-gallery');

    await gallery.getByRole('button', { name: 'Usar la plantilla «Mesa de ayuda telefónica (IVR)»' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/flows\/[0-9a-f-]{36}$/);
    const flowId = page.url().split('/').pop()!;
    await page.locator('.react-flow__node[data-id="menu"]').waitFor();

    // The tour opens on this first visit to the editor and outlines each part.
    await tour().waitFor();
    expect(await tour().textContent()).toContain('La paleta');
    await page.getByTestId('tour-highlight').waitFor();
    await screenshot(page, 'guided-tour');
    await tour().getByRole('button', { name: 'Siguiente' }).click();
    expect(await tour().textContent()).toContain('El lienzo');
    await tour().getByRole('button', { name: 'Saltar la visita' }).click();
    await expect.poll(() => tour().count()).toBe(0);

    // A new draft of the designer's own, with the prompts in Spanish, that they can change.
    const created = await omni.call('GET', `/api/v1/flows/${flowId}`);
    expect(created.body).toMatchObject({ name: 'Mesa de ayuda IVR', latestVersion: null });
    const menu = created.body.draft.nodes.find((n: { id: string }) => n.id === 'menu');
    expect(menu.config).toMatchObject({ prompt: 'Pulse 1 para ventas, 2 para soporte', language: 'es' });
    await page.getByRole('textbox', { name: 'Nombre del flujo' }).fill('Centralita de la oficina');
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
    await expect
      .poll(async () => (await omni.call('GET', `/api/v1/flows/${flowId}`)).body.name)
      .toBe('Centralita de la oficina');
    const validation = await omni.call('POST', `/api/v1/flows/${flowId}/validate`);
    expect(validation.body.errors).toEqual([]);

    // Dismissed means dismissed: a reload does not bring it back; Help → Visita guiada does.
    await page.reload();
    await page.locator('.react-flow__node[data-id="menu"]').waitFor();
    expect(await tour().count()).toBe(0);
    await page.getByRole('button', { name: 'Ayuda' }).click();
    await page.getByRole('menuitem', { name: 'Visita guiada' }).click();
    await tour().waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => tour().count()).toBe(0);
  }, 180_000);

  it('offers the gallery behind “Nuevo flujo” and makes a new flow per template, the example unchanged', async () => {
    await page.goto(`${omni.url}/#/flows`);
    await page.getByRole('link', { name: 'Centralita de la oficina' }).waitFor();
    await page.getByRole('button', { name: 'Nuevo flujo' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Usar la plantilla «Mesa de ayuda telefónica (IVR)»' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/flows\/[0-9a-f-]{36}$/);
    await page.locator('.react-flow__node[data-id="menu"]').waitFor();
    const flows = await omni.call('GET', '/api/v1/flows');
    expect(flows.body.items.map((f: { name: string }) => f.name).sort()).toEqual([
      'Centralita de la oficina',
      'Mesa de ayuda IVR',
    ]);
  }, 120_000);

  it('serves the user guide and each node’s page, and a 404 page for one that does not exist', async () => {
    await page.goto(`${omni.url}/docs/es/nodes/voice.menu`);
    await page.getByRole('heading', { name: 'Menú de teclas' }).waitFor();
    expect(await page.getByRole('cell', { name: '5 segundos' }).count()).toBe(1);
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Key menu' }).waitFor();
    // The search runs in the page from the index the server holds: every word, accents aside.
    await page.goto(`${omni.url}/docs/es/runs`);
    const search = page.getByRole('searchbox', { name: 'Buscar en la guía' });
    await search.fill('menu teclas');
    const found = page.getByRole('region', { name: 'Buscar en la guía' });
    await found.getByText(/página\(s\) con «menu teclas»/).waitFor();
    await screenshot(page, 'docs-search');
    await found.getByRole('link', { name: 'Menú de teclas' }).click();
    await page.getByRole('heading', { name: 'Menú de teclas' }).waitFor();
    expect(page.url()).toBe(`${omni.url}/docs/es/nodes/voice.menu`);
    await search.fill('zzzqqq');
    await found.getByText('No se encontró nada para «zzzqqq».').waitFor();
    expect(await found.getByRole('link').count()).toBe(0);
    const missing = await page.goto(`${omni.url}/docs/es/nodes/voice.nada`);
    expect(missing?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Página no encontrada' }).waitFor();
  }, 60_000);
});
