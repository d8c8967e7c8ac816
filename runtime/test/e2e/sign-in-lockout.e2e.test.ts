import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, signIn, type BuilderSession } from '../support/builder-page.ts';
import { screenshot } from '../support/screenshot.ts';

describe.skipIf(!hasChromium)('builder in Chromium: a locked sign-in', () => {
  let session: BuilderSession;
  let page: Page;
  /** The API's lockout clock: moved forward instead of waiting out the lock. */
  let now = new Date();

  beforeAll(async () => {
    session = await openBuilder({}, { appDeps: { signInLimits: { perAccount: 2 }, now: () => now } });
    page = session.page;
  }, 180_000);
  afterAll(async () => session?.close());

  it('says how long to wait in English and Spanish, then signs in and saves from the page', async () => {
    const alert = () => page.getByRole('alert').textContent();
    await page.goto(session.omni.url);
    await signIn(session, 'wrong');
    await expect.poll(alert).toContain('not right');
    await signIn(session, 'wrong again');
    await expect.poll(alert).toContain('not right');
    await signIn(session);
    await expect.poll(alert).toBe('Too many attempts. Try again in 1 min.');

    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await expect.poll(alert).toBe('Demasiados intentos. Vuelve a intentarlo en 1 min.');
    await screenshot(page, 'sign-in-locked');

    now = new Date(now.getTime() + 61_000);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('heading', { name: 'Flujos' }).waitFor();
    // A write signed in by the cookie, from the app's own page: the Origin check lets it through.
    await page.getByRole('button', { name: 'Nuevo flujo' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Empezar en blanco' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/flows\/[0-9a-f-]{36}$/);
    const flows = await session.omni.call('GET', '/api/v1/flows');
    expect(flows.body.items).toHaveLength(1);
  }, 120_000);
});
