import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, signIn, type BuilderSession } from '../support/builder-page.ts';
import { screenshot } from '../support/screenshot.ts';
import { publishFlow, runReaches } from '../support/test-omniflow.ts';

const pizzaBot = {
  name: 'Pizza bot',
  nodes: [
    { id: 'hi', type: 'message.inbound', config: { channel: 'whatsapp', keyword: 'pizza' } },
    {
      id: 'size',
      type: 'message.ask',
      config: {
        channel: 'whatsapp',
        question: '¿Qué tamaño?',
        expect: 'choice',
        choices: [
          { id: 'small', title: 'Pequeña' },
          { id: 'large', title: 'Grande' },
        ],
      },
    },
    {
      id: 'ok',
      type: 'message.send',
      config: { channel: 'whatsapp', text: 'Marchando una {{ nodes.size.output.answer }}' },
    },
    { id: 'late', type: 'flow.end', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'hi', port: 'next' }, to: { node: 'size' } },
    { id: 'e2', from: { node: 'size', port: 'answered' }, to: { node: 'ok' } },
    { id: 'e3', from: { node: 'size', port: 'timeout' }, to: { node: 'late' } },
  ],
};

describe.skipIf(!hasChromium)(
  'phone simulator in Chromium: a WhatsApp bot conversation on the sandbox',
  () => {
    let session: BuilderSession;
    let page: Page;

    beforeAll(async () => {
      session = await openBuilder({ viewport: { width: 1280, height: 860 } });
      page = session.page;
      await publishFlow(session.omni, pizzaBot);
    }, 180_000);
    afterAll(async () => session?.close());

    it('starts the bot with a keyword, shows its buttons, and answers with a tap', async () => {
      await page.goto(session.omni.url);
      await signIn(session);
      await page.getByRole('link', { name: 'Phone', exact: true }).click();
      await page.getByLabel('Message').fill('pizza por favor');
      await page.getByLabel('Message').press('Enter');
      await page.getByText('Started a run').waitFor();
      await page.getByText('¿Qué tamaño?').waitFor();
      await page.getByRole('button', { name: 'Grande' }).click();
      await page.getByText('Marchando una large').waitFor({ timeout: 20_000 });
      await screenshot(page, 'phone-simulator');
      const runs = await session.omni.call('GET', '/api/v1/runs?contact=%2B34600000000');
      expect(runs.body.items).toHaveLength(1);
      expect((await runReaches(session.omni, runs.body.items[0].id, ['completed'])).status).toBe('completed');
    }, 90_000);

    it('tests the draft of a chat flow in the editor on the same phone, lighting its path', async () => {
      const flows = await session.omni.call('GET', '/api/v1/flows');
      const flowId = flows.body.items.find((f: { name: string }) => f.name === 'Pizza bot').id as string;
      await page.goto(`${session.omni.url}/#/flows/${flowId}`);
      await page.getByRole('tab', { name: 'Test run' }).click();
      const phone = page.getByRole('region', { name: /You, on WhatsApp/ });
      await phone.getByLabel('Message').fill('hola');
      await phone.getByLabel('Message').press('Enter');
      await phone.getByText('¿Qué tamaño?').waitFor();
      await phone.getByRole('button', { name: 'Pequeña' }).click();
      await phone.getByText('Marchando una small').waitFor({ timeout: 20_000 });
      await page.locator('[data-testid="sim-status"][data-status="completed"]').waitFor({ timeout: 20_000 });
      await expect
        .poll(() => page.locator('.react-flow__node[data-id="ok"] [data-highlighted="true"]').count())
        .toBe(1);
      await screenshot(page, 'simulator-chat');
      // A test run: version 0, its own sandbox address, never the phone page's number.
      const runs = await session.omni.call('GET', `/api/v1/runs?flowId=${flowId}`);
      const test = runs.body.items.find((r: { test: boolean }) => r.test);
      expect(test).toMatchObject({
        version: 0,
        status: 'completed',
        contact: expect.stringMatching(/^sim-/),
      });
    }, 90_000);
  },
);
