import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { builderForSuite, signIn, type BuilderSession } from '../support/builder-page.ts';
import { screenshot } from '../support/screenshot.ts';

const accountSid = `AC${'0123456789abcdef'.repeat(2)}`;
const authToken = 'e2e-twilio-auth-token-never-shown';

describe.skipIf(!hasChromium)('settings in Chromium: an admin connects SMS to Twilio', () => {
  let session: BuilderSession;
  let page: Page;
  builderForSuite((opened) => ({ page } = session = opened), { viewport: { width: 1280, height: 1100 } });

  it('saves Twilio settings through the form; the API shows them with the token set, never its value', async () => {
    await page.goto(session.omni.url);
    await signIn(session);
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    const sms = page.getByRole('article', { name: 'SMS' });
    await sms.getByTestId('provider-in-use').filter({ hasText: 'Sandbox (no account)' }).waitFor();

    const form = sms.getByRole('form', { name: 'SMS provider settings' });
    await form.getByLabel('Provider').selectOption('twilio');
    await form.getByLabel('Account SID').fill(accountSid);
    await form.getByLabel('Auth token').fill(authToken);
    await form.getByLabel('From (a Twilio number)').fill('+34911000001');
    await form.getByRole('button', { name: 'Save' }).click();
    await sms.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    // The card now reads back what was saved: Twilio from saved settings, its webhook URLs, and
    // the token only as "set".
    await sms.getByTestId('provider-in-use').filter({ hasText: 'Twilio' }).waitFor();
    expect(await sms.getByText('saved settings').count()).toBe(1);
    expect(await form.getByLabel('Auth token').inputValue()).toBe('');
    expect(await form.getByText('Set — leave empty to keep it').count()).toBe(1);
    const channels = await session.omni.call('GET', '/api/v1/channels');
    const saved = channels.body.items.find((c: { channel: string }) => c.channel === 'sms');
    await sms.getByText(`${session.omni.url}${saved.webhooks.incoming}`).waitFor();
    await sms.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-channels');

    expect(channels.status).toBe(200);
    expect(saved).toMatchObject({
      provider: 'twilio',
      source: 'settings',
      config: { accountSid, from: '+34911000001' },
      secretsSet: ['authToken'],
    });
    expect(JSON.stringify(channels.body)).not.toContain(authToken);
  }, 120_000);
});
