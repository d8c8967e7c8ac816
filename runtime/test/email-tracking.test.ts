import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactChannels, emailEvents, messages } from '@omniflow/db';
import { parseMail } from '@omniflow/nodes/drivers/email';
import { SandboxDriver, type OutboundMessage } from '@omniflow/nodes/drivers/messaging';
import { createMessagingService } from '../src/messaging/messaging-service.ts';
import { workerChannels } from '../src/messaging/worker-channels.ts';
import { emailLinksFromEnv } from '../src/email/email-links-from-env.ts';
import { applyMailReport } from '../src/email/apply-mail-report.ts';
import { publishFlow, runReaches, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const publicUrl = 'https://omniflow.example.com';

/** The email sandbox, keeping what it was handed: the mail as decorated for sending. */
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

const newsletter = (to: string, lang = 'es'): OutboundMessage => ({
  to,
  text: 'Novedades del mes',
  idempotencyKey: 'ignored',
  email: {
    subject: 'Boletín',
    html: `<html lang="${lang}"><body><p>Novedades</p><a href="https://example.org/agenda?mes=12&amp;año=2026">Agenda</a></body></html>`,
    marketing: true,
  },
});

const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};
const hrefs = (html: string) =>
  [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
const pixelOf = (html: string) => /<img src="([^"]+)"/.exec(html)![1]!;

describe('email tracking: opens, clicks, one-click unsubscribe, bounces and complaints', () => {
  let omni: TestOmniflow;
  let runId: string;
  let workspaceId: string;
  let driver: KeepingDriver;
  let service: ReturnType<typeof createMessagingService>;
  let seq = 0;

  const send = (message: OutboundMessage) =>
    service
      .forStep({ runId, nodeId: 'mail', idempotencyKey: `${runId}:mail:${++seq}` })
      .send('email', message);
  const eventsOf = (messageId: string) =>
    omni.handle.db.select().from(emailEvents).where(eq(emailEvents.messageId, messageId));
  const rowOf = async (messageId: string) =>
    (await omni.handle.db.select().from(messages).where(eq(messages.id, messageId)))[0]!;
  const optedOut = async (address: string) =>
    (await omni.handle.db.select().from(contactChannels).where(eq(contactChannels.address, address)))[0]
      ?.optOutKeyword;

  beforeAll(async () => {
    omni = await startTestOmniflow({ env: { OMNIFLOW_PUBLIC_URL: publicUrl } });
    const flowId = await publishFlow(omni, {
      name: 'Boletín',
      nodes: [
        { id: 'start', type: 'flow.start', config: {} },
        { id: 'end', type: 'flow.end', config: {} },
      ],
      edges: [{ id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'end' } }],
    });
    const started = await omni.call('POST', '/api/v1/runs', { flowId, input: {} });
    runId = started.body.id;
    await runReaches(omni, runId, ['completed']);
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    driver = new KeepingDriver();
    service = createMessagingService({
      db: omni.handle.db,
      drivers: { email: driver },
      emailLinks: emailLinksFromEnv({ OMNIFLOW_PUBLIC_URL: publicUrl }, omni.deps.secretKeyring!),
    });
  });
  afterAll(async () => omni?.close());

  it('records opens with time and user agent, and marks proxy opens (Apple, Gmail) as such', async () => {
    const sent = await send(newsletter('ana@example.org'));
    const pixel = pathOf(pixelOf(driver.handed.at(-1)!.email!.html!));
    const fetch = (userAgent: string) => omni.app.request(pixel, { headers: { 'user-agent': userAgent } });
    const person = await fetch(
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)',
    );
    expect(person.status).toBe(200);
    expect(person.headers.get('content-type')).toBe('image/gif');
    expect(person.headers.get('cache-control')).toContain('no-store');
    expect(
      Buffer.from(await person.arrayBuffer())
        .subarray(0, 6)
        .toString(),
    ).toBe('GIF89a');
    await fetch('Mozilla/5.0');
    await fetch('Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)');
    const opens = await eventsOf(sent.messageId);
    expect(opens.map((e) => [e.type, e.proxy])).toEqual([
      ['open', false],
      ['open', true],
      ['open', true],
    ]);
    expect(opens[0]!.userAgent).toContain('Macintosh');
    expect(opens[0]!.at).toBeInstanceOf(Date);
  });

  it('redirects a click to the link as written and records it; a tampered link is a 404, never a redirect', async () => {
    const sent = await send(newsletter('luis@example.org'));
    const [tracked] = hrefs(driver.handed.at(-1)!.email!.html!);
    const response = await omni.app.request(pathOf(tracked!), {
      headers: { 'user-agent': 'Thunderbird/128' },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('https://example.org/agenda?mes=12&año=2026');
    const clicks = (await eventsOf(sent.messageId)).filter((e) => e.type === 'click');
    expect(clicks).toMatchObject([
      { url: 'https://example.org/agenda?mes=12&año=2026', userAgent: 'Thunderbird/128' },
    ]);

    const url = new URL(tracked!);
    const elsewhere = `${url.pathname}?url=${encodeURIComponent('https://evil.example/')}`;
    const [, , , , , id, signature] = url.pathname.split('/');
    const forged = `${url.pathname.replace(signature!, 'A'.repeat(22))}${url.search}`;
    const otherMessage = `${url.pathname.replace(id!, '0190b3c4-0000-7000-8000-000000000099')}${url.search}`;
    for (const path of [
      elsewhere,
      forged,
      otherMessage,
      `${url.pathname}`,
      '/api/v1/email-links/click/x/y?url=https%3A%2F%2Fa.b',
    ]) {
      const refused = await omni.app.request(path);
      expect(refused.status, path).toBe(404);
      expect(refused.headers.get('location')).toBeNull();
      expect(await refused.json()).toMatchObject({ error: { code: 'LINK_INVALID' } });
    }
    expect((await eventsOf(sent.messageId)).filter((e) => e.type === 'click')).toHaveLength(1);
    const badPixel = await omni.app.request(
      pathOf(pixelOf(driver.handed.at(-1)!.email!.html!)).replace(/.$/, 'x'),
    );
    expect(badPixel.status).toBe(404);
  });

  it('unsubscribes with the RFC 8058 one-click POST, and every later send is refused before the driver', async () => {
    const sent = await send(newsletter('marta@example.org'));
    const unsubscribe = driver.handed.at(-1)!.email!.unsubscribeUrl!;
    const response = await omni.app.request(pathOf(unsubscribe), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);
    expect(await optedOut('marta@example.org')).toBe('unsubscribe');
    expect((await eventsOf(sent.messageId)).map((e) => [e.type, e.url])).toEqual([
      ['unsubscribe', 'marta@example.org'],
    ]);
    // A mail program retrying the POST changes nothing.
    await omni.app.request(pathOf(unsubscribe), { method: 'POST', body: 'List-Unsubscribe=One-Click' });
    expect(await eventsOf(sent.messageId)).toHaveLength(1);

    const handed = driver.handed.length;
    await expect(send(newsletter('marta@example.org'))).rejects.toMatchObject({ code: 'OPTED_OUT' });
    expect(driver.handed).toHaveLength(handed);
  });

  it('asks on the es/en page (GET changes nothing) and unsubscribes from its button', async () => {
    await send(newsletter('pablo@example.org', 'en'));
    const unsubscribe = driver.handed.at(-1)!.email!.unsubscribeUrl!;
    expect(unsubscribe).toContain('lang=en');
    const page = await omni.app.request(pathOf(unsubscribe), { headers: { 'accept-language': 'es-ES' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const ask = await page.text();
    expect(ask).toContain('<html lang="en">');
    expect(ask).toContain('Do you want to stop receiving emails from');
    expect(ask).toContain('pablo@example.org');
    expect(ask).toMatch(
      /<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">/,
    );
    expect(await optedOut('pablo@example.org')).toBeUndefined();

    // The form posts to the page's own URL, as a browser would (a signed-in browser sends its Origin).
    const confirm = await omni.app.request(pathOf(unsubscribe), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('Done: you will get no more emails from');
    expect(await optedOut('pablo@example.org')).toBe('unsubscribe');
    const again = await (await omni.app.request(pathOf(unsubscribe).replace('lang=en', 'lang=es'))).text();
    expect(again).toContain('Listo: ya no recibirás más correos de');

    const forged = await omni.app.request(
      pathOf(unsubscribe).replace(/\/[\w-]{22}\?/, `/${'B'.repeat(22)}?`),
      {
        method: 'POST',
        headers: { 'accept-language': 'es' },
      },
    );
    expect(forged.status).toBe(404);
    expect(await forged.text()).toContain('This link is not valid');
  });

  it('shows a mail’s events on the run’s messages and in the messages list', async () => {
    const run = await omni.call('GET', `/api/v1/runs/${runId}`);
    const mail = run.body.messages.find(
      (m: { contactAddress: string }) => m.contactAddress === 'ana@example.org',
    );
    expect(mail.emailEvents.map((e: { type: string; proxy: boolean }) => [e.type, e.proxy])).toEqual([
      ['open', false],
      ['open', true],
      ['open', true],
    ]);
    const listed = await omni.call('GET', `/api/v1/messages?contact=luis@example.org`);
    expect(listed.body.items[0].emailEvents.map((e: { type: string }) => e.type)).toEqual(['click']);
  });

  it('opens at the API the links a worker signed (the same OMNIFLOW_SECRET_KEY, another process)', async () => {
    const keeping = new KeepingDriver();
    const worker = workerChannels({
      db: omni.handle.db,
      env: {
        OMNIFLOW_SECRET_KEY: omni.deps.secretKeyring!().current.key.toString('base64'),
        OMNIFLOW_PUBLIC_URL: publicUrl,
      },
      messagingDrivers: { email: keeping },
    });
    try {
      const sent = await worker.messaging
        .forStep({ runId, nodeId: 'mail', idempotencyKey: `${runId}:mail:worker` })
        .send('email', newsletter('rosa@example.org'));
      const pixel = pixelOf(keeping.handed[0]!.email!.html!);
      expect(pixel.startsWith(`${publicUrl}/api/v1/email-links/open/${sent.messageId}/`)).toBe(true);
      expect((await omni.app.request(pathOf(pixel))).status).toBe(200);
      expect((await eventsOf(sent.messageId)).map((e) => e.type)).toEqual(['open']);
    } finally {
      await worker.resolver.close();
    }
  });

  it('refuses marketing mail when there is no way to sign its unsubscribe link', async () => {
    const bare = createMessagingService({ db: omni.handle.db, drivers: { email: driver } });
    const key = `${runId}:mail:bare`;
    await expect(
      bare
        .forStep({ runId, nodeId: 'mail', idempotencyKey: key })
        .send('email', newsletter('eva@example.org')),
    ).rejects.toMatchObject({ code: 'UNSUBSCRIBE_LINK_UNAVAILABLE' });
    const [row] = await omni.handle.db.select().from(messages).where(eq(messages.idempotencyKey, key));
    expect(row).toMatchObject({ status: 'failed', errorCode: 'UNSUBSCRIBE_LINK_UNAVAILABLE' });
  });

  describe('applyMailReport', () => {
    const dsn = (originalId: string, recipient: string, status: string, action = 'failed', reportId = 'r1') =>
      [
        'From: MAILER-DAEMON@mx.example.org',
        'To: bounces@omniflow.test',
        'Subject: Undelivered Mail Returned to Sender',
        `Message-ID: <${reportId}@mx.example.org>`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
        '',
        '--B',
        'Content-Type: text/plain',
        '',
        'Sorry.',
        '--B',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.org',
        '',
        `Final-Recipient: rfc822; ${recipient}`,
        `Action: ${action}`,
        `Status: ${status}`,
        `Diagnostic-Code: smtp; ${status.startsWith('5') ? '550' : '452'} ${status} said the server`,
        '',
        '--B',
        'Content-Type: text/rfc822-headers',
        '',
        `Message-ID: <${originalId}>`,
        `To: ${recipient}`,
        '',
        '--B--',
        '',
      ].join('\r\n');

    it('marks a hard-bounced mail bounced with the code and diagnostic, and suppresses the address once', async () => {
      const sent = await send(newsletter('gone@example.org'));
      const raw = dsn(sent.providerMessageId, 'gone@example.org', '5.1.1');
      const applied = await applyMailReport(omni.handle.db, workspaceId, await parseMail(raw));
      expect(applied).toMatchObject({ messageIds: [sent.messageId], suppressed: ['gone@example.org'] });
      const row = await rowOf(sent.messageId);
      expect(row).toMatchObject({ status: 'bounced', errorCode: '5.1.1' });
      expect(row.statusHistory.at(-1)).toMatchObject({
        status: 'bounced',
        errorCode: '5.1.1',
        errorMessage: '550 5.1.1 said the server',
      });
      expect(await optedOut('gone@example.org')).toBe('hard-bounce');
      // The same report again (from the mailbox as well as the inbound server) is applied once.
      await applyMailReport(omni.handle.db, workspaceId, await parseMail(raw));
      const bounces = (await eventsOf(sent.messageId)).filter((e) => e.type === 'bounce');
      expect(bounces).toHaveLength(1);
      expect(bounces[0]!.detail).toMatchObject({
        kind: 'hard',
        status: '5.1.1',
        recipient: 'gone@example.org',
      });
      await expect(send(newsletter('gone@example.org'))).rejects.toMatchObject({ code: 'OPTED_OUT' });
    });

    it('keeps a delay in the history only, and fails (without suppressing) a policy refusal', async () => {
      const delayed = await send(newsletter('slow@example.org'));
      await applyMailReport(
        omni.handle.db,
        workspaceId,
        await parseMail(dsn(delayed.providerMessageId, 'slow@example.org', '4.2.2', 'delayed', 'r2')),
      );
      const slow = await rowOf(delayed.messageId);
      expect(slow.status).not.toBe('bounced');
      expect(slow.statusHistory.at(-1)).toMatchObject({ status: slow.status, errorCode: '4.2.2' });
      expect(await optedOut('slow@example.org')).toBeUndefined();

      const refused = await send(newsletter('strict@example.org'));
      await applyMailReport(
        omni.handle.db,
        workspaceId,
        await parseMail(dsn(refused.providerMessageId, 'strict@example.org', '5.7.1', 'failed', 'r3')),
      );
      expect(await rowOf(refused.messageId)).toMatchObject({ status: 'failed', errorCode: '5.7.1' });
      expect(await optedOut('strict@example.org')).toBeUndefined();
    });

    it('records a complaint (ARF) on the mail and suppresses the address', async () => {
      const sent = await send(newsletter('angry@example.org'));
      const arf = [
        'From: fbl@isp.example',
        'To: abuse@omniflow.test',
        'Subject: FW: Boletín',
        'Message-ID: <arf-1@isp.example>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=feedback-report; boundary="B"',
        '',
        '--B',
        'Content-Type: text/plain',
        '',
        'This is an email abuse report.',
        '--B',
        'Content-Type: message/feedback-report',
        '',
        'Feedback-Type: abuse',
        'User-Agent: ISP-FBL/2.0',
        'Version: 1',
        'Original-Rcpt-To: <angry@example.org>',
        '',
        '--B',
        'Content-Type: message/rfc822',
        '',
        `Message-ID: <${sent.providerMessageId}>`,
        'To: angry@example.org',
        'Subject: Boletín',
        '',
        'Novedades',
        '--B--',
        '',
      ].join('\r\n');
      const applied = await applyMailReport(omni.handle.db, workspaceId, await parseMail(arf));
      expect(applied).toMatchObject({ report: { type: 'arf' }, suppressed: ['angry@example.org'] });
      expect((await eventsOf(sent.messageId)).map((e) => [e.type, e.userAgent])).toEqual([
        ['complaint', 'ISP-FBL/2.0'],
      ]);
      expect(await optedOut('angry@example.org')).toBe('complaint');
    });

    it('ignores a bounce about an address the workspace never mailed (a forged report)', async () => {
      const forged = dsn('made-up@elsewhere.example', 'victim@example.org', '5.1.1', 'failed', 'r9');
      const applied = await applyMailReport(omni.handle.db, workspaceId, await parseMail(forged));
      expect(applied).toMatchObject({ messageIds: [], suppressed: [] });
      expect(await optedOut('victim@example.org')).toBeUndefined();
    });

    it('answers undefined for a mail that is not a report, touching nothing', async () => {
      const plain = await parseMail(
        'From: a@example.org\r\nTo: b@omniflow.test\r\nSubject: hola\r\n\r\nhola\r\n',
      );
      expect(await applyMailReport(omni.handle.db, workspaceId, plain)).toBeUndefined();
    });
  });
});
