import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, signIn, type BuilderSession } from '../support/builder-page.ts';
import { screenshot } from '../support/screenshot.ts';

// A webhook flow as a designer opens it: the trigger's inspector gives the URLs to call (from the
// API, not guessed) and an HMAC secret once; the code node edits its script in Monaco.
const hookFlow = {
  name: 'Order webhook',
  trigger: { node: 'hook' },
  nodes: [
    {
      id: 'hook',
      type: 'http.webhook',
      label: 'New order',
      config: { path: 'orders/new', method: 'POST', auth: 'hmac' },
      position: { x: 0, y: 120 },
    },
    {
      id: 'total',
      type: 'logic.code',
      label: 'Order total',
      config: {
        language: 'javascript',
        code: 'const lines = input.body.lines ?? [];\nreturn { total: lines.reduce((sum, l) => sum + l.qty * l.price, 0) };',
      },
      position: { x: 300, y: 120 },
    },
    {
      id: 'answer',
      type: 'http.respond',
      label: 'Answer',
      config: { status: '200', bodyType: 'json', body: '{"total": "{{ nodes.total.output.total }}"}' },
      position: { x: 600, y: 120 },
    },
  ],
  edges: [
    { id: 'e1', from: { node: 'hook', port: 'next' }, to: { node: 'total' } },
    { id: 'e2', from: { node: 'total', port: 'next' }, to: { node: 'answer' } },
  ],
};

describe.skipIf(!hasChromium)('builder in Chromium: webhook addresses and the code node', () => {
  let session: BuilderSession;
  let page: Page;
  beforeAll(async () => {
    session = await openBuilder({ viewport: { width: 1440, height: 900 } });
    page = session.page;
  }, 180_000);
  afterAll(async () => session?.close());

  it('shows the webhook’s test and production URLs, makes a signing secret once, and edits code in Monaco', async () => {
    const created = await session.omni.call('POST', '/api/v1/flows', hookFlow);
    expect(created.status).toBe(201);
    const flowId = created.body.id as string;
    const hook = await session.omni.call('GET', `/api/v1/flows/${flowId}/hook`);
    expect(hook.status).toBe(200);
    await page.goto(session.omni.url);
    await signIn(session);
    await page.getByRole('heading', { name: 'Flows' }).waitFor();
    await page.goto(`${session.omni.url}/#/flows/${flowId}`);

    await page.locator('.react-flow__node[data-id="hook"]').click();
    const addresses = page.getByRole('group', { name: 'Addresses to call' });
    // The server builds the URLs from the host it is called at: the browser's differs from the API's.
    const pathOf = (url: string) => new URL(url).pathname;
    await addresses.getByText(pathOf(hook.body.testUrl as string), { exact: false }).waitFor();
    await addresses.getByText(pathOf(hook.body.productionUrl as string), { exact: false }).waitFor();
    await addresses.getByRole('button', { name: 'Copy the production URL' }).waitFor();
    await addresses.getByRole('button', { name: 'Make a new signing secret' }).click();
    const secret = page.getByTestId('hook-secret');
    await secret.waitFor();
    expect((await secret.textContent())?.length).toBeGreaterThan(16);
    const after = await session.omni.call('GET', `/api/v1/flows/${flowId}/hook`);
    expect(after.body.secretMadeAt).not.toBeNull();
    await screenshot(page, 'webhook-inspector-urls');

    await page.locator('.react-flow__node[data-id="total"]').click();
    await page.locator('.monaco-editor').first().waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.locator('.monaco-editor .view-lines').first().textContent())
      .toContain('reduce');
    await screenshot(page, 'code-node-inspector');
  });
});
