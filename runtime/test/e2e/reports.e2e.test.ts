import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaces } from '@omniflow/db';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, type BuilderSession } from '../support/builder-page.ts';
import { seedReportData } from '../support/report-fixtures.ts';
import { screenshot } from '../support/screenshot.ts';

describe.skipIf(!hasChromium)('builder in Chromium: reports, in Spanish', () => {
  let session: BuilderSession;
  let page: Page;

  beforeAll(async () => {
    // A Spanish browser on Lima time, so the period typed is the fixture's (2026-11-02 to -15).
    session = await openBuilder(
      {
        locale: 'es-ES',
        timezoneId: 'America/Lima',
        acceptDownloads: true,
        viewport: { width: 1440, height: 1000 },
      },
      { worker: false },
    );
    page = session.page;
    const { omni } = session;
    const [workspace] = await omni.handle.db.select().from(workspaces);
    await seedReportData(omni.handle.db, workspace!.id);
  }, 180_000);
  afterAll(async () => session?.close());

  it('shows the figures of the period’s calls and messages and downloads the CSV', async () => {
    await page.goto(session.omni.url);
    await page.getByLabel('Correo electrónico').fill(session.omni.admin.email);
    await page.getByLabel('Contraseña').fill(session.omni.admin.password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('link', { name: 'Informes' }).click();
    await page.getByRole('heading', { name: 'Informes' }).waitFor();

    await page.getByLabel('Periodo').selectOption('custom');
    await page.getByLabel('Desde').fill('2026-11-02');
    await page.getByLabel('Hasta (incluido)').fill('2026-11-15');
    await page.getByLabel('Agrupar por').selectOption('week');
    const calls = page.getByRole('table', { name: 'Llamadas' });
    const totals = calls.locator('tfoot tr');
    await expect.poll(() => totals.textContent(), { timeout: 20_000 }).toMatch(/^Total4221/);
    const firstWeek = calls.locator('tbody tr').first();
    expect(await firstWeek.locator('td').allTextContents()).toEqual([
      '2026-11-02',
      '3',
      '1',
      '2',
      '0',
      '0:30',
      '2:00',
    ]);
    await page
      .getByRole('region', { name: 'Llamadas ofrecidas, atendidas y abandonadas' })
      .locator('svg')
      .waitFor();

    await page.getByLabel('Informe').selectOption({ label: 'Mensajes salientes' });
    const channels = page.getByRole('table', { name: 'Por canal' });
    await expect
      .poll(() => channels.locator('tbody tr').first().locator('td').allTextContents(), { timeout: 20_000 })
      .toEqual(['SMS', '5', '3', '1', '1', '60\u00a0%']);
    await screenshot(page, 'reports');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^outbound-messages-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain('Mensajes salientes');
    expect(csv).toContain('\r\nSMS,5,3,1,1,0.6\r\n');
    expect(csv).toContain('\r\nTotal,11,4,3,4,0.3636\r\n');
  }, 120_000);
});
