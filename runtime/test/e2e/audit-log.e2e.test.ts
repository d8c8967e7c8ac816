import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, signIn, type BuilderSession } from '../support/builder-page.ts';
import { screenshot } from '../support/screenshot.ts';

const flow = (name: string) => ({
  name,
  nodes: [
    { id: 'start', type: 'flow.start', config: {} },
    { id: 'end', type: 'flow.end', config: {} },
  ],
  edges: [{ id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'end' } }],
});

describe.skipIf(!hasChromium)('builder in Chromium: the audit log', () => {
  let session: BuilderSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBuilder({ acceptDownloads: true }, { worker: false });
    page = session.page;
    const { omni } = session;
    const made = await omni.call('POST', '/api/v1/flows', flow('Citas'));
    await omni.call('PUT', `/api/v1/flows/${made.body.id}`, flow('Citas médicas'));
    await omni.call('POST', `/api/v1/flows/${made.body.id}/publish`, {});
    await omni.call('PUT', '/api/v1/workspace/settings', { runRetentionDays: 60 });
  }, 180_000);
  afterAll(async () => session?.close());

  it('shows an admin who changed what, the change itself, and downloads the search as Excel', async () => {
    await page.goto(session.omni.url);
    await signIn(session);
    await page.getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    const table = page.getByRole('table').first();
    await table.getByText('Changed a flow').waitFor();
    expect(await table.getByText('Published a flow').count()).toBe(1);
    expect(await table.getByText('Changed workspace settings').count()).toBe(1);

    const changedFlow = table.getByRole('row').filter({ hasText: 'Changed a flow' });
    await changedFlow.getByRole('button', { name: 'Show what changed' }).click();
    const changed = page.locator('tr[data-changed="true"]');
    await expect.poll(() => changed.first().textContent()).toMatch(/^name.*Citas.*Citas médicas/);
    await screenshot(page, 'audit-log');

    await page.getByLabel('What').selectOption({ label: 'Published a flow' });
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => table.getByRole('row').count()).toBe(2);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.getWorksheet('Audit')!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(6).value).toBe('flow.published');
    expect(sheet.getRow(2).getCell(9).value).toBe('Citas médicas');

    // The download is itself in the log, done by the signed-in admin.
    const exports = await session.omni.call('GET', '/api/v1/audit?action=audit.exported');
    expect(exports.body.items).toHaveLength(1);
    expect(exports.body.items[0].actor).toMatchObject({ kind: 'user', email: session.omni.admin.email });
  }, 120_000);
});
