import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/create-app.ts';
import { mailIntakeFromEnv } from '../../src/email/mail-intake-from-env.ts';
import { startMailIntake, type MailIntake } from '../../src/email/start-mail-intake.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { startDovecot, type Dovecot } from '../support/dovecot.ts';
import { screenshot } from '../support/screenshot.ts';
import { buildBuilder, listen } from '../support/serve-omniflow.ts';
import { startTestOmniflow, type TestOmniflow } from '../support/test-omniflow.ts';

describe.skipIf(!hasChromium)('settings in Chromium: an admin connects a mailbox read over IMAP', () => {
  let omni: TestOmniflow;
  let dovecot: Dovecot;
  let intake: MailIntake;
  let served: Awaited<ReturnType<typeof listen>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dovecot = await startDovecot();
    omni = await startTestOmniflow({ builderDir: buildBuilder() });
    intake = await startMailIntake({
      db: omni.handle.db,
      temporal: omni.temporal,
      taskQueue: omni.taskQueue,
      settings: mailIntakeFromEnv({}),
      keyring: omni.deps.secretKeyring!,
      log: () => undefined,
    });
    served = await listen(createApp({ ...omni.deps, workspaceMailboxes: intake.mailboxes! }));
    browser = await launchChromium();
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 1280, height: 1300 } });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await intake?.stop();
    await omni?.close();
    await dovecot?.stop();
  });

  it('tests the connection, saves it, and shows the mailbox working', async () => {
    await page.goto(served.url);
    await page.getByLabel('Email').fill(omni.admin.email);
    await page.getByLabel('Password').fill(omni.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    const section = page.getByRole('region', { name: 'Mailboxes read by Omniflow' });
    await section.getByRole('button', { name: 'Connect a mailbox' }).click();
    const form = section.getByRole('form', { name: 'Connect a mailbox' });
    await form.getByLabel('IMAP server').fill(dovecot.host);
    await form.getByLabel('Security').selectOption('none');
    await form.getByLabel('Port', { exact: true }).fill(String(dovecot.port));
    await form.getByLabel('User name').fill(dovecot.user);

    // A wrong password is told in words before anything is saved.
    await form.getByLabel('Password', { exact: true }).fill('not-the-password');
    await form.getByRole('button', { name: 'Test connection' }).click();
    const refused = form.locator('[role=status][data-kind=failed]');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/password|user name/i);

    await form.getByLabel('Password', { exact: true }).fill(dovecot.password);
    await form.getByRole('button', { name: 'Test connection' }).click();
    await form.locator('[role=status][data-kind=ok]').waitFor();
    await form.getByRole('button', { name: 'Save' }).click();
    const card = section.getByRole('article', { name: dovecot.user });
    await card.getByText('Working', { exact: true }).waitFor({ timeout: 30_000 });
    const saved = await omni.call('GET', '/api/v1/mail/mailboxes');
    expect(saved.body.items).toHaveLength(1);
    expect(JSON.stringify(saved.body)).not.toContain(dovecot.password);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-imap');
  }, 120_000);
});
