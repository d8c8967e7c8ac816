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

    // A third option in the inspector becomes a third key port on the card.
    await page.locator('.react-flow__node[data-id="menu"]').click();
    await page.getByRole('button', { name: /Añadir fila a Opciones/ }).click();
    const keys = page.getByRole('textbox', { name: /^Tecla/ });
    await keys.last().fill('3');
    await page
      .getByRole('textbox', { name: /^Id del puerto/ })
      .last()
      .fill('billing');
    await expect.poll(() => ports('menu')).toEqual(['sales', 'support', 'billing', 'timeout', 'invalid']);
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
    const saved = await omni.call('GET', `/api/v1/flows/${created.body.id}`);
    const menu = saved.body.draft.nodes.find((n: { id: string }) => n.id === 'menu');
    expect(menu.config.options.map((o: { id: string }) => o.id)).toEqual(['sales', 'support', 'billing']);
    await screenshot(page, 'voice-ivr');
  }, 120_000);
});
