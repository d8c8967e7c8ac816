import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LoopbackSmsc } from '@omniflow/nodes/drivers/sms/testing';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, signIn, type BuilderSession } from '../support/builder-page.ts';
import { seedAudience } from '../support/campaign-audience.ts';
import { screenshot } from '../support/screenshot.ts';
import { eventually } from '../support/test-omniflow.ts';

const credentials = { systemId: 'omniflow', password: 'campaign' };
// 2,000 people, the even ones tagged vip (1,000); every 100th from the 2nd has no phone (20 VIPs).
const people = 2000;
const vips = 1000;
const vipsWithoutPhone = 20;
// Slow enough that a person's click on Pause lands while the first chunks are going out.
const rate = 40;

/**
 * Issue #14's person-level check: a segment from the rule builder, an SMS campaign scheduled to
 * it on the loopback SMSC, its stats and forecast moving, pause and resume, and exact counts.
 */
describe.skipIf(!hasChromium || !inject('postgresUrl'))(
  'an SMS campaign from the builder, in Chromium',
  () => {
    let session: BuilderSession;
    let page: Page;
    let smsc: LoopbackSmsc;

    beforeAll(async () => {
      smsc = await LoopbackSmsc.start(credentials);
      session = await openBuilder({ viewport: { width: 1300, height: 1000 } }, { db: 'postgres' });
      page = session.page;
      const { omni } = session;
      const saved = await omni.call('PUT', '/api/v1/channels/sms', {
        provider: 'smpp',
        config: {
          ...smsc.address,
          systemId: credentials.systemId,
          sourceAddress: '+5110000000',
          windowSize: 50,
        },
        secrets: { password: credentials.password },
      });
      expect(saved.status).toBe(200);
      await eventually(async () => (smsc.boundSessions >= 1 ? true : undefined));
      const db = omni.handle.db;
      const workspaceId = (await db.query.workspaces.findFirst())!.id;
      await seedAudience(db, { workspaceId, count: people, channel: 'sms', noAddressEvery: 100 });
      await db.execute(
        sql`update contacts set tags = array['vip'] where (attributes->>'n')::int % 2 = 0 and workspace_id = ${workspaceId}::uuid`,
      );
    }, 180_000);
    afterAll(async () => {
      await session?.close();
      await smsc?.stop();
    });

    const tile = (name: string) =>
      page
        .locator('dl > div')
        .filter({ has: page.locator('dt', { hasText: new RegExp(`^${name}$`) }) })
        .locator('dd');
    const count = async (name: string) => Number((await tile(name).textContent())!.replace(/\D/g, ''));

    it('builds a segment, schedules an SMS campaign to it, pauses, resumes and counts exactly', async () => {
      const { omni } = session;
      await page.goto(omni.url);
      await signIn(session);

      await page.getByRole('link', { name: 'Segments', exact: true }).click();
      await page.getByRole('button', { name: 'New segment' }).click();
      const live = page.getByTestId('live-count');
      await live.getByText(/Right now this segment has 2,000 people/).waitFor();
      await page.getByRole('button', { name: 'Add condition' }).click();
      await page.getByRole('checkbox', { name: 'vip' }).check();
      await live.getByText(/Right now this segment has 1,000 people/).waitFor();
      await page.getByRole('textbox', { name: 'Name' }).fill('VIPs');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('list', { name: 'Segments' }).getByText('1,000 people').waitFor();

      await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
      await page.getByRole('link', { name: 'New campaign' }).click();
      await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Recordatorio VIP');
      await page.getByLabel('SMS', { exact: true }).check();
      await page.getByRole('combobox', { name: /^Segment/ }).selectOption({ label: 'VIPs' });
      await page
        .getByRole('textbox', { name: /^Text/ })
        .fill('Hola {{ contact.first_name }}, le esperamos el lunes.');
      // A few seconds ahead, in the browser's own time, as a person picking a time would give it.
      await page.getByLabel('At a date and time').check();
      const startAt = await page.evaluate(() => {
        const at = new Date(Date.now() + 8000);
        const pad = (n: number) => String(n).padStart(2, '0');
        return {
          date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`,
          time: `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`,
        };
      });
      await page.getByLabel('Date', { exact: true }).fill(startAt.date);
      await page.getByLabel('Time', { exact: true }).fill(startAt.time);
      await page.getByLabel('Messages per second').fill(String(rate));
      await page.getByRole('button', { name: 'Save draft' }).click();

      await page.getByRole('heading', { name: 'Recordatorio VIP' }).waitFor();
      const forecast = page.getByRole('region', { name: 'Forecast' });
      // Before sending: the whole segment at the campaign's limit.
      await forecast.getByText(/1,000 left at 40 per second/).waitFor();
      await page.getByRole('button', { name: 'Start' }).click();
      await page.getByText('Scheduled', { exact: true }).waitFor();

      await page.getByText('Sending', { exact: true }).waitFor({ timeout: 30_000 });
      expect(await count('Targeted')).toBe(vips);
      expect(await count('Skipped')).toBe(vipsWithoutPhone);
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.getByText('Paused', { exact: true }).waitFor();

      // The chunks in flight finish; then nothing more goes out until resume.
      const campaignId = page.url().split('/').at(-1)!;
      const handle = omni.temporal.workflow.getHandle(`campaign-${campaignId}`);
      await eventually(async () => {
        const described = await handle.describe();
        return (described.raw.pendingActivities?.length ?? 0) === 0 ? true : undefined;
      }, 30_000);
      const whilePaused = smsc.messages().length;
      expect(whilePaused).toBeGreaterThan(0);
      expect(whilePaused).toBeLessThan(vips - vipsWithoutPhone);
      await eventually(async () => ((await count('Sent')) === whilePaused ? true : undefined));
      await forecast
        .getByText(new RegExp(`${(vips - vipsWithoutPhone - whilePaused).toLocaleString('en-US')} left`))
        .waitFor();
      await screenshot(page, 'campaign-paused');
      expect(smsc.messages().length).toBe(whilePaused);

      await page.getByRole('button', { name: 'Resume' }).click();
      await page.getByText('Finished', { exact: true }).waitFor({ timeout: 60_000 });
      await forecast.getByText('Nothing left to send').waitFor();
      const received = smsc.messages();
      expect(received.length).toBe(vips - vipsWithoutPhone);
      expect(new Set(received.map((m) => m.destination)).size).toBe(vips - vipsWithoutPhone);
      expect(received.every((m) => Number(m.destination.slice(-6)) % 2 === 0)).toBe(true);

      // Receipts: 1 in 10 undelivered, the rest delivered; the page keeps reading while receipts are due.
      await Promise.all(
        received.map((m, i) => smsc.sendReceipt(m.parts[0]!.messageId, i % 10 === 0 ? 'UNDELIV' : 'DELIVRD')),
      );
      const undelivered = Math.ceil((vips - vipsWithoutPhone) / 10);
      await eventually(
        async () => ((await count('Delivered')) === vips - vipsWithoutPhone - undelivered ? true : undefined),
        30_000,
      );
      expect(await count('Undelivered')).toBe(undelivered);
      expect(await count('Awaiting receipt')).toBe(0);
      expect(await count('Sent')).toBe(vips - vipsWithoutPhone);
      await page
        .getByText(/No phone number|no address/i)
        .first()
        .waitFor();
      await screenshot(page, 'campaign-detail');
    }, 240_000);
  },
);
