import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { builderForSuite, signIn, type BuilderSession } from '../support/builder-page.ts';
import type { ServedOmniflow } from '../support/serve-omniflow.ts';

describe.skipIf(!hasChromium)('builder in Chromium: sign in and manage flows', () => {
  let session: BuilderSession;
  let omni: ServedOmniflow;
  let page: Page;
  builderForSuite((opened) => ({ omni, page } = session = opened), { acceptDownloads: true });

  it('refuses a wrong password, then creates, duplicates, searches, exports, imports and deletes flows, in both languages', async () => {
    await page.goto(omni.url);
    await signIn(session, 'wrong');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not right');

    await signIn(session);
    await page.getByRole('heading', { name: 'Flows' }).waitFor();

    const created = await omni.call('POST', '/api/v1/flows', { name: 'Mesa de ayuda', nodes: [], edges: [] });
    await page.reload();
    await page.getByRole('link', { name: 'Mesa de ayuda' }).waitFor();
    await page.getByRole('button', { name: 'Duplicate' }).first().click();
    await page.getByRole('link', { name: 'Copy of Mesa de ayuda' }).waitFor();

    await page.getByLabel('Search flows').fill('copy');
    await expect.poll(() => page.getByRole('main').getByRole('link').count()).toBe(1); // one flow

    // Export the copy, import the file as a new flow, then delete the copy.
    await page.getByLabel('Search flows').fill('');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .locator('li', { hasText: 'Copy of Mesa de ayuda' })
        .getByRole('button', { name: 'Export JSON' })
        .click(),
    ]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported.name).toBe('Copy of Mesa de ayuda');
    exported.name = 'Imported desk';
    const file = join(mkdtempSync(join(tmpdir(), 'flow-')), 'desk.json');
    writeFileSync(file, JSON.stringify(exported));
    await page.locator('input[type="file"]').setInputFiles(file);
    await expect.poll(() => page.url()).toMatch(/#\/flows\/[0-9a-f-]{36}$/);
    await page.goto(`${omni.url}/#/flows`);
    await page.getByRole('link', { name: 'Imported desk' }).waitFor();

    page.once('dialog', (dialog) => void dialog.accept());
    await page
      .locator('li', { hasText: 'Copy of Mesa de ayuda' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await expect.poll(() => page.getByRole('link', { name: 'Copy of Mesa de ayuda' }).count()).toBe(0);
    const remaining = await omni.call('GET', '/api/v1/flows');
    expect(remaining.body.items.map((f: { name: string }) => f.name).sort()).toEqual([
      'Imported desk',
      'Mesa de ayuda',
    ]);

    // A file that is not a flow is refused with a message.
    const bad = join(mkdtempSync(join(tmpdir(), 'flow-')), 'bad.json');
    writeFileSync(bad, '{"hello": 1}');
    await page.locator('input[type="file"]').setInputFiles(bad);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not a flow');

    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await page.getByRole('heading', { name: 'Flujos' }).waitFor();
    expect(await page.getByRole('button', { name: 'Nuevo flujo' }).isVisible()).toBe(true);
    expect(created.status).toBe(201);
  }, 120_000);
});
