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
const sent = vips - vipsWithoutPhone;
// Receipts: 1 in 10 undelivered.
const delivered = sent - Math.ceil(sent / 10);
// A bag the delivered messages fill to 80 %.
const bag = 1100;
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

    it('sets a bag of SMS in Settings and shows it unused', async () => {
      await page.goto(session.omni.url);
      await signIn(session);
      await page.getByRole('link', { name: 'Settings', exact: true }).click();
      const form = page.getByRole('form', { name: 'Set a bag (admins)' });
      await form.getByLabel('Channel').selectOption({ label: 'SMS' });
      await form.getByLabel('Period').selectOption({ label: 'per year' });
      await form.getByLabel('Messages').fill(String(bag));
      await form.getByRole('button', { name: 'Save' }).click();
      await form.getByText('Saved').waitFor();
      const quotas = page.getByRole('region', { name: 'Quotas' });
      await quotas.getByText(`0 of ${bag.toLocaleString('en-US')} used (0 %)`).waitFor();
      expect(await quotas.getByText(/top it up/).count()).toBe(0);
    });

    it('builds a segment, schedules an SMS campaign to it, pauses, resumes and counts exactly', async () => {
      const { omni } = session;

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
      // One message to each person, by SMS: the form's first kind and channel.
      await page.getByRole('radio', { name: 'One message to each person' }).check();
      await page.getByRole('button', { name: 'Remove SMS' }).waitFor();
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
        .getByText(
          `${(vips - vipsWithoutPhone - whilePaused).toLocaleString('en-US')} left; paused, so no finish time until it resumes`,
        )
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

    it('shows in Settings what the deliveries used of the bag, with the warning from 80 %', async () => {
      await page.getByRole('link', { name: 'Settings', exact: true }).click();
      const quotas = page.getByRole('region', { name: 'Quotas' });
      // Only delivered messages count: 882 of 1,100 is 80.2 %.
      await quotas
        .getByText(`${delivered.toLocaleString('en-US')} of ${bag.toLocaleString('en-US')} used (80.2 %)`)
        .waitFor();
      await quotas
        .getByText(`${(bag - delivered).toLocaleString('en-US')} left`, { exact: false })
        .first()
        .waitFor();
      await quotas.getByText('The SMS bag is at 80.2 %: top it up before sends stop.').waitFor();
      await screenshot(page, 'quotas-warning');
    });

    it('saves the workspace’s campaign settings in Settings → Campaigns and contacts', async () => {
      const section = page.getByRole('region', { name: 'Campaigns and contacts' });
      await section.getByLabel('Default country of phone numbers').selectOption('PE');
      await section.getByLabel('Search time zones').fill('lima');
      await section.getByRole('listbox', { name: 'Time zone' }).selectOption('America/Lima');
      await section.getByText(/Local time there now: \d\d:\d\d/).waitFor();
      await section.getByLabel('Send nothing at night').check();
      await section.getByLabel('From', { exact: true }).fill('21:00');
      await section.getByLabel('Until', { exact: true }).fill('08:00');
      await section.getByLabel('Limit marketing messages per person').check();
      await section.getByLabel('Messages', { exact: true }).fill('2');
      await section.getByLabel('Days', { exact: true }).fill('7');
      await section
        .getByText('Nobody gets more than 2 marketing messages in any 7 days, across campaigns and channels.')
        .waitFor();
      await section.getByRole('button', { name: 'Save' }).click();
      await section.getByRole('status').getByText('Saved', { exact: true }).waitFor();
      const saved = await session.omni.call('GET', '/api/v1/workspace/campaign-settings');
      expect(saved.body).toEqual({
        timezone: 'America/Lima',
        quietHours: { from: '21:00', to: '08:00' },
        frequencyCap: { messages: 2, days: 7 },
      });
      expect((await session.omni.call('GET', '/api/v1/workspace/default-country')).body).toEqual({
        country: 'PE',
      });

      // What was saved is what the page shows after a reload.
      await page.reload();
      await section.getByRole('listbox', { name: 'Time zone' }).waitFor();
      expect(await section.getByRole('listbox', { name: 'Time zone' }).inputValue()).toBe('America/Lima');
      // The section's heading at the top of the picture.
      await page.evaluate("document.getElementById('settings-campaigns').scrollIntoView({ block: 'start' })");
      await screenshot(page, 'settings-campaigns');

      // In Spanish, the same settings in Spanish words.
      await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('es');
      const seccion = page.getByRole('region', { name: 'Campañas y contactos' });
      await seccion.getByText('Hora local allí ahora:', { exact: false }).waitFor();
      await seccion
        .getByText('Nadie recibe más de 2 mensajes de marketing en 7 días, sumando campañas y canales.')
        .waitFor();
      expect(await seccion.getByLabel('País por defecto de los teléfonos').inputValue()).toBe('PE');
      await page.getByRole('combobox', { name: 'Idioma', exact: true }).selectOption('en');
    });
  },
);
