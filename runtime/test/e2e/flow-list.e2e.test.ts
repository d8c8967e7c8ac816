import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { serveOmniflow, type ServedOmniflow } from '../support/serve-omniflow.ts';

describe.skipIf(!hasChromium)('builder in Chromium: sign in and manage flows', () => {
  let omni: ServedOmniflow;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    omni = await serveOmniflow();
    browser = await launchChromium();
    page = await browser.newPage({ locale: 'en-US' });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await omni?.close();
  });

  it('refuses a wrong password, signs in, creates and duplicates a flow, and switches to Spanish', async () => {
    await page.goto(omni.url);
    await page.getByLabel('Email').fill(omni.admin.email);
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not right');

    await page.getByLabel('Password').fill(omni.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Flows' }).waitFor();

    const created = await omni.call('POST', '/api/v1/flows', { name: 'Mesa de ayuda', nodes: [], edges: [] });
    await page.reload();
    await page.getByRole('link', { name: 'Mesa de ayuda' }).waitFor();
    await page.getByRole('button', { name: 'Duplicate' }).first().click();
    await page.getByRole('link', { name: 'Copy of Mesa de ayuda' }).waitFor();

    await page.getByLabel('Search flows').fill('copy');
    await expect.poll(() => page.getByRole('link').count()).toBe(2); // the app title link + one flow

    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await page.getByRole('heading', { name: 'Flujos' }).waitFor();
    expect(await page.getByRole('button', { name: 'Nuevo flujo' }).isVisible()).toBe(true);
    expect(created.status).toBe(201);
  }, 120_000);
});
