import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { builderForSuite, signIn, type BuilderSession } from '../support/builder-page.ts';
import type { ServedOmniflow } from '../support/serve-omniflow.ts';
import { screenshot } from '../support/screenshot.ts';

// What a designer forgets, caught in the browser in Spanish: a menu's unwired timeout mended with
// one click, a self-connection refused with its reason, a second flow claiming a number another published flow answers refused at publish
// naming it, and a too-long name that the header says is not saved.

const ivr = (name: string, numbers: string[]) => ({
  name,
  trigger: { node: 'call' },
  nodes: [
    { id: 'call', type: 'voice.inbound-call', config: { numbers }, position: { x: 0, y: 0 } },
    {
      id: 'menu',
      type: 'voice.menu',
      label: 'Menú principal',
      config: { prompt: 'Pulse 1 para ventas', options: [{ digit: '1', id: 'ventas' }] },
      position: { x: 320, y: 0 },
    },
    { id: 'sales', type: 'voice.say', config: { text: 'Ventas' }, position: { x: 640, y: 0 } },
  ],
  edges: [
    { id: 'e1', from: { node: 'call', port: 'next' }, to: { node: 'menu' } },
    { id: 'e2', from: { node: 'menu', port: 'ventas' }, to: { node: 'sales' } },
  ],
});

interface Draft {
  name: string;
  nodes: { id: string; type: string }[];
  edges: { from: { node: string; port: string }; to: { node: string } }[];
}

describe.skipIf(!hasChromium)('builder in Chromium: problems, fixes and saves that fail', () => {
  let session: BuilderSession;
  let omni: ServedOmniflow;
  let page: Page;
  builderForSuite((opened) => ({ omni, page } = session = opened), {
    viewport: { width: 1440, height: 900 },
  });

  const draftOf = async (id: string) => (await omni.call('GET', `/api/v1/flows/${id}`)).body.draft as Draft;
  const saved = () => page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();

  it('ends the call at an unwired timeout in one click, explains a refused self-connection, refuses a claimed number at publish, and says a long name is not saved', async () => {
    const reception = await omni.call('POST', '/api/v1/flows', ivr('Recepción', ['+34 910 000 111']));
    expect((await omni.call('POST', `/api/v1/flows/${reception.body.id}/publish`, {})).status).toBe(201);
    const created = await omni.call('POST', '/api/v1/flows', ivr('Centralita nueva', ['+34910000111']));
    const flowId = created.body.id as string;

    await page.goto(omni.url);
    await signIn(session);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await page.goto(`${omni.url}/#/flows/${flowId}`);
    const problems = page.getByRole('region', { name: /Problemas/ });
    await problems.getByText(/«Menú principal»: no hay nada después de «tiempo agotado»/).waitFor();

    // One click: a hang-up node wired to the menu's timeout, saved.
    const fixes = problems.getByRole('button', { name: 'Terminar la llamada aquí' });
    expect(await fixes.count()).toBe(2);
    await fixes.first().click();
    await expect
      .poll(async () => {
        const draft = await draftOf(flowId);
        const hangups = draft.nodes.filter((n) => n.type === 'voice.hangup').map((n) => n.id);
        return draft.edges
          .filter((e) => e.from.node === 'menu' && hangups.includes(e.to.node))
          .map((e) => e.from.port);
      })
      .toHaveLength(1);
    await expect.poll(() => fixes.count()).toBe(1);
    await screenshot(page, 'problems-fix');

    // Wiring the menu's open exit back into the menu itself is refused, and the canvas says why.
    const selfLoop = page.getByText(/Un nodo no puede conectarse consigo mismo/);
    for (let attempt = 1; attempt <= 4 && !(await selfLoop.isVisible()); attempt++) {
      const source = page.locator('.react-flow__handle.source[data-nodeid="menu"][data-handleid="invalid"]');
      const target = page.locator('.react-flow__handle.target[data-nodeid="menu"]');
      const a = (await source.boundingBox())!;
      const b = (await target.boundingBox())!;
      await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
      await page.mouse.down();
      await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
      await target.hover({ force: true });
      await page.mouse.up();
      await selfLoop.waitFor({ timeout: 2000 }).catch(() => undefined);
    }
    await selfLoop.waitFor();
    expect(
      (await draftOf(flowId)).edges.filter((e) => e.from.node === 'menu' && e.to.node === 'menu'),
    ).toEqual([]);

    // After "Arrange" no node reaches into the minimap's column, so however tall the graph the
    // minimap covers none of it.
    await page.getByRole('button', { name: 'Ordenar', exact: true }).click();
    const clearOfMinimap = async () => {
      const map = (await page.locator('.react-flow__minimap').boundingBox())!;
      const boxes = await Promise.all(
        (await page.locator('.react-flow__node').all()).map((n) => n.boundingBox()),
      );
      return boxes.every((b) => b !== null && b.x + b.width <= map.x);
    };
    await expect.poll(clearOfMinimap).toBe(true);

    // Publishing: the number belongs to the published "Recepción". The arrangement may still be
    // being saved: a click then waits for the save and opens the dialog after it.
    await page.getByRole('button', { name: 'Publicar', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publicar', exact: true }).click();
    await problems.getByText(/El flujo publicado «Recepción» ya atiende el número \+34910000111/).waitFor();
    expect((await omni.call('GET', `/api/v1/flows/${flowId}/versions`)).body.items).toEqual([]);

    // A 380-character name: the header says it is not saved and why; the server keeps the old one.
    await page.getByRole('textbox', { name: 'Nombre del flujo' }).fill('x'.repeat(380));
    const header = page.locator('[data-testid="save-state"][data-state="error"]');
    await header.waitFor();
    expect(await header.textContent()).toContain('El campo nombre del flujo tiene 380 caracteres');
    expect(await header.getAttribute('role')).toBe('alert');
    expect((await draftOf(flowId)).name).toBe('Centralita nueva');
    await screenshot(page, 'save-failed-header');

    // Leaving now asks first; saying no stays in the editor.
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('link', { name: /Volver/ }).click();
    expect(page.url()).toContain(`#/flows/${flowId}`);

    await page.getByRole('textbox', { name: 'Nombre del flujo' }).fill('Centralita de pruebas');
    await saved();
    expect((await draftOf(flowId)).name).toBe('Centralita de pruebas');
  }, 180_000);
});
