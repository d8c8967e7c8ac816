import { generateKeyPairSync } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dkimKeys, newId, users } from '@omniflow/db';
import { channelResolverOf } from '../../src/api/channel-resolver-of.ts';
import { hashPassword } from '../../src/auth/passwords.ts';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, type BuilderSession } from '../support/builder-page.ts';
import { hasDnsmasq, startDnsmasq, type LocalDns } from '../support/dnsmasq.ts';
import { txtRecord } from '../support/dns-zone.ts';
import { screenshot } from '../support/screenshot.ts';

// A designer: they prepare the mail flows send, so they may check the domain (channels stay admin-only).
const designer = { email: 'disena@example.test', password: 'designer password, long enough' };

const publicKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .publicKey.export({ type: 'spki', format: 'der' })
  .toString('base64');

describe.skipIf(!hasChromium || !hasDnsmasq)('settings in Chromium: checking a sending domain’s DNS', () => {
  let dns: LocalDns;
  let session: BuilderSession;
  let page: Page;

  beforeAll(async () => {
    // ayuda.test sends through its own server: SPF right, the DKIM key not yet published, DMARC
    // watching only, MX right.
    dns = await startDnsmasq([
      'local=/test/',
      'host-record=mail.ayuda.test,192.0.2.25',
      txtRecord('ayuda.test', 'v=spf1 mx a:mail.ayuda.test ~all'),
      txtRecord('_dmarc.ayuda.test', 'v=DMARC1; p=none; rua=mailto:dmarc@ayuda.test'),
      'mx-host=ayuda.test,mail.ayuda.test,10',
    ]);
    session = await openBuilder(
      { viewport: { width: 1280, height: 1180 } },
      { appDeps: { dnsServers: [dns.server] } },
    );
    page = session.page;
    const { omni } = session;
    const workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    await channelResolverOf(omni.deps).store.save(workspaceId, 'email', {
      provider: 'smtp',
      config: { host: 'mail.ayuda.test', port: 587, security: 'starttls', fromAddress: 'hola@ayuda.test' },
      secrets: { password: 'relay password' },
    });
    await omni.handle.db.insert(users).values({
      id: newId(),
      workspaceId,
      email: designer.email,
      passwordHash: await hashPassword(designer.password),
      role: 'designer',
    });
    await omni.handle.db.insert(dkimKeys).values({
      id: newId(),
      workspaceId,
      domain: 'ayuda.test',
      selector: 'omniflow',
      publicKey,
      privateKeySealed: 'sealed by the key store',
      keyId: 'test',
    });
  }, 180_000);
  afterAll(async () => {
    await session?.close();
    await dns?.stop();
  });

  it('shows a designer each record in plain words, with the DKIM record to publish', async () => {
    await page.goto(session.omni.url);
    await page.getByLabel('Email').fill(designer.email);
    await page.getByLabel('Password').fill(designer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    const section = page.getByRole('region', { name: 'Email deliverability' });
    const domain = section.getByLabel('Sending domain');
    // The From address's domain is offered before anything is checked.
    await expect.poll(() => domain.inputValue()).toBe('ayuda.test');
    await section.getByRole('button', { name: 'Check' }).click();
    await section.getByRole('status').filter({ hasText: 'ayuda.test: 3 of 4 records correct' }).waitFor();

    const dkim = section.getByRole('article', { name: 'DKIM — the signature on every mail' });
    expect(await dkim.getByTestId('check-status').textContent()).toBe('Needs fixing');
    expect(await dkim.textContent()).toContain('Nothing is published at omniflow._domainkey.ayuda.test');
    expect(await dkim.getByTestId('record-value').textContent()).toBe(`v=DKIM1; k=rsa; p=${publicKey}`);
    const spf = section.getByRole('article', { name: 'SPF — which servers may send as you' });
    expect(await spf.textContent()).toContain(
      'SPF lets your SMTP server mail.ayuda.test send mail for ayuda.test',
    );
    const dmarc = section.getByRole('article', { name: 'DMARC — what receivers do with mail that fails' });
    expect(await dmarc.textContent()).toContain('watch-only mode (p=none)');

    // The section at the top of the picture.
    await page.mouse.wheel(0, (await section.boundingBox())!.y);
    await expect.poll(async () => Math.round((await section.boundingBox())!.y)).toBe(0);
    await screenshot(page, 'settings-deliverability');

    // A domain that is not one is refused with the server's words, not a blank report.
    await domain.fill('not a domain');
    await section.getByRole('button', { name: 'Check' }).click();
    await section.getByRole('alert').filter({ hasText: 'domain must be a domain name' }).waitFor();
  }, 120_000);
});
