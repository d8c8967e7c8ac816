import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { builderForSuite, signIn, type BuilderSession } from '../support/builder-page.ts';
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
  builderForSuite((opened) => ({ omni, page } = session = opened), {
    viewport: { width: 1440, height: 900 },
  });

  async function overlappingCards() {
    const boxes: { id: string | null; x: number; y: number; width: number; height: number }[] = [];
    for (const node of await page.locator('.react-flow__node').all()) {
      const box = await node.boundingBox();
      if (box) boxes.push({ id: await node.getAttribute('data-id'), ...box });
    }
    const overlaps: string[] = [];
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
          overlaps.push(`${a.id}/${b.id}`);
    return overlaps;
  }

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

  it('reads as a flow without the inspector: every card shows its content, every node has help', async () => {
    const created = await omni.call('POST', '/api/v1/flows', { ...example, name: 'IVR (cards)' });
    expect(created.status).toBe(201);
    await page.goto(`${omni.url}/#/flows/${created.body.id}`);
    await page.locator('.react-flow__node[data-id="menu"]').waitFor();
    await page.getByRole('button', { name: 'Ajustar', exact: true }).click();

    const card = (id: string) => page.locator(`.react-flow__node[data-id="${id}"] [data-node-summary] li`);
    expect(await card('menu').allTextContents()).toEqual([
      'Pulse 1 para ventas, 2 para soporte',
      '1 · Ventas',
      '2 · Soporte',
    ]);
    expect(await card('call').allTextContents()).toEqual(['Números: 1000']);
    expect(await card('support-queue').allTextContents()).toEqual([
      'Cola: soporte',
      'Como máximo: 3 minutos',
    ]);
    expect(await card('voicemail').allTextContents()).toEqual([
      'Un mensaje (buzón de voz)',
      'Como máximo: 2 minutos',
    ]);
    expect(await card('to-sales').allTextContents()).toContain('A: sip:ventas@127.0.0.1:5070');
    // No ISO duration anywhere on the canvas.
    expect(await page.locator('.react-flow__nodes').innerText()).not.toMatch(/\bP(T\d|\d)/);
    // Every card draws an icon.
    expect(await page.locator('.react-flow__node [data-icon]').count()).toBe(example.nodes.length);

    // Taller cards are laid out apart ("Ordenar"), none over another.
    await page.getByRole('button', { name: 'Ordenar', exact: true }).click();
    await expect.poll(() => overlappingCards()).toEqual([]);
    await page.getByRole('button', { name: 'Ajustar', exact: true }).click();

    // The handles sit on their port rows below the content, so edges still attach to them.
    const row = await page.locator('.react-flow__node[data-id="menu"] [data-port="support"]').boundingBox();
    const handle = await page
      .locator('.react-flow__handle.source[data-nodeid="menu"][data-handleid="support"]')
      .boundingBox();
    expect(Math.abs(row!.y + row!.height / 2 - (handle!.y + handle!.height / 2))).toBeLessThan(3);
    // Close enough to read the cards for the README's picture.
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Acercar' }).click();
    await screenshot(page, 'ivr-canvas-cards');

    await page.locator('.react-flow__node[data-id="menu"]').click();
    const help = page.getByTestId('node-help');
    await help.getByRole('heading', { name: 'Sobre este nodo' }).waitFor();
    expect(await help.innerText()).toContain('Quien llama pulsó una tecla que no es ninguna opción.');
    const docs = help.getByRole('link', { name: /Documentación de «Menú de teclas»/ });
    expect(await docs.getAttribute('href')).toBe('/docs/es/nodes/voice.menu');
    await help.scrollIntoViewIfNeeded();
    await screenshot(page, 'node-help');
  }, 120_000);
});
