import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/create-app.ts';
import { apiKeyCacheOf } from '../../src/api/api-key-cache.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { screenshot } from '../support/screenshot.ts';
import { buildBuilder, listen } from '../support/serve-omniflow.ts';
import { startTestOmniflow, type TestOmniflow } from '../support/test-omniflow.ts';

describe.skipIf(!hasChromium)(
  'settings in Chromium: an admin makes a scoped API key and an OAuth client',
  () => {
    let omni: TestOmniflow;
    let served: Awaited<ReturnType<typeof listen>>;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      omni = await startTestOmniflow({ builderDir: buildBuilder(), worker: false });
      served = await listen(createApp(omni.deps));
      browser = await launchChromium();
      page = await browser.newPage({ locale: 'en-US', viewport: { width: 1280, height: 1100 } });
    }, 180_000);
    afterAll(async () => {
      await browser?.close();
      await served?.close();
      await omni?.close();
    });

    it('shows the key once, refuses what its scopes do not allow, and lists its last use and address', async () => {
      await page.goto(served.url);
      await page.getByLabel('Email').fill(omni.admin.email);
      await page.getByLabel('Password').fill(omni.admin.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('link', { name: 'Settings', exact: true }).click();

      const keys = page.getByRole('region', { name: 'API keys' });
      const form = keys.getByRole('form', { name: 'API keys' });
      await form.getByLabel('Name').fill('CRM sync');
      await form.getByLabel('Send messages').check();
      await form.getByLabel('Stops working on').fill('2099-12-31');
      await form.getByRole('button', { name: 'Create key' }).click();
      const shown = keys.getByRole('status');
      await shown.getByText('Copy this key now').waitFor();
      const key = (await shown.locator('code').textContent())!;
      expect(key).toMatch(/^of_key_/);

      const read = await fetch(`${served.url}/api/v1/flows`, { headers: { authorization: `Bearer ${key}` } });
      expect(read.status).toBe(200);
      const write = await fetch(`${served.url}/api/v1/flows`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'x', nodes: [], edges: [] }),
      });
      expect(write.status).toBe(403);
      expect(((await write.json()) as { error: { code: string } }).error.code).toBe('SCOPE_REQUIRED');
      await apiKeyCacheOf(omni.handle.db).flush();

      await page.reload();
      const item = page
        .getByRole('region', { name: 'API keys' })
        .getByRole('listitem')
        .filter({ hasText: 'CRM sync' });
      await item.getByText(/Last used .* from (::ffff:)?127\.0\.0\.1/).waitFor();
      expect(await item.textContent()).toContain('Read, Send messages');
      expect(await item.textContent()).toMatch(/Expires .*2099|Expires .*12\/31/);

      const clients = page.getByRole('region', { name: 'OAuth clients' });
      const clientForm = clients.getByRole('form', { name: 'OAuth clients' });
      await clientForm.getByLabel('Name').fill('Citizen portal');
      await clientForm.getByRole('button', { name: 'Create client' }).click();
      const made = clients.getByRole('status');
      await made.getByText('Copy the secret now').waitFor();
      const [clientId, clientSecret] = await made.locator('code').allTextContents();
      const token = await fetch(`${served.url}/api/v1/oauth/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
        },
        body: 'grant_type=client_credentials',
      });
      expect(token.status).toBe(200);
      expect(((await token.json()) as { scope: string }).scope).toBe('read');

      await page.getByRole('region', { name: 'API keys' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'api-keys');
    }, 120_000);
  },
);
