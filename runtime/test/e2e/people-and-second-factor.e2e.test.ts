import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userRoles } from '@omniflow/db';
import { totpCode } from '../../src/people/totp.ts';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, signIn, type BuilderSession } from '../support/builder-page.ts';
import { screenshot } from '../support/screenshot.ts';

// Whichever role comes after admin in the enum: the test follows the role list, not a copy of it.
const memberRole = userRoles.find((r) => r !== 'admin')!;

describe.skipIf(!hasChromium)(
  'builder in Chromium: inviting a person who signs in with a second factor',
  () => {
    let session: BuilderSession;
    let page: Page;

    beforeAll(async () => {
      session = await openBuilder();
      page = session.page;
    }, 180_000);
    afterAll(async () => session?.close());

    const signOut = () => page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();

    it('invites, accepts the link, turns on the code, and signs in with password and code; no People for a member', async () => {
      const email = 'nuria@example.test';
      const password = 'a long walk by the sea';
      await page.goto(session.omni.url);
      await signIn(session);
      await page.getByRole('navigation').getByRole('link', { name: 'People' }).click();
      await page.getByRole('heading', { name: 'People', exact: true }).waitFor();

      const invite = page.getByRole('region', { name: 'Invite a person' });
      await invite.getByLabel('Email').fill(email);
      await invite.getByLabel('Name').fill('Núria Vidal');
      await invite.getByLabel('Language').selectOption('en');
      await invite.getByLabel('Role').selectOption(memberRole);
      await invite.getByRole('button', { name: 'Send invitation' }).click();
      // No email channel on this install: the admin is shown the link to hand over.
      const link = (await invite.getByRole('status').locator('code').textContent())!;
      expect(link).toMatch(new RegExp(`^${session.omni.url}/#/invitation/[\\w-]+$`));
      await page.getByText('Invitations waiting').waitFor();
      await screenshot(page, 'people');
      await signOut();

      // The invited person opens the link.
      await page.goto(link);
      await page.getByRole('heading', { name: 'Welcome to Omniflow' }).waitFor();
      await page.getByLabel('New password').fill('short');
      await page.getByLabel('Repeat the password').fill('short');
      await page.getByRole('button', { name: 'Save and sign in' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('at least 12 characters');
      await page.getByLabel('New password').fill(password);
      await page.getByLabel('Repeat the password').fill(password);
      await page.getByRole('button', { name: 'Save and sign in' }).click();
      await page.getByRole('heading', { name: 'Flows' }).waitFor();
      // Managing people is an admin's: a member is not offered it.
      expect(await page.getByRole('navigation').getByRole('link', { name: 'People' }).count()).toBe(0);

      // Their account: turn on the sign-in code.
      await page.getByRole('link', { name: email }).click();
      await page.getByRole('heading', { name: 'My account' }).waitFor();
      await page.getByRole('button', { name: 'Set up' }).click();
      await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
      const secret = (await page.getByTestId('totp-secret').textContent())!;
      await page.getByLabel('Code from the app').fill(totpCode(secret));
      await page.getByRole('button', { name: 'Confirm' }).click();
      const codes = page.getByRole('list', { name: /recovery codes/ }).getByRole('listitem');
      await expect.poll(() => codes.count()).toBe(10);
      await page.getByText(/On: your password and a code from your app are asked/).waitFor();
      await screenshot(page, 'account');
      await signOut();

      // Password first, then the code (the next time step: the one confirmed is spent).
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Enter your sign-in code' }).waitFor();
      await page.getByLabel('Code', { exact: true }).fill('000000');
      await page.getByRole('button', { name: 'Verify' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('not right');
      await page.getByLabel('Code', { exact: true }).fill(totpCode(secret, Date.now() + 30_000));
      await page.getByRole('button', { name: 'Verify' }).click();
      await page.getByRole('heading', { name: 'Flows' }).waitFor();
      expect(await page.getByRole('link', { name: email }).count()).toBe(1);
      expect(await page.getByRole('navigation').getByRole('link', { name: 'People' }).count()).toBe(0);

      // The admin sees them active with the code on.
      const people = await session.omni.call('GET', '/api/v1/people');
      expect(people.body.items.find((p: { email: string }) => p.email === email)).toMatchObject({
        status: 'active',
        secondFactor: true,
        role: memberRole,
      });
    }, 180_000);
  },
);
