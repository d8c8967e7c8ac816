import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contactChannels, messages } from '@omniflow/db';
import { parseMail } from '@omniflow/nodes/drivers/email';
import { SandboxDriver, type OutboundMessage, type SendResult } from '@omniflow/nodes/drivers/messaging';
import { applyMailReport, type AppliedMailReport } from '../src/email/apply-mail-report.ts';
import { emailLinksFromEnv } from '../src/email/email-links-from-env.ts';
import { createMessagingService } from '../src/messaging/messaging-service.ts';
import { freePort } from '../src/temporal-server/free-port.ts';
import { postfixAvailable, startPostfix, type Postfix } from './support/postfix.ts';
import { publishFlow, runReaches, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

/**
 * Mail submitted to postfix over SMTP, with the envelope sender our bounce address, as the SMTP
 * driver does; the rest of the driver contract is the sandbox's (nothing comes in through it).
 */
class SubmitToPostfix extends SandboxDriver {
  private readonly transport;
  constructor(port: number) {
    super('email');
    this.transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  }
  override async send(message: OutboundMessage): Promise<SendResult> {
    const messageId = `${randomUUID()}@omniflow.test`;
    await this.transport.sendMail({
      envelope: { from: 'bounces@omniflow.test', to: [message.to] },
      from: 'news@omniflow.test',
      to: message.to,
      subject: message.email?.subject ?? '',
      text: message.text ?? '',
      ...(message.email?.html ? { html: message.email.html } : {}),
      messageId: `<${messageId}>`,
    });
    return { providerMessageId: messageId, segments: 1 };
  }
  async close() {
    this.transport.close();
  }
}

const listen = (server: SMTPServer, port: number) =>
  new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));

describe.skipIf(!postfixAvailable())('a real DSN from Debian postfix', () => {
  let omni: TestOmniflow;
  let postfix: Postfix;
  let refusing: SMTPServer;
  let inbound: SMTPServer;
  let driver: SubmitToPostfix;
  let workspaceId: string;
  let runId: string;
  const refusedRecipients: string[] = [];
  const reports: AppliedMailReport[] = [];
  const inboundErrors: unknown[] = [];

  beforeAll(async () => {
    // Real PostgreSQL when the run has one (CI does); the other email tests cover PGlite.
    omni = await startTestOmniflow({
      db: inject('postgresUrl') ? 'postgres' : 'pglite',
      env: { OMNIFLOW_PUBLIC_URL: 'https://omniflow.example.com' },
    });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    // The remote server: knows no one, refuses every recipient at RCPT time.
    refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      onRcptTo(address: SMTPServerAddress, _session, callback) {
        refusedRecipients.push(address.address);
        const error = Object.assign(
          new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`),
          { responseCode: 550 },
        );
        callback(error);
      },
    });
    // Omniflow's inbound address for bounces: the raw mail goes through parseMail and
    // applyMailReport, as takeInboundMail hands reports over.
    inbound = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const envelope = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
          };
          parseMail(Buffer.concat(chunks), envelope)
            .then((mail) => applyMailReport(omni.handle.db, workspaceId, mail))
            .then((applied) => {
              if (applied) reports.push(applied);
              callback();
            })
            .catch((error: unknown) => {
              inboundErrors.push(error);
              callback(error instanceof Error ? error : new Error(String(error)));
            });
        });
      },
    });
    const [refusingPort, inboundPort] = [await freePort(), await freePort()];
    await listen(refusing, refusingPort);
    await listen(inbound, inboundPort);
    postfix = await startPostfix({ 'refuse.test': refusingPort, 'omniflow.test': inboundPort });
    driver = new SubmitToPostfix(postfix.port);

    const flowId = await publishFlow(omni, {
      name: 'Boletín',
      nodes: [
        { id: 'start', type: 'flow.start', config: {} },
        { id: 'end', type: 'flow.end', config: {} },
      ],
      edges: [{ id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'end' } }],
    });
    runId = (await omni.call('POST', '/api/v1/runs', { flowId, input: {} })).body.id;
    await runReaches(omni, runId, ['completed']);
  }, 60_000);

  afterAll(async () => {
    await driver?.close();
    await postfix?.stop();
    await new Promise<void>((resolve) => (refusing ? refusing.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => (inbound ? inbound.close(() => resolve()) : resolve()));
    await omni?.close();
  });

  it('comes back as a hard bounce: the mail is bounced, the address suppressed, the next send refused', async () => {
    const service = createMessagingService({
      db: omni.handle.db,
      drivers: { email: driver },
      emailLinks: emailLinksFromEnv(
        { OMNIFLOW_PUBLIC_URL: 'https://omniflow.example.com' },
        omni.deps.secretKeyring!,
      ),
    });
    const mail: OutboundMessage = {
      to: 'nobody@refuse.test',
      text: 'Novedades del mes',
      idempotencyKey: 'x',
      email: { subject: 'Boletín', html: '<p>Novedades</p>', marketing: true },
    };
    const sent = await service
      .forStep({ runId, nodeId: 'news', idempotencyKey: `${runId}:news:1` })
      .send('email', mail);

    const deadline = Date.now() + 30_000;
    while (reports.length === 0 && inboundErrors.length === 0) {
      if (Date.now() > deadline) throw new Error(`No DSN came back. postfix log:\n${postfix.log()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(inboundErrors).toEqual([]);
    const [applied] = reports;
    expect(refusedRecipients).toEqual(['nobody@refuse.test']);
    expect(applied!.report).toMatchObject({
      type: 'dsn',
      reportingMta: 'mx.omniflow.test',
      originalMessageId: sent.providerMessageId,
      recipients: [
        { address: 'nobody@refuse.test', action: 'failed', status: '5.1.1', kind: 'hard', permanent: true },
      ],
    });
    expect(applied!.report.type === 'dsn' && applied!.report.recipients[0]!.diagnostic).toMatch(
      /^550 5\.1\.1 <nobody@refuse\.test>: Recipient address rejected: User unknown/,
    );
    expect(applied).toMatchObject({ messageIds: [sent.messageId], suppressed: ['nobody@refuse.test'] });

    const [row] = await omni.handle.db.select().from(messages).where(eq(messages.id, sent.messageId));
    expect(row).toMatchObject({ status: 'bounced', errorCode: '5.1.1' });
    const [channel] = await omni.handle.db
      .select()
      .from(contactChannels)
      .where(eq(contactChannels.address, 'nobody@refuse.test'));
    expect(channel).toMatchObject({ optOutKeyword: 'hard-bounce' });
    expect(channel!.optedOutAt).toBeInstanceOf(Date);

    await expect(
      service.forStep({ runId, nodeId: 'news', idempotencyKey: `${runId}:news:2` }).send('email', mail),
    ).rejects.toMatchObject({ code: 'OPTED_OUT' });
    // Refused before any SMTP: postfix was never asked again.
    expect(refusedRecipients).toEqual(['nobody@refuse.test']);
  }, 60_000);
});
