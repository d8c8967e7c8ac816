import { describe, expect, it } from 'vitest';
import { parseMail } from '@omniflow/nodes/drivers/email';
import { SandboxDriver, type OutboundMessage } from '@omniflow/nodes/drivers/messaging';
import { applyMailReport } from '../../src/email/apply-mail-report.ts';
import { emailLinksFromEnv } from '../../src/email/email-links-from-env.ts';
import { createMessagingService } from '../../src/messaging/messaging-service.ts';
import { hasChromium } from '../support/browser.ts';
import { builderForSuite, signIn, type BuilderSession } from '../support/builder-page.ts';
import { screenshot } from '../support/screenshot.ts';
import { publishFlow, runReaches } from '../support/test-omniflow.ts';

/** The email sandbox, keeping the mail as it was handed over (decorated). */
class KeepingDriver extends SandboxDriver {
  readonly handed: OutboundMessage[] = [];
  constructor() {
    super('email');
  }
  override async send(message: OutboundMessage) {
    this.handed.push(message);
    return super.send(message);
  }
}

const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

describe.skipIf(!hasChromium)('what happened to a run’s mail, in Chromium', () => {
  let session: BuilderSession;
  builderForSuite((opened) => (session = opened), {}, { worker: true });

  it('shows opens (proxy ones apart), clicks and a hard bounce on the run timeline', async () => {
    const { omni, page } = session;
    const flowId = await publishFlow(omni, {
      name: 'Boletín municipal',
      nodes: [
        { id: 'start', type: 'flow.start', config: {} },
        { id: 'end', type: 'flow.end', config: {} },
      ],
      edges: [{ id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'end' } }],
    });
    const runId = (await omni.call('POST', '/api/v1/runs', { flowId, input: {} })).body.id;
    await runReaches(omni, runId, ['completed']);
    const workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    const driver = new KeepingDriver();
    const service = createMessagingService({
      db: omni.handle.db,
      drivers: { email: driver },
      emailLinks: emailLinksFromEnv({ OMNIFLOW_PUBLIC_URL: omni.url }, omni.deps.secretKeyring!),
    });
    const send = (to: string, seq: number) =>
      service.forStep({ runId, nodeId: 'end', idempotencyKey: `${runId}:end:${seq}` }).send('email', {
        to,
        text: 'Agenda de diciembre',
        email: {
          subject: 'Agenda',
          html: '<html lang="es"><body><a href="https://example.org/agenda">Agenda</a></body></html>',
          marketing: true,
        },
      });
    await send('ana@example.org', 1);
    const html = driver.handed[0]!.email!.html!;
    const pixel = pathOf(/<img src="([^"]+)"/.exec(html)![1]!);
    const click = pathOf(/href="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&'));
    await omni.app.request(pixel, { headers: { 'user-agent': 'Mozilla/5.0' } });
    await omni.app.request(pixel, { headers: { 'user-agent': 'Thunderbird/128.0' } });
    await omni.app.request(click, { headers: { 'user-agent': 'Thunderbird/128.0' } });
    const gone = await send('nobody@refuse.test', 2);
    const dsn = [
      'From: MAILER-DAEMON@mx.example.org',
      'To: bounces@omniflow.test',
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <dsn-1@mx.example.org>',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
      '',
      '--B',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.org',
      '',
      'Final-Recipient: rfc822; nobody@refuse.test',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
      '',
      '--B',
      'Content-Type: text/rfc822-headers',
      '',
      `Message-ID: <${gone.providerMessageId}>`,
      '',
      '--B--',
      '',
    ].join('\r\n');
    await applyMailReport(omni.handle.db, workspaceId, await parseMail(dsn));

    await page.goto(omni.url);
    await signIn(session);
    await page.goto(`${omni.url}/#/runs/${runId}`);
    const events = page.getByRole('list', { name: 'After it left' });
    await events.first().waitFor();
    expect(await events.count()).toBe(2);
    const opened = await events.first().textContent();
    expect(opened).toMatch(/Image loaded by the mail provider/);
    expect(opened).toMatch(/Opened at/);
    expect(opened).toMatch(/Link clicked at .*https:\/\/example\.org\/agenda/);
    expect(await events.nth(1).textContent()).toMatch(/Bounced at .*the address does not exist \(5\.1\.1\)/);
    await events.nth(1).scrollIntoViewIfNeeded();
    await screenshot(page, 'email-run-timeline');
  });
});
