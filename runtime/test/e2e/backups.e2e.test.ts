import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, signIn, type BuilderSession } from '../support/builder-page.ts';
import { englishWatch } from '../support/english-in-spanish.ts';
import { screenshot } from '../support/screenshot.ts';

const flow = {
  name: 'Citas médicas',
  nodes: [
    { id: 'start', type: 'flow.start', config: {} },
    { id: 'end', type: 'flow.end', config: {} },
  ],
  edges: [{ id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'end' } }],
};

describe.skipIf(!hasChromium)('builder in Chromium: backups and the workspace export', () => {
  let session: BuilderSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBuilder({ acceptDownloads: true }, { worker: false });
    page = session.page;
    await session.omni.call('POST', '/api/v1/flows', flow);
  }, 180_000);
  afterAll(async () => session?.close());

  it('backs up from the page against the real server and lists the new backup', async () => {
    await page.goto(session.omni.url);
    await signIn(session);
    await page.getByRole('link', { name: 'Backups' }).click();
    await page.getByRole('heading', { name: 'Backups', level: 1 }).waitFor();
    await page.getByText('No backup has been made yet.').waitFor();
    await page.getByText('A backup is made every 7 days; the newest 8 are kept.').waitFor();

    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByText(/^Backup finished: [\d.,]+ (B|KB|MB)\.$/).waitFor({ timeout: 60_000 });
    await page.getByText(/^The last backup finished on /).waitFor();
    const rows = page.getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBe(2);
    const row = await rows.nth(1).textContent();
    expect(row).toContain('Embedded (PGlite)');
    expect(row).not.toContain('omniflow-backup-');

    // The server agrees, and the page's restore command names the very archive.
    const listed = await session.omni.call('GET', '/api/v1/backups');
    expect(listed.body.items).toHaveLength(1);
    const [backup] = listed.body.items;
    expect(row).toContain(`${backup.sha256.slice(0, 12)}…`);
    expect(await page.getByTestId('restore-command').textContent()).toBe(
      `omniflow restore ${backup.file} --yes`,
    );
    await screenshot(page, 'backups');
  }, 120_000);

  it('exports this workspace and downloads the archive (progress: the component test)', async () => {
    await page.getByRole('button', { name: 'Export this workspace' }).click();
    const download = page.getByRole('link', { name: 'Download the export' });
    await download.waitFor({ timeout: 60_000 });
    await page.getByText(/^The export is ready \([\d.,]+ (B|KB|MB)\)\.$/).waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/^omniflow-export-.+\.tar$/);
    const tar = await readFile((await file.path())!);
    // A ustar archive: "ustar" at offset 257 of the first header; the flows file carries the flow.
    expect(tar.subarray(257, 262).toString()).toBe('ustar');
    expect(tar.includes(Buffer.from('manifest.json'))).toBe(true);
    expect(tar.includes(Buffer.from('Citas médicas'))).toBe(true);

    const exports = await session.omni.call('GET', '/api/v1/audit?action=workspace.exported');
    expect(exports.body.items).toHaveLength(1);
  }, 120_000);

  it('shows the list, the last result and the restore steps in Spanish with no English left', async () => {
    const { found, check } = englishWatch(page);
    await page.evaluate(`localStorage.setItem('omniflow.locale', 'es')`);
    await page.reload();
    await page.getByRole('heading', { name: 'Copias de seguridad', level: 1 }).waitFor();
    await page.getByText(/^La última copia terminó el /).waitFor();
    await page.getByText('Detenga Omniflow.').waitFor();
    expect(await page.getByRole('table').getByRole('row').nth(1).textContent()).toContain(
      'Integrada (PGlite)',
    );
    await check('backups');
    expect(found, `English shown in the Spanish UI:\n${found.join('\n')}`).toEqual([]);
  }, 60_000);
});
