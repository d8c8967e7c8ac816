import { and, eq } from 'drizzle-orm';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactChannels, messages } from '@omniflow/db';
import { parseMail } from '@omniflow/nodes/drivers/email';
import { SmtpSink } from '@omniflow/nodes/drivers/email/testing';
import type { OutboundMessage } from '@omniflow/nodes/drivers/messaging';
import { NodeError, type NodeMessaging } from '@omniflow/nodes/sdk';
import { createApiKey } from '../src/api/api-keys.ts';
import { channelResolverOf } from '../src/api/channel-resolver-of.ts';
import { workerChannels } from '../src/messaging/worker-channels.ts';
import { seedRun } from './support/seed-run.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const noop = {
  name: 'Correo',
  nodes: [
    { id: 'start', type: 'flow.start', config: {} },
    { id: 'end', type: 'flow.end', config: {} },
  ],
  edges: [{ id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'end' } }],
};

type Mail = Omit<OutboundMessage, 'idempotencyKey'>;

describe('email through a workspace’s SMTP account', () => {
  let sink: SmtpSink;
  let omni: TestOmniflow;
  let workspaceId: string;
  let runId: string;
  let messaging: ReturnType<typeof workerChannels>['messaging'];
  let step = 0;
  const sendStep = (key = `step-${++step}`): NodeMessaging =>
    messaging.forStep({ runId, nodeId: 'mail', idempotencyKey: `${runId}:mail:${key}` });
  const mail = (to: string, extra: Partial<Mail> = {}): Mail => ({
    to,
    text: 'Tu pedido ha salido',
    email: { subject: 'Pedido enviado' },
    ...extra,
  });
  const rowOf = async (key: string) =>
    (
      await omni.handle.db
        .select()
        .from(messages)
        .where(eq(messages.idempotencyKey, `${runId}:mail:${key}`))
    )[0]!;
  const failure = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      if (error instanceof NodeError) return error;
      throw error;
    }
    throw new Error('expected the send to fail');
  };

  beforeAll(async () => {
    sink = await SmtpSink.start();
    omni = await startTestOmniflow({ worker: false });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    runId = (await seedRun(omni.handle.db, omni.deps.registry, noop)).runId;
    messaging = workerChannels({
      db: omni.handle.db,
      channelResolver: channelResolverOf(omni.deps),
    }).messaging;
  });
  afterAll(async () => {
    await channelResolverOf(omni.deps).close();
    await omni?.close();
    await sink?.close();
  });

  it('saves an SMTP account without a password, refusing a login without one and bad fields', async () => {
    const account = {
      host: '127.0.0.1',
      port: sink.port,
      security: 'none',
      fromAddress: 'ayuda@omniflow.test',
      fromName: 'Ayuda Omniflow',
    };
    const noPassword = await omni.call('PUT', '/api/v1/channels/email', {
      provider: 'smtp',
      config: { ...account, user: 'mailer' },
    });
    expect(noPassword.status).toBe(422);
    expect(noPassword.body.error).toMatchObject({ code: 'CHANNEL_SETTINGS_INVALID' });
    expect(noPassword.body.error.message).toContain('without a password');

    const badAddress = await omni.call('PUT', '/api/v1/channels/email', {
      provider: 'smtp',
      config: { ...account, fromAddress: 'not an address' },
    });
    expect(badAddress.status).toBe(400);
    expect(JSON.stringify(badAddress.body.error)).toContain('fromAddress must be an email address');

    const saved = await omni.call('PUT', '/api/v1/channels/email', { provider: 'smtp', config: account });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      provider: 'smtp',
      source: 'settings',
      sandbox: false,
      secretsSet: [],
    });

    const tested = await omni.call('POST', '/api/v1/channels/email/test');
    expect(tested.body).toEqual({ ok: true, message: `127.0.0.1:${sink.port} answered` });
  });

  it('sends a flow’s mail DKIM-signed with the key made in the API, and records it as sent', async () => {
    const made = await omni.call('PUT', '/api/v1/dkim-keys/omniflow.test', { selector: 'of2026' });
    expect(made.status).toBe(200);
    expect(made.body.dnsRecord).toMatchObject({
      name: 'of2026._domainkey.omniflow.test',
      type: 'TXT',
      value: `v=DKIM1; k=rsa; p=${made.body.publicKey}`,
    });
    const listed = await omni.call('GET', '/api/v1/dkim-keys');
    expect(listed.body.items).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain('PRIVATE KEY');

    const sent = await sendStep('signed').send(
      'email',
      mail('Ana@Example.org', {
        email: { subject: 'Novedades', marketing: true, unsubscribeUrl: 'https://of.test/u/ana' },
      }),
    );
    const row = await rowOf('signed');
    expect(row).toMatchObject({
      channel: 'email',
      status: 'sent',
      contactAddress: 'ana@example.org',
      providerMessageId: sent.providerMessageId,
    });
    expect(row.statusHistory.map((s) => s.status)).toEqual(['queued', 'sent']);

    const raw = sink.mailsTo('ana@example.org')[0]!.raw;
    const { parsed } = await parseMail(raw);
    expect(parsed.messageId).toBe(`<${sent.providerMessageId}>`);
    const verified = await dkimVerify(raw, {
      resolver: async (name, type) => {
        if (type === 'TXT' && name === made.body.dnsRecord.name) return [[made.body.dnsRecord.value]];
        throw Object.assign(new Error(`no ${type} ${name}`), { code: 'ENOTFOUND' });
      },
    });
    expect(verified.results[0]!.status.result).toBe('pass');
    const signed = /\bh=([^;]+)/
      .exec(raw.replace(/\r?\n\s+/g, ''))![1]!
      .toLowerCase()
      .split(':');
    expect(signed).toEqual(expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post']));
  });

  it('keeps a deferred mail queued, and sends it exactly once when the activity tries again', async () => {
    sink.refusals.set('tarde@example.org', [{ code: 451, text: '4.3.0 Try again later', times: 1 }]);
    const deferred = await failure(sendStep('deferred').send('email', mail('tarde@example.org')));
    expect(deferred).toMatchObject({ code: 'EMAIL_DEFERRED', retryable: true });
    expect((await rowOf('deferred')).status).toBe('queued');

    const again = await sendStep('deferred').send('email', mail('tarde@example.org'));
    const once = await sendStep('deferred').send('email', mail('tarde@example.org'));
    expect(once).toEqual(again);
    expect(sink.mailsTo('tarde@example.org')).toHaveLength(1);
    expect((await rowOf('deferred')).status).toBe('sent');
  });

  it('fails a refused mail for good with the server’s code and text', async () => {
    sink.refusals.set('spam@example.org', [{ code: 554, text: '5.7.1 Rejected by policy', times: 1 }]);
    const refused = await failure(sendStep('refused').send('email', mail('spam@example.org')));
    expect(refused).toMatchObject({ code: 'EMAIL_REJECTED', retryable: false });
    const row = await rowOf('refused');
    expect(row).toMatchObject({ status: 'failed', errorCode: 'EMAIL_REJECTED' });
    expect(row.statusHistory.at(-1)!.errorMessage).toContain('554 5.7.1 Rejected by policy');
  });

  it('bounces a mail to an address that does not exist, and refuses later mail to it before any SMTP call', async () => {
    sink.refusals.set('nadie@example.org', [{ code: 550, text: '5.1.1 User unknown', times: 1 }]);
    const bounced = await failure(sendStep('bounce').send('email', mail('nadie@example.org')));
    expect(bounced).toMatchObject({ code: 'EMAIL_BOUNCED', retryable: false });
    expect(await rowOf('bounce')).toMatchObject({ status: 'bounced', errorCode: 'EMAIL_BOUNCED' });
    const [consent] = await omni.handle.db
      .select()
      .from(contactChannels)
      .where(
        and(eq(contactChannels.workspaceId, workspaceId), eq(contactChannels.address, 'nadie@example.org')),
      );
    expect(consent).toMatchObject({ channel: 'email', optOutKeyword: 'hard-bounce' });
    expect(consent!.optedOutAt).toBeInstanceOf(Date);

    const asked = sink.attempts.length;
    const optedOut = await failure(sendStep('after-bounce').send('email', mail('NADIE@Example.org')));
    expect(optedOut).toMatchObject({ code: 'OPTED_OUT', retryable: false });
    expect(sink.attempts.length).toBe(asked);
    expect(await rowOf('after-bounce')).toMatchObject({ status: 'failed', errorCode: 'OPTED_OUT' });

    // A copy to the suppressed address is left off; the mail still goes to the others.
    await sendStep('copies').send(
      'email',
      mail('otra@example.org', {
        email: { subject: 'Copia', cc: ['Nadie@example.org', 'jefa@example.org'] },
      }),
    );
    expect(sink.mailsTo('otra@example.org')[0]!.recipients.sort()).toEqual([
      'jefa@example.org',
      'otra@example.org',
    ]);
  });

  it('lets only admins manage DKIM keys, and refuses keys and domains DKIM cannot use', async () => {
    const pasted = await omni.call('PUT', '/api/v1/dkim-keys/example.org', {
      privateKey: '-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----',
    });
    expect(pasted.status).toBe(422);
    expect(pasted.body.error.code).toBe('DKIM_KEY_INVALID');
    const badDomain = await omni.call('PUT', '/api/v1/dkim-keys/not_a_domain', {});
    expect(badDomain.status).toBe(400);
    const badSelector = await omni.call('PUT', '/api/v1/dkim-keys/example.org', { selector: 'a b' });
    expect(badSelector.status).toBe(400);

    const { key } = await createApiKey(omni.handle.db, workspaceId, 'designer', null, 'designer');
    const asDesigner = { authorization: `Bearer ${key}` };
    for (const [method, path, body] of [
      ['GET', '/api/v1/dkim-keys', undefined],
      ['PUT', '/api/v1/dkim-keys/example.org', {}],
      ['DELETE', '/api/v1/dkim-keys/omniflow.test', undefined],
    ] as const) {
      const refused = await omni.call(method, path, body, asDesigner);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
    }

    expect((await omni.call('DELETE', '/api/v1/dkim-keys/omniflow.test')).status).toBe(204);
    expect((await omni.call('DELETE', '/api/v1/dkim-keys/omniflow.test')).status).toBe(404);
    await sendStep('unsigned').send('email', mail('sinfirma@example.org'));
    expect(sink.mailsTo('sinfirma@example.org')[0]!.raw).not.toMatch(/^DKIM-Signature:/im);
  });
});
