import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { builderForSuite, signIn, type BuilderSession } from '../support/builder-page.ts';
import { sendOnlyFlow } from '../support/flows.ts';
import { screenshot } from '../support/screenshot.ts';
import { publishFlow } from '../support/test-omniflow.ts';

describe.skipIf(!hasChromium)('the sandbox banner in Chromium', () => {
  let session: BuilderSession;
  let page: Page;
  builderForSuite((opened) => ({ page } = session = opened), {}, { worker: false });

  it('warns on every screen while a published flow sends on a sandbox channel, and leads to Settings', async () => {
    await publishFlow(session.omni, sendOnlyFlow('Appointment reminder', 'sms', 'Tu cita es mañana'));
    await page.goto(session.omni.url);
    await signIn(session);
    const banner = page.getByRole('alert').filter({ hasText: 'through the sandbox' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('SMS');
    expect(await banner.textContent()).toContain('Appointment reminder');
    await screenshot(page, 'sandbox-banner');
    await page.getByRole('link', { name: 'Runs', exact: true }).click();
    await banner.waitFor();
    await banner.getByRole('link', { name: 'Connect a provider in Settings' }).click();
    await page.getByRole('article', { name: 'SMS' }).waitFor();
  });
});
