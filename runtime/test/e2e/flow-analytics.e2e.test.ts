import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, type BuilderSession } from '../support/builder-page.ts';
import { screenshot } from '../support/screenshot.ts';
import { publishFlow, runReaches } from '../support/test-omniflow.ts';

/** A menu by the caller's choice: 1 to sales, 2 to support, anything else waits for a reply. */
const menuFlow = {
  name: 'Atención al cliente',
  nodes: [
    { id: 'start', type: 'flow.start', config: {}, position: { x: 0, y: 120 } },
    {
      id: 'menu',
      type: 'logic.split',
      label: 'Menú',
      config: {
        branches: [
          {
            id: 'ventas',
            label: 'Ventas',
            conditions: [{ left: '{{ input.choice }}', operator: 'equals', right: '1' }],
          },
          {
            id: 'soporte',
            label: 'Soporte',
            conditions: [{ left: '{{ input.choice }}', operator: 'equals', right: '2' }],
          },
        ],
      },
      position: { x: 320, y: 120 },
    },
    { id: 'sales', type: 'flow.end', label: 'Ventas', config: {}, position: { x: 700, y: 0 } },
    { id: 'support', type: 'flow.end', label: 'Soporte', config: {}, position: { x: 700, y: 160 } },
    {
      id: 'wait',
      type: 'logic.wait-for-event',
      label: 'Espera respuesta',
      config: { event: 'reply', timeout: 'P1D' },
      position: { x: 700, y: 320 },
    },
    { id: 'bye', type: 'flow.end', label: 'Fin', config: {}, position: { x: 1050, y: 320 } },
  ],
  edges: [
    { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'menu' } },
    { id: 'e2', from: { node: 'menu', port: 'ventas' }, to: { node: 'sales' } },
    { id: 'e3', from: { node: 'menu', port: 'soporte' }, to: { node: 'support' } },
    { id: 'e4', from: { node: 'menu', port: 'else' }, to: { node: 'wait' } },
    { id: 'e5', from: { node: 'wait', port: 'received' }, to: { node: 'bye' } },
    { id: 'e6', from: { node: 'wait', port: 'timeout' }, to: { node: 'bye' } },
  ],
};

describe.skipIf(!hasChromium)('flow analytics on the canvas in Chromium, in Spanish', () => {
  let session: BuilderSession;
  let page: Page;
  let flowId: string;

  beforeAll(async () => {
    session = await openBuilder({ locale: 'es-ES', viewport: { width: 1600, height: 900 } });
    page = session.page;
    await page.addInitScript(`localStorage.setItem('omniflow.locale', 'es')`);
    const { omni } = session;
    flowId = await publishFlow(omni, menuFlow);
    // Runs started through the API with different choices: 3 to sales, 2 to support, 1 waiting.
    for (const choice of ['1', '2', '1', '9', '1', '2']) {
      const started = await omni.call('POST', '/api/v1/runs', { flowId, input: { choice } });
      expect(started.status, JSON.stringify(started.body)).toBe(201);
      await runReaches(omni, started.body.id, choice === '9' ? ['waiting'] : ['completed']);
    }
  }, 180_000);
  afterAll(async () => session?.close());

  it('shows entries, drop-offs, option counts and edge widths on the canvas', async () => {
    const { omni } = session;
    await page.goto(omni.url);
    await page.getByLabel('Correo electrónico').fill(omni.admin.email);
    await page.getByLabel('Contraseña').fill(omni.admin.password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.goto(`${omni.url}/#/flows/${flowId}`);
    await page.getByRole('button', { name: 'Analítica' }).click();

    const caption = (id: string) => page.locator(`[data-testid="node-analytics"][data-node="${id}"]`);
    await expect
      .poll(() => caption('menu').textContent(), { timeout: 20_000 })
      .toMatch(/^6 entraron · .* de media$/);
    expect(await caption('start').textContent()).toMatch(/^6 entraron/);
    expect(await caption('sales').textContent()).toBe('3 entraron');
    expect(await caption('support').textContent()).toBe('2 entraron');
    expect(await caption('wait').textContent()).toBe('1 entró · 1 en curso');
    expect(await caption('bye').textContent()).toBe('0 entraron');

    const taken = (port: string) =>
      page.locator(`.react-flow__node[data-id="menu"] [data-testid="port-count"][data-port="${port}"]`);
    expect(await taken('ventas').textContent()).toBe('3');
    expect(await taken('soporte').textContent()).toBe('2');
    expect(await taken('else').textContent()).toBe('1');
    const width = async (edge: string) =>
      /stroke-width:\s*([\d.]+)/.exec(
        (await page
          .locator(`.react-flow__edge[data-id="${edge}"] path.react-flow__edge-path`)
          .getAttribute('style')) ?? '',
      )?.[1];
    // start → menu carried all 6 runs: the widest; sales 3 of 6, support 2 of 6.
    expect([await width('e1'), await width('e2'), await width('e3')]).toEqual(['12', '6.8', '5']);

    const panel = page.getByTestId('analytics-panel');
    await expect
      .poll(() => panel.getByTestId('analytics-totals').textContent())
      .toBe('6 ejecuciones empezaron en el periodo: 5 terminadas, 0 abandonadas, 0 fallidas, 1 en curso');
    expect(
      await panel
        .locator('[data-testid="funnel"][data-end="sales"] [data-testid="funnel-stage"]')
        .allTextContents(),
    ).toEqual(['Inicio: 6 (100\u00a0%)', 'Menú: 6 (100\u00a0%)', 'Ventas: 3 (50\u00a0%)']);
    await screenshot(page, 'flow-analytics');
  }, 120_000);
});
