import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactFields, contacts, newId } from '@omniflow/db';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, signIn, type BuilderSession } from '../support/builder-page.ts';
import { screenshot } from '../support/screenshot.ts';

describe.skipIf(!hasChromium)('segment rule builder in Chromium', () => {
  let session: BuilderSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBuilder({ viewport: { width: 1400, height: 900 } });
    page = session.page;
    const db = session.omni.handle.db;
    const workspaceId = (await db.query.workspaces.findFirst())!.id;
    await db
      .insert(contactFields)
      .values({ id: newId(), workspaceId, key: 'ciudad', label: 'City', type: 'text' });
    // 40 people: every fourth a VIP, every second in Lima; VIPs in Lima are 10.
    await db.insert(contacts).values(
      Array.from({ length: 40 }, (_, i) => ({
        id: newId(),
        workspaceId,
        firstName: `P${i}`,
        tags: i % 4 === 0 ? ['vip'] : ['regular'],
        attributes: { ciudad: i % 2 === 0 ? 'Lima' : 'Cusco' },
      })),
    );
  }, 180_000);
  afterAll(async () => session?.close());

  it('builds a segment from dropdowns, sees the count follow, and saves it', async () => {
    await page.goto(session.omni.url);
    await signIn(session);
    await page.getByRole('link', { name: 'Segments', exact: true }).click();
    await page.getByRole('button', { name: 'New segment' }).click();
    const live = page.getByTestId('live-count');
    await live.getByText('Right now this segment has 40 people').waitFor();

    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByRole('checkbox', { name: 'vip' }).check();
    await live.getByText('Right now this segment has 10 people').waitFor();

    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByRole('combobox', { name: 'What' }).nth(1).selectOption({ label: 'City' });
    await page.getByRole('textbox', { name: 'Value' }).fill('Lima');
    await live.getByText('Right now this segment has 10 people').waitFor();
    // OR instead of AND: VIPs plus everyone in Lima.
    await page
      .getByRole('combobox', { name: 'Condition' })
      .first()
      .selectOption({ label: 'People who match any of these' });
    await live.getByText('Right now this segment has 20 people').waitFor();

    await page.getByRole('textbox', { name: 'Name' }).fill('VIP or Lima');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved').waitFor();
    await page.getByRole('list', { name: 'Segments' }).getByText('20 people').waitFor();
    await screenshot(page, 'segment-builder');
    const saved = await session.omni.call('GET', '/api/v1/segments');
    expect(saved.body.items.map((s: { name: string }) => s.name)).toEqual(['VIP or Lima']);
  }, 150_000);
});
