import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { queryRows } from '@omniflow/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, signIn, type BuilderSession } from '../support/builder-page.ts';
import { screenshot } from '../support/screenshot.ts';

// Big enough that the import takes a few seconds, so its progress shows before it finishes.
const rows = 20_000;
const badPhoneRow = 100;
const badEmailRow = 5000;

/** Row i of the file (0-based): Peruvian mobiles written without +51, one bad phone, one bad email. */
function csv(): string {
  const lines = ['Nombre,Movil,Correo,Grupo'];
  for (let i = 0; i < rows; i++) {
    const phone = i === badPhoneRow ? '12' : `91${String(i).padStart(7, '0')}`;
    const email = i === badEmailRow ? 'ana@' : `persona${i}@example.test`;
    lines.push(`Persona ${i},${phone},${email},${i % 2 ? 'vip' : 'regular'}`);
  }
  return `${lines.join('\n')}\n`;
}

describe.skipIf(!hasChromium || !inject('postgresUrl'))(
  'contact import from the Contacts page, in Chromium',
  () => {
    let session: BuilderSession;

    beforeAll(async () => {
      session = await openBuilder(
        { viewport: { width: 1300, height: 1000 } },
        { db: 'postgres', worker: false },
      );
    }, 180_000);
    afterAll(async () => session?.close());

    it('uploads a CSV with bad rows, maps its columns, follows the progress and downloads the rejections', async () => {
      const { omni, page } = session;
      await page.goto(omni.url);
      await signIn(session);
      await page.getByRole('link', { name: 'Contacts', exact: true }).click();
      await page.getByRole('link', { name: 'Import contacts' }).click();

      await page.getByLabel('Choose a file').setInputFiles({
        name: 'clientes.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv()),
      });
      await page.getByText('20,000 rows in clientes.csv').waitFor();
      const start = page.getByRole('button', { name: 'Import 20,000 rows' });
      await page
        .getByRole('combobox', { name: 'What column “Movil” holds' })
        .selectOption({ label: 'Phone (SMS)' });
      await page
        .getByRole('combobox', { name: 'What column “Correo” holds' })
        .selectOption({ label: 'Email' });
      await page.getByRole('combobox', { name: 'What column “Grupo” holds' }).selectOption({ label: 'Tags' });
      await page.getByRole('combobox', { name: /numbers written without/ }).selectOption({ label: 'Peru' });
      await start.click();

      const bar = page.getByRole('progressbar', { name: 'Import progress' });
      await bar.waitFor();
      expect(Number(await bar.getAttribute('aria-valuemax'))).toBe(rows);
      await page.getByText(/Importing: [\d,]+ of 20,000 rows/).waitFor();
      await page.getByText('Import finished').waitFor({ timeout: 120_000 });

      const tile = (name: string) =>
        page
          .locator('dl > div')
          .filter({ has: page.locator('dt', { hasText: name }) })
          .locator('dd');
      expect(await tile('New contacts').textContent()).toBe('19,998');
      expect(await tile('Rejected rows').textContent()).toBe('2');
      const report = page.getByRole('table', { name: 'Rows left out' });
      const reportRows = await report.getByRole('row').allTextContents();
      // The title row is line 1: row i of the data is line i + 2.
      expect(reportRows).toEqual([
        'LineColumnWhy',
        `${badPhoneRow + 2}Movil"12" is not a valid phone number (default country PE)`,
        `${(badEmailRow + 2).toLocaleString('en-US')}Correo"ana@" is not a valid email address`,
      ]);
      await screenshot(page, 'contact-import-rejections');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download the rejected rows (CSV)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('clientes-rejected.csv');
      const lines = (await readFile((await download.path())!, 'utf8')).trim().split(/\r?\n/);
      expect(lines).toHaveLength(3);
      expect(lines[0]).toBe('line,column,code,reason');
      expect(lines[1]).toMatch(new RegExp(`^${badPhoneRow + 2},Movil,IMPORT_PHONE_INVALID,`));
      expect(lines[2]).toMatch(new RegExp(`^${badEmailRow + 2},Correo,IMPORT_EMAIL_INVALID,`));

      // What arrived: E.164 phones from the default country, tags from the mapped column.
      const [imported] = await queryRows<{ tags: string[]; first_name: string }>(
        omni.handle.db,
        sql`select c.tags, c.first_name from contacts c join contact_channels a on a.contact_id = c.id
        where a.channel = 'sms' and a.address = '+51910000007'`,
      );
      expect(imported).toEqual({ tags: ['vip'], first_name: 'Persona 7' });
    }, 240_000);

    it('refuses a file without a title row and imports nothing', async () => {
      const { page, omni } = session;
      await page.getByRole('button', { name: 'Import another file' }).click();
      const before = (await omni.handle.db.query.contacts.findMany()).length;
      await page.getByLabel('Choose a file').setInputFiles({
        name: 'numeros.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('911111111,ana@example.test\n922222222,luis@example.test\n'),
      });
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('button', { name: /^Import \d/ }).count()).toBe(0);
      expect((await omni.handle.db.query.contacts.findMany()).length).toBe(before);
    });
  },
);
