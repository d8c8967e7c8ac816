import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpSink } from '@omniflow/nodes/drivers/email/testing';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, signIn, type BuilderSession } from '../support/builder-page.ts';
import { screenshot } from '../support/screenshot.ts';

describe.skipIf(!hasChromium)('settings in Chromium: an admin connects email and signs it with DKIM', () => {
  let session: BuilderSession;
  let page: Page;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    session = await openBuilder({ viewport: { width: 1280, height: 1400 } });
    page = session.page;
  }, 180_000);
  afterAll(async () => {
    await session?.close();
    await sink?.close();
  });

  it('saves an SMTP account, tests it, and makes a DKIM key whose DNS record it shows', async () => {
    await page.goto(session.omni.url);
    await signIn(session);
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    const email = page.getByRole('article', { name: 'Email' });
    const form = email.getByRole('form', { name: 'Email provider settings' });
    await form.getByLabel('Provider').selectOption('smtp');
    await form.getByLabel('SMTP server').fill('127.0.0.1');
    await form.getByLabel('Port').fill(String(sink.port));
    await form.getByLabel('Security').selectOption('none');
    await form.getByLabel('From address').fill('ayuda@omniflow.test');
    await form.getByLabel('From name').fill('Ayuda');
    await form.getByRole('button', { name: 'Save' }).click();
    await email.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await email.getByTestId('provider-in-use').filter({ hasText: 'SMTP (your mail server)' }).waitFor();
    await email.getByRole('button', { name: 'Test connection' }).click();
    await email
      .getByRole('status')
      .filter({ hasText: `Connected: 127.0.0.1:${sink.port} answered` })
      .waitFor();

    const dkim = page.getByRole('region', { name: 'Email signing (DKIM)' });
    await dkim.getByLabel('Sending domain').fill('omniflow.test');
    await dkim.getByLabel('Selector').fill('of2026');
    await dkim.getByRole('button', { name: 'Create key' }).click();
    const card = dkim.getByRole('article', { name: 'omniflow.test' });
    await card.getByText('of2026._domainkey.omniflow.test', { exact: true }).waitFor();
    const keys = await session.omni.call('GET', '/api/v1/dkim-keys');
    expect(keys.body.items[0].dnsRecord.value).toMatch(/^v=DKIM1; k=rsa; p=[A-Za-z0-9+/=]+$/);
    await card.getByText(keys.body.items[0].dnsRecord.value, { exact: true }).waitFor();
    await email.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-email');
  }, 120_000);
});
