import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caughtMails, newId } from '@omniflow/db';
import { MailCatcherDriver } from '@omniflow/nodes/drivers/email';
import { hasChromium } from '../support/browser.ts';
import { openBuilder, signIn, type BuilderSession } from '../support/builder-page.ts';
import { emailAutoReplyFlow } from '../support/flows.ts';
import { screenshot } from '../support/screenshot.ts';
import { publishFlow } from '../support/test-omniflow.ts';

describe.skipIf(!hasChromium)('the mail catcher in Chromium: an inbox answered by a flow', () => {
  let session: BuilderSession;
  let page: Page;
  let statusLink: string;

  beforeAll(async () => {
    session = await openBuilder({ viewport: { width: 1280, height: 900 } });
    page = session.page;
    // A link on the API itself, so the new tab it opens has something to show.
    statusLink = `${session.omni.url}/api/v1/health`;
    await publishFlow(session.omni, emailAutoReplyFlow('Help desk', 'help@desk.example', statusLink));
  }, 180_000);
  afterAll(async () => session?.close());

  it('writes a mail to the flow and shows its reply: text with working links, and headers', async () => {
    await page.goto(session.omni.url);
    await signIn(session);
    await page.getByRole('link', { name: 'Mail', exact: true }).click();
    await page.getByText('No mail yet').waitFor();
    await page.getByRole('button', { name: 'Write a mail to your flows' }).click();
    await page.getByLabel('From (the person)').fill('ana@example.org');
    await page.getByLabel('To (your flow’s address)').fill('help@desk.example');
    await page.getByLabel('Subject').fill('Mi factura de marzo');
    await page.getByLabel('Text').fill('No me llegó la factura');
    await page.getByRole('button', { name: 'Send mail' }).click();
    await page.getByText('Started a run').waitFor();

    // The list picks the flow's answer up by itself.
    const reply = page.getByRole('button', { name: /Re: Mi factura de marzo/ });
    await reply.waitFor({ timeout: 20_000 });
    await reply.click();
    await page.getByRole('heading', { name: 'Re: Mi factura de marzo' }).waitFor();
    // A text-only mail opens on its text part.
    const panel = page.getByRole('tabpanel');
    await panel.getByText('«No me llegó la factura»').waitFor();
    const [tab] = await Promise.all([
      page.context().waitForEvent('page'),
      panel.getByRole('link', { name: statusLink }).click(),
    ]);
    await tab.waitForLoadState();
    expect(tab.url()).toBe(statusLink);
    await tab.close();

    await page.getByRole('tab', { name: 'Headers' }).click();
    await panel.getByRole('cell', { name: 'Message-ID' }).waitFor();
    await panel.getByRole('cell', { name: 'ana@example.org', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Open the run that sent it' }).waitFor();
  }, 90_000);

  it('shows a mail’s HTML in a sandboxed frame whose links open in a new tab', async () => {
    const db = session.omni.handle.db;
    const workspaceId = (await db.query.workspaces.findFirst())!.id;
    // A newsletter built by the catcher itself, kept straight in the workspace's mail.
    const catcher = new MailCatcherDriver({
      from: 'news@desk.example',
      keep: async (mail) =>
        void (await db.insert(caughtMails).values({
          id: newId(),
          workspaceId,
          fromAddress: mail.from,
          toAddresses: mail.to,
          subject: mail.subject,
          raw: mail.raw,
        })),
    });
    await catcher.send({
      to: 'ana@example.org',
      text: `Novedades de marzo. Leer más: ${statusLink}`,
      email: {
        subject: 'Novedades de marzo',
        fromName: 'Mesa de ayuda',
        marketing: true,
        unsubscribeUrl: statusLink,
        html: `<div style="font-family:sans-serif;max-width:560px;margin:auto"><h1 style="color:#4338ca">Novedades de marzo</h1><p>Hola Ana, este mes respondemos tus correos en menos de una hora.</p><p><a id="more" href="${statusLink}" style="background:#4338ca;color:white;padding:8px 14px;border-radius:6px;text-decoration:none">Leer más</a></p><script>document.body.dataset.ran = 'yes'</script><p style="color:#64748b;font-size:12px">¿No quieres más correos? <a href="${statusLink}">Darte de baja</a></p></div>`,
      },
      idempotencyKey: 'newsletter-1',
    });

    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByRole('button', { name: /Novedades de marzo/ }).click();
    const frame = page.getByTitle('HTML preview of “Novedades de marzo”');
    await frame.waitFor();
    const sandbox = (await frame.getAttribute('sandbox')) ?? '';
    expect(sandbox).not.toContain('allow-scripts');
    expect(sandbox).not.toContain('allow-same-origin');
    const inside = page.frameLocator('iframe[title^="HTML preview"]');
    await inside.getByRole('heading', { name: 'Novedades de marzo' }).waitFor();
    // The mail's script never ran.
    expect(await inside.locator('body').getAttribute('data-ran')).toBeNull();
    await page.getByRole('link', { name: 'Unsubscribe link' }).waitFor();
    await screenshot(page, 'mail-catcher');

    const [tab] = await Promise.all([page.context().waitForEvent('page'), inside.locator('#more').click()]);
    await tab.waitForLoadState();
    expect(tab.url()).toBe(statusLink);
    await tab.close();
  }, 90_000);

  it('tests an email flow’s draft on the editor’s phone, its answer also in the catcher', async () => {
    const flows = await session.omni.call('GET', '/api/v1/flows');
    const flowId = flows.body.items.find((f: { name: string }) => f.name === 'Help desk').id as string;
    await page.goto(`${session.omni.url}/#/flows/${flowId}`);
    await page.getByRole('tab', { name: 'Test run' }).click();
    const phone = page.getByRole('region', { name: /You, on Email/ });
    await phone.getByLabel('Message').fill('¿Abren el sábado?');
    await phone.getByLabel('Message').press('Enter');
    await phone.getByText(/recibimos tu correo: «¿Abren el sábado\?»/).waitFor({ timeout: 20_000 });
    const runs = await session.omni.call('GET', `/api/v1/runs?flowId=${flowId}`);
    const test = runs.body.items.find((r: { test: boolean }) => r.test);
    expect(test.contact).toMatch(/^sim-[0-9a-f]+@simulator\.invalid$/);
    const caught = await session.omni.call('GET', '/api/v1/mail-catcher/mails');
    expect(caught.body.items.some((m: { to: string[] }) => m.to.includes(test.contact))).toBe(true);
  }, 90_000);
});
