import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, signIn, type BuilderSession } from '../support/builder-page.ts';
import type { ServedOmniflow } from '../support/serve-omniflow.ts';
import { screenshot } from '../support/screenshot.ts';

// The example IVR as a non-developer meets it: opened on the canvas, every voice node drawn with
// the ports its config gives it, the menu's options edited in the inspector in Spanish.

const example = JSON.parse(
  readFileSync(new URL('../../../examples/flows/ivr-help-desk.json', import.meta.url), 'utf8'),
) as { name: string; nodes: unknown[]; edges: unknown[] };

describe.skipIf(!hasChromium)('builder in Chromium: the example IVR on the canvas', () => {
  let session: BuilderSession;
  let omni: ServedOmniflow;
  let page: Page;
  beforeAll(async () => {
    session = await openBuilder({ viewport: { width: 1440, height: 900 } });
    ({ omni, page } = session);
  }, 180_000);
  afterAll(async () => session?.close());

  async function ports(id: string) {
    const handles = page.locator(`.react-flow__handle.source[data-nodeid="${id}"]`);
    const ids: (string | null)[] = [];
    for (const handle of await handles.all()) ids.push(await handle.getAttribute('data-handleid'));
    return ids;
  }

  it('draws the voice nodes with their outcome ports and edits the menu in Spanish', async () => {
    const created = await omni.call('POST', '/api/v1/flows', example);
    expect(created.status).toBe(201);
    await page.goto(omni.url);
    await signIn(session);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await page.goto(`${omni.url}/#/flows/${created.body.id}`);
    await page.locator('.react-flow__node[data-id="menu"]').waitFor();
    await page.getByRole('button', { name: 'Ajustar', exact: true }).click();

    expect(await ports('menu')).toEqual(['sales', 'support', 'timeout', 'invalid']);
    expect(await ports('to-sales')).toEqual(['answered', 'busy', 'no-answer', 'failed']);
    expect(await ports('support-queue')).toEqual(['connected', 'timeout']);
    expect(await ports('hours')).toEqual(['open', 'closed']);
    await page.getByText('No hay problemas').waitFor();

    // A third option in the inspector becomes a third key port on the card: its port is made from
    // the label, and nobody is asked for an id.
    await page.locator('.react-flow__node[data-id="menu"]').click();
    await page.getByRole('button', { name: /Añadir fila a Opciones/ }).click();
    const options = page.getByRole('group', { name: 'Opciones' });
    await options
      .getByRole('textbox', { name: /^Tecla/ })
      .last()
      .fill('3');
    await options
      .getByRole('textbox', { name: /^Etiqueta/ })
      .last()
      .fill('Facturación');
    expect(
      await page
        .getByRole('textbox', { name: /^Id del puerto/ })
        .last()
        .isVisible(),
    ).toBe(false);
    await expect.poll(() => ports('menu')).toEqual(['sales', 'support', 'facturacion', 'timeout', 'invalid']);

    // The wait for a key is a number and a unit, never "PT8S".
    await page.getByRole('spinbutton', { name: /^Esperar una tecla/ }).fill('8');
    await page.getByRole('combobox', { name: 'Unidad' }).first().selectOption('seconds');
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
    const saved = await omni.call('GET', `/api/v1/flows/${created.body.id}`);
    const menu = saved.body.draft.nodes.find((n: { id: string }) => n.id === 'menu');
    expect(menu.config.options.map((o: { id: string }) => o.id)).toEqual(['sales', 'support', 'facturacion']);
    expect(menu.config.timeout).toBe('PT8S');
    const shown = await page.locator('body').innerText();
    expect(shown.split('\n').filter((line) => /\bPT\d/.test(line))).toEqual([]);
    // Node ids and type names only when asked for.
    expect(shown).not.toContain('voice.menu');
    await page.getByRole('checkbox', { name: 'Mostrar detalles técnicos' }).check();
    await page.getByTestId('technical-details').filter({ hasText: 'voice.menu' }).waitFor();
    await page.getByRole('checkbox', { name: 'Mostrar detalles técnicos' }).uncheck();
    await screenshot(page, 'voice-ivr');
  }, 120_000);
});
