import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, signIn, type BuilderSession } from '../support/builder-page.ts';
import { screenshot } from '../support/screenshot.ts';

// The bug of #15: the picker offered `nodes.ask1.output`, so the bot sent "[object Object]". Here
// a person writes the whole output (a warning says so), then picks "the answer of Ask name" from
// the picker instead, and the test run's reply carries the name that was typed on the phone.

const nameBot = {
  name: 'Name bot',
  nodes: [
    { id: 'hi', type: 'message.inbound', config: { channel: 'whatsapp' } },
    {
      id: 'ask1',
      type: 'message.ask',
      label: 'Ask name',
      config: { channel: 'whatsapp', question: 'What is your name?' },
    },
    { id: 'reply', type: 'message.send', label: 'Greet', config: { channel: 'whatsapp', text: 'Hello ' } },
    { id: 'late', type: 'flow.end', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'hi', port: 'next' }, to: { node: 'ask1' } },
    { id: 'e2', from: { node: 'ask1', port: 'answered' }, to: { node: 'reply' } },
    { id: 'e3', from: { node: 'ask1', port: 'timeout' }, to: { node: 'late' } },
    // Every way out of the question wired: nothing else for the problems panel to say.
    { id: 'e4', from: { node: 'ask1', port: 'invalid' }, to: { node: 'late' } },
    { id: 'e5', from: { node: 'ask1', port: 'failed' }, to: { node: 'late' } },
  ],
};

describe.skipIf(!hasChromium)('builder in Chromium: the variable picker', () => {
  let session: BuilderSession;
  let page: Page;
  beforeAll(async () => {
    session = await openBuilder({ viewport: { width: 1440, height: 900 } });
    page = session.page;
  }, 180_000);
  afterAll(async () => session?.close());

  const saved = () => page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();

  it('picks the answer of "Ask name" and the test run greets by the name typed', async () => {
    const created = await session.omni.call('POST', '/api/v1/flows', nameBot);
    expect(created.status).toBe(201);
    const flowId = created.body.id as string;
    await page.goto(session.omni.url);
    await signIn(session);
    await page.goto(`${session.omni.url}/#/flows/${flowId}`);
    await page.locator('.react-flow__node[data-id="reply"]').click();
    const text = page.getByRole('combobox', { name: /^Text/ });

    // The whole output is a warning that names both nodes, not a silent "[object Object]".
    await text.fill('Hello {{ nodes.ask1.output }}');
    await saved();
    await page
      .getByTestId('problem')
      .filter({ hasText: '“Greet” writes everything “Ask name” holds' })
      .waitFor();

    // The picker: at the cursor, searched by name, chosen with the keyboard.
    await text.fill('Hello !');
    await text.press('End');
    await text.press('ArrowLeft');
    // The button beside the Text field (each template field has its own).
    await text.locator('xpath=..').getByRole('button', { name: 'Insert a variable' }).click();
    const listbox = page.getByRole('listbox', { name: 'Variables' });
    await listbox.waitFor();
    await screenshot(page, 'variable-picker');
    await page.keyboard.type('answer');
    const answer = listbox.getByRole('option', { name: 'Answer of «Ask name»' });
    await answer.waitFor();
    expect(await listbox.getByRole('option').count()).toBe(1);
    expect(await answer.textContent()).toContain('e.g. Ana');
    await page.keyboard.press('Enter');
    expect(await text.inputValue()).toBe('Hello {{ nodes.ask1.output.answer }}!');
    await saved();
    await page.getByText('No problems found').waitFor();
    const draft = await session.omni.call('GET', `/api/v1/flows/${flowId}`);
    const reply = draft.body.draft.nodes.find((n: { id: string }) => n.id === 'reply');
    expect(reply.config.text).toBe('Hello {{ nodes.ask1.output.answer }}!');

    // The test run on the simulated phone: the reply carries the typed answer.
    await page.getByRole('tab', { name: 'Test run' }).click();
    const phone = page.getByRole('region', { name: /You, on WhatsApp/ });
    await phone.getByLabel('Message').fill('hi');
    await phone.getByLabel('Message').press('Enter');
    await phone.getByText('What is your name?').waitFor({ timeout: 20_000 });
    await phone.getByLabel('Message').fill('Marta');
    await phone.getByLabel('Message').press('Enter');
    await phone.getByText('Hello Marta!').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid="sim-status"][data-status="completed"]').waitFor({ timeout: 20_000 });
    expect(await phone.getByText('[object Object]').count()).toBe(0);
  }, 180_000);
});
