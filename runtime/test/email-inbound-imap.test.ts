import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { mailAttachments, messages } from '@omniflow/db';
import { startImapMailbox, type ImapMailbox } from '@omniflow/nodes/drivers/email';
import { createMailRecipients } from '../src/email/mail-recipients.ts';
import { takeInboundMail, type InboundMailDeps, type TakenMail } from '../src/email/take-inbound-mail.ts';
import { createMessagingService } from '../src/messaging/messaging-service.ts';
import { sandboxDrivers } from '../src/messaging/sandbox-drivers.ts';
import { createFilesystemRecordingStore } from '../src/recordings/filesystem-recording-store.ts';
import { startDovecot, type Dovecot } from './support/dovecot.ts';
import {
  eventually,
  publishFlow,
  runReaches,
  startTestOmniflow,
  type TestOmniflow,
} from './support/test-omniflow.ts';

// Issue 13: dovecot holds a mailbox; IMAP polling starts a flow that auto-replies once, a second
// mail from the same sender inside the period gets none, and auto-generated, list and DSN mail
// get none either.

const inbox = 'ayuda@omniflow.test';

/** A help desk that answers every new mail once a day (the trigger's default period). */
const autoReplyFlow = {
  name: 'Auto-reply of the help desk',
  nodes: [
    { id: 'mail', type: 'message.inbound', config: { channel: 'any', to: inbox } },
    {
      id: 'answer',
      type: 'message.send',
      config: {
        channel: 'conversation',
        to: '{{ input.from }}',
        text: 'Recibimos tu correo; te respondemos hoy.',
      },
    },
    { id: 'end', type: 'flow.end', config: {} },
    { id: 'failed', type: 'flow.end', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'mail', port: 'next' }, to: { node: 'answer' } },
    { id: 'e2', from: { node: 'answer', port: 'sent' }, to: { node: 'end' } },
    { id: 'e3', from: { node: 'answer', port: 'failed' }, to: { node: 'failed' } },
  ],
};

let omni: TestOmniflow;
let dovecot: Dovecot;
let mailbox: ImapMailbox;
let workspaceId: string;
let storeDir: string;
const taken: TakenMail[][] = [];
const problems: { code: string; message: string }[] = [];
let sequence = 0;
let failNextTake = false;

const mail = (from: string, headers: string[] = [], body = '¿A qué hora abrís?') =>
  [
    `From: ${from}`,
    `To: ${inbox}`,
    `Subject: Consulta ${++sequence}`,
    `Message-ID: <m${sequence}.${Date.now()}@example.org>`,
    `Date: ${new Date().toUTCString()}`,
    ...headers,
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');

/** Delivers a mail to the mailbox and waits until the poller has taken it. */
async function deliverAndTake(raw: string): Promise<TakenMail> {
  const before = taken.length;
  await dovecot.deliver(raw);
  return eventually(async () => taken[before]?.[0]);
}

const outboundTo = (address: string) =>
  omni.handle.db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.direction, 'outbound'),
        eq(messages.channel, 'email'),
        eq(messages.contactAddress, address),
      ),
    );

beforeAll(async () => {
  omni = await startTestOmniflow();
  dovecot = await startDovecot();
  workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
  await publishFlow(omni, autoReplyFlow);
  storeDir = mkdtempSync(join(tmpdir(), 'omniflow-mail-store-'));
  const deps: InboundMailDeps = {
    db: omni.handle.db,
    temporal: omni.temporal,
    taskQueue: omni.taskQueue,
    messaging: createMessagingService({ db: omni.handle.db, drivers: sandboxDrivers() }),
    recipients: createMailRecipients(omni.handle.db),
    attachments: { store: createFilesystemRecordingStore({ dir: storeDir }), maxAttachmentBytes: 64 * 1024 },
  };
  mailbox = await startImapMailbox({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    user: dovecot.user,
    password: dovecot.password,
    pollIntervalMs: 5_000,
    onMail: async (raw) => {
      if (failNextTake) {
        failNextTake = false;
        throw new Error('the database is not answering');
      }
      taken.push(await takeInboundMail(deps, raw, undefined, { workspaceId, address: inbox }));
    },
    onProblem: (problem) => void problems.push(problem),
  });
}, 60_000);

afterAll(async () => {
  await mailbox?.stop();
  await dovecot?.stop();
  await omni?.close();
  rmSync(storeDir, { recursive: true, force: true });
});

describe('a mailbox polled over IMAP (dovecot)', () => {
  it('starts the flow on a new mail, which auto-replies once by email, and marks the mail seen', async () => {
    const result = await deliverAndTake(mail('Ana <ana@example.org>'));
    expect(result).toMatchObject({ outcome: 'started', workspaceId });
    await runReaches(omni, (result as { runId: string }).runId, ['completed']);
    const replies = await outboundTo('ana@example.org');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body).toMatchObject({ text: 'Recibimos tu correo; te respondemos hoy.' });
    const flags = await eventually(async () => {
      const all = await dovecot.flags();
      return all[0]?.includes('\\Seen') ? all : undefined;
    });
    expect(flags[0]).toContain('\\Seen');
  });

  it('gives a second mail from the same sender inside the period no reply, and shows it as a skipped run', async () => {
    const result = await deliverAndTake(mail('ana@example.org'));
    expect(result).toMatchObject({ outcome: 'skipped', reason: 'REPLIED_RECENTLY' });
    const run = await omni.call('GET', `/api/v1/runs/${(result as { runId: string }).runId}`);
    expect(run.body).toMatchObject({ status: 'skipped', error: { code: 'REPLIED_RECENTLY' } });
    expect(run.body.error.message).toMatch(/already answered/);
    const listed = await omni.call('GET', '/api/v1/runs?status=skipped');
    expect(listed.body.items.find((r: { id: string }) => r.id === run.body.id)).toMatchObject({
      skipReason: 'REPLIED_RECENTLY',
    });
    expect(await outboundTo('ana@example.org')).toHaveLength(1);
  });

  it('never answers auto-generated mail, list mail or a delivery report', async () => {
    const auto = await deliverAndTake(mail('bob@example.org', ['Auto-Submitted: auto-generated']));
    expect(auto).toMatchObject({ outcome: 'skipped', reason: 'AUTO_SUBMITTED' });
    const list = await deliverAndTake(
      mail('carol@example.org', ['List-Id: Vecinos <vecinos.lists.example.org>', 'Precedence: list']),
    );
    expect(list).toMatchObject({ outcome: 'skipped' });
    expect(['MAILING_LIST', 'BULK_PRECEDENCE']).toContain((list as { reason: string }).reason);
    const dsn = await deliverAndTake(
      [
        'From: Mail Delivery System <MAILER-DAEMON@mx.example.org>',
        `To: ${inbox}`,
        'Subject: Undelivered Mail Returned to Sender',
        `Message-ID: <dsn.${Date.now()}@mx.example.org>`,
        'Auto-Submitted: auto-replied',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'Your message could not be delivered.',
        '--b',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.org',
        '',
        'Final-Recipient: rfc822; nadie@example.org',
        'Action: failed',
        'Status: 5.1.1',
        '--b--',
        '',
      ].join('\r\n'),
    );
    expect(dsn).toMatchObject({ outcome: 'report' });
    for (const address of ['bob@example.org', 'carol@example.org', 'mailer-daemon@mx.example.org'])
      expect(await outboundTo(address)).toHaveLength(0);
    const skipped = await omni.call('GET', '/api/v1/runs?status=skipped');
    const codes = skipped.body.items.map((r: { skipReason: string }) => r.skipReason);
    expect(codes).toContain('AUTO_SUBMITTED');
  });

  it('keeps attachments within the size limit and names the larger ones without keeping them', async () => {
    const small = Buffer.from('informe').toString('base64');
    const big = Buffer.alloc(100 * 1024, 7)
      .toString('base64')
      .replace(/.{76}/g, '$&\r\n');
    const result = await deliverAndTake(
      [
        'From: dora@example.org',
        `To: ${inbox}`,
        'Subject: Adjuntos',
        `Message-ID: <att.${Date.now()}@example.org>`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="x"',
        '',
        '--x',
        'Content-Type: text/plain',
        '',
        'Van dos archivos.',
        '--x',
        'Content-Type: text/plain; name="informe.txt"',
        'Content-Disposition: attachment; filename="informe.txt"',
        'Content-Transfer-Encoding: base64',
        '',
        small,
        '--x',
        'Content-Type: application/octet-stream; name="grande.bin"',
        'Content-Disposition: attachment; filename="grande.bin"',
        'Content-Transfer-Encoding: base64',
        '',
        big,
        '--x--',
        '',
      ].join('\r\n'),
    );
    expect(result).toMatchObject({ outcome: 'started' });
    const rows = await omni.handle.db
      .select()
      .from(mailAttachments)
      .where(eq(mailAttachments.workspaceId, workspaceId));
    expect(rows.map((r) => [r.filename, r.bytes])).toEqual([['informe.txt', 7]]);
    const [inbound] = await omni.handle.db
      .select()
      .from(messages)
      .where(and(eq(messages.direction, 'inbound'), eq(messages.contactAddress, 'dora@example.org')));
    const attachments = (inbound!.body as { email: { attachments: { id?: string; filename: string }[] } })
      .email.attachments;
    expect(attachments).toMatchObject([
      { id: rows[0]!.id, filename: 'informe.txt' },
      { filename: 'grande.bin' },
    ]);
    expect(attachments[1]!.id).toBeUndefined();
  });

  it('takes a mail whose To names 10,000 recipients as one mail to the mailbox', async () => {
    const to = Array.from({ length: 10_000 }, (_, i) => `persona${i}@example.net`).join(', ');
    const raw = mail('eva@example.org').replace(`To: ${inbox}`, `To: ${to}`);
    const before = taken.length;
    await dovecot.deliver(raw);
    const all = await eventually(async () => taken[before]);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ to: inbox, outcome: 'started' });
  });

  it('leaves a mail it could not take for a passing reason unseen, and takes it at the next look', async () => {
    failNextTake = true;
    const before = problems.length;
    const count = taken.length;
    await dovecot.deliver(mail('gabi@example.org'));
    const problem = await eventually(async () =>
      problems.slice(before).find((p) => p.code === 'IMAP_TAKE_FAILED'),
    );
    expect(problem.message).toMatch(/not answering/);
    expect((await dovecot.flags()).at(-1)).not.toContain('\\Seen');
    await mailbox.sweep();
    const result = await eventually(async () => taken[count]?.[0]);
    expect(result).toMatchObject({ outcome: 'started' });
    expect((await dovecot.flags()).at(-1)).toContain('\\Seen');
  });

  it('sets aside a mail with no From (flagged, seen) and goes on with the next', async () => {
    const before = problems.length;
    await dovecot.deliver(`To: ${inbox}\r\nSubject: sin remitente\r\n\r\nhola\r\n`);
    const problem = await eventually(async () =>
      problems.slice(before).find((p) => p.code === 'MAIL_UNREADABLE'),
    );
    expect(problem.message).toMatch(/no From/);
    const flags = await dovecot.flags();
    expect(flags.at(-1)).toEqual(expect.arrayContaining(['\\Seen', 'OmniflowUnreadable']));
    const next = await deliverAndTake(mail('fede@example.org'));
    expect(next).toMatchObject({ outcome: 'started' });
  });
});
