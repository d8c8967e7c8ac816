import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { builderForSuite, signIn, type BuilderSession } from '../support/builder-page.ts';
import type { ServedOmniflow } from '../support/serve-omniflow.ts';
import { screenshot } from '../support/screenshot.ts';

describe.skipIf(!hasChromium)('builder in Chromium: build, fix, publish, test and restore a flow', () => {
  let session: BuilderSession;
  let omni: ServedOmniflow;
  let page: Page;
  builderForSuite((opened) => ({ omni, page } = session = opened), {
    viewport: { width: 1440, height: 900 },
  });

  const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
  const saved = () => page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();

  async function drop(type: string, x: number, y: number) {
    const nodes = page.locator('.react-flow__node');
    const before = await nodes.count();
    for (let attempt = 1; ; attempt++) {
      await page
        .locator(`[data-node-type="${type}"]`)
        .dragTo(page.locator('.react-flow__pane'), { targetPosition: { x, y }, force: true });
      try {
        await expect.poll(() => nodes.count(), { timeout: 2000 }).toBe(before + 1);
        return;
      } catch (error) {
        if (attempt === 4) throw error;
      }
    }
  }

  /** Where an element is once it stops moving (a layout or fit animation may still run). */
  async function settledBox(locator: ReturnType<Page['locator']>) {
    let last = JSON.stringify(await locator.boundingBox());
    await expect
      .poll(
        async () => {
          const now = JSON.stringify(await locator.boundingBox());
          const still = now === last && now !== 'null';
          last = now;
          return still;
        },
        { interval: 100, timeout: 5000 },
      )
      .toBe(true);
    return JSON.parse(last) as { x: number; y: number; width: number; height: number };
  }

  // A drag between two handles, retried if it missed: on a loaded machine the canvas may still be
  // settling from a fit or layout animation when the pointer goes down.
  async function connect(from: string, port: string, to: string) {
    const edges = page.locator('.react-flow__edge');
    const before = await edges.count();
    for (let attempt = 1; attempt <= 4; attempt++) {
      const source = page.locator(
        `.react-flow__handle.source[data-nodeid="${from}"][data-handleid="${port}"]`,
      );
      const target = page.locator(`.react-flow__handle.target[data-nodeid="${to}"]`);
      const a = await settledBox(source);
      const b = await settledBox(target);
      await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
      await page.mouse.down();
      await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
      // The handle under the pointer is what React Flow connects to: let it see the pointer there.
      await target.hover({ force: true });
      await page.mouse.up();
      try {
        await expect.poll(() => edges.count(), { timeout: 2000 }).toBe(before + 1);
        return;
      } catch (error) {
        if (attempt === 4) throw error;
        await page.waitForTimeout(500);
      }
    }
  }

  it('goes from an empty canvas to a published, tested flow and back to an earlier version', async () => {
    await page.goto(omni.url);
    await signIn(session);
    await page.getByRole('button', { name: 'New flow' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Start from blank' }).click();
    await page.locator('.react-flow__pane').waitFor();
    expect(await page.locator('.react-flow__node').count()).toBe(0);

    // Four nodes dragged from the palette, then wired.
    await drop('flow.start', 60, 60);
    await drop('logic.set', 400, 560);
    await drop('logic.wait-for-event', 60, 560);
    await drop('flow.end', 400, 60);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(4);
    // Lay the nodes out so no handle sits on top of another before wiring them.
    await page.getByRole('button', { name: /^Arrange/ }).click();
    await page.getByRole('button', { name: /^Fit/ }).click();
    await page.waitForTimeout(500);
    await connect('start1', 'next', 'set1');
    await connect('set1', 'next', 'wait-for-event1');
    await connect('wait-for-event1', 'received', 'end1');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);

    // Configure the start's input, the set and the wait in the inspector.
    await node('start1').click();
    await page.getByRole('button', { name: /Add row to Inputs it is given/ }).click();
    await page.getByRole('textbox', { name: /^What it is/ }).fill('Name');
    await page.getByRole('textbox', { name: /^Name in the flow/ }).fill('name');
    await node('set1').click();
    await page.getByRole('button', { name: /Add row to Assignments/ }).click();
    await page.getByRole('textbox', { name: /^Variable/ }).fill('greeting');
    await page.getByRole('combobox', { name: /^Value/ }).fill('hola {{ input.name }}');
    await node('wait-for-event1').click();
    await page.getByRole('textbox', { name: /^Event name/ }).fill('approved');
    // A duration is a number and a unit; the ISO text (PT1H) is stored, never shown.
    await page.getByRole('spinbutton', { name: /^Timeout/ }).fill('1');
    await page.getByRole('combobox', { name: 'Unit' }).selectOption('hours');
    await saved();
    const draft = await omni.call('GET', `/api/v1/flows/${page.url().split('/').pop()}`);
    const waitNode = draft.body.draft.nodes.find((n: { id: string }) => n.id === 'wait-for-event1');
    expect(waitNode.config.timeout).toBe('PT1H');
    expect(await page.locator('body').innerText()).not.toContain('PT1H');
    await node('end1').click();
    await screenshot(page, 'inspector');

    // The unwired timeout is an error on the node and in the problems panel; clicking it focuses the node.
    await saved();
    const problem = page.getByTestId('problem').filter({ hasText: 'timeout' });
    await problem.waitFor();
    expect(await node('wait-for-event1').getAttribute('aria-invalid')).toBeNull(); // attribute sits on the inner card
    expect(await node('wait-for-event1').locator('[aria-invalid="true"]').count()).toBe(1);
    await problem.click();
    await expect.poll(() => node('wait-for-event1').getAttribute('class')).toContain('selected');
    // The canvas glided to the node; show everything again to wire it to the end node.
    await page.waitForTimeout(400);
    await page.getByRole('button', { name: /^Fit/ }).click();
    await page.waitForTimeout(400);
    await connect('wait-for-event1', 'timeout', 'end1');
    await saved();
    await page.getByText('No problems found').waitFor();
    await page.getByRole('button', { name: /^Arrange/ }).click();
    await page.getByRole('button', { name: /^Fit/ }).click();
    await saved();
    await screenshot(page, 'canvas');

    // Publish version 1.
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByLabel('What changed (notes)').fill('first version');
    await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Version 1 published').waitFor();

    // Test run in the simulator: it waits for the event, which is a button; the path lights up.
    await page.getByRole('tab', { name: 'Test run' }).click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Ana');
    await page.getByRole('button', { name: 'Run the draft' }).click();
    await page.locator('[data-testid="sim-status"][data-status="waiting"]').waitFor();
    await page.getByRole('button', { name: 'Send “approved”' }).click();
    await page.locator('[data-testid="sim-status"][data-status="completed"]').waitFor();
    await expect.poll(() => page.locator('[data-highlighted="true"]').count()).toBe(4);
    await screenshot(page, 'simulator');

    // A second version changes the event name; restoring version 1 brings "approved" back.
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await node('wait-for-event1').click();
    await page.getByRole('textbox', { name: /^Event name/ }).fill('rejected');
    await saved();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Version 2 published').waitFor();
    await node('end1').click();
    await page.getByRole('button', { name: 'Restore as draft' }).nth(1).click();
    await page.getByText('Version 1 restored as the draft').waitFor();
    await node('wait-for-event1').click();
    expect(await page.getByRole('textbox', { name: /^Event name/ }).inputValue()).toBe('approved');

    // Everything visible switches to Spanish.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await page.getByRole('button', { name: 'Publicar' }).waitFor();
    await page.getByRole('tab', { name: 'Ejecución de prueba' }).waitFor();
    await page.getByRole('textbox', { name: /^Nombre del evento/ }).waitFor();
  }, 180_000);
});
