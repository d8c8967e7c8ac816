import { describe, expect, it } from 'vitest';
import { newId } from '@omniflow/db';
import { createMessagingService } from '../../src/messaging/messaging-service.ts';
import { routeInbound } from '../../src/messaging/route-inbound.ts';
import { hasChromium } from '../support/browser.ts';
import { builderForSuite, signIn, type BuilderSession } from '../support/builder-page.ts';
import { screenshot } from '../support/screenshot.ts';

describe.skipIf(!hasChromium)('contacts, in Chromium', () => {
  let session: BuilderSession;
  builderForSuite((opened) => (session = opened), {}, { worker: false });

  it('creates a person, then sees their WhatsApp message on the timeline', async () => {
    const { omni, page } = session;
    await page.goto(omni.url);
    await signIn(session);
    await page.getByRole('link', { name: 'Contacts', exact: true }).click();
    await page.getByRole('button', { name: 'New contact' }).click();
    const dialog = page.getByRole('dialog', { name: 'New contact' });
    await dialog.getByLabel('First name').fill('Rosa');
    await dialog.getByLabel('Last name').fill('Mamani');
    await dialog.getByLabel('Time zone').selectOption('America/Lima');
    await dialog.getByLabel('Channel').selectOption('whatsapp');
    await dialog.getByLabel('Address').fill('+51 911 222 333');
    await dialog.getByLabel('The person agreed to be written to here').check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Rosa Mamani' }).waitFor();
    expect(await page.getByText('+51911222333').count()).toBe(1);
    await page.getByText('Nothing has happened with this person yet.').waitFor();

    // She writes on WhatsApp: the inbound path finds her by the address and names her on the row.
    const workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    const routed = await routeInbound(
      {
        db: omni.handle.db,
        temporal: omni.temporal,
        taskQueue: omni.taskQueue,
        messaging: createMessagingService({ db: omni.handle.db, drivers: {} }),
      },
      workspaceId,
      {
        channel: 'whatsapp',
        from: '+51911222333',
        to: '+5115550000',
        providerMessageId: `wamid.${newId()}`,
        text: '¿A qué hora es mi cita?',
        receivedAt: new Date(),
      },
    );
    expect(routed.outcome).toBe('unrouted');
    await page.reload();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('¿A qué hora es mi cita?').waitFor();
    const entry = timeline.getByRole('listitem').first();
    expect(await entry.textContent()).toMatch(/Received.*just now/);
    expect(await entry.getByRole('img', { name: 'WhatsApp' }).count()).toBe(1);
    await screenshot(page, 'contact-timeline');
  });
});
