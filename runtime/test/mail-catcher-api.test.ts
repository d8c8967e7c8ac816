import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseMail } from '@omniflow/nodes/drivers/email';
import { createApiKey } from '../src/api/api-keys.ts';
import { createApp } from '../src/api/create-app.ts';
import { channelDriversFromEnv } from '../src/messaging/channel-drivers.ts';
import { emailAutoReplyFlow } from './support/flows.ts';
import {
  eventually,
  publishFlow,
  runReaches,
  startTestOmniflow,
  type TestOmniflow,
} from './support/test-omniflow.ts';

interface Listed {
  id: string;
  from: string;
  to: string[];
  subject: string;
}

const databases = [
  { db: 'pglite' as const, enabled: true },
  { db: 'postgres' as const, enabled: Boolean(inject('postgresUrl')) },
];

describe.each(databases)('the mail catcher (the email sandbox) on $db', ({ db, enabled }) => {
  let omni: TestOmniflow;
  let workspaceId: string;

  beforeAll(async () => {
    if (!enabled) return;
    omni = await startTestOmniflow({ db });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    await publishFlow(omni, emailAutoReplyFlow('Help desk', 'help@desk.example'));
  });
  afterAll(async () => omni?.close());

  const list = async () => (await omni.call('GET', '/api/v1/mail-catcher/mails')).body.items as Listed[];
  const caughtFor = (address: string) =>
    eventually(async () => (await list()).find((m) => m.to.includes(address)));

  it.skipIf(!enabled)('takes a written mail to a flow and catches the flow’s reply, whole', async () => {
    const written = await omni.call('POST', '/api/v1/mail-catcher/inbound', {
      from: 'Ana@Example.org',
      to: 'help@desk.example',
      subject: 'Mi factura',
      text: 'No me llegó la factura de marzo',
    });
    expect(written.status).toBe(200);
    expect(written.body.results).toEqual([
      { to: 'help@desk.example', outcome: 'started', runId: expect.any(String) },
    ]);
    await runReaches(omni, written.body.results[0].runId, ['completed']);

    const summary = await caughtFor('ana@example.org');
    expect(summary).toMatchObject({ subject: 'Re: Mi factura', from: 'omniflow@localhost' });
    const mail = await omni.call('GET', `/api/v1/mail-catcher/mails/${summary.id}`);
    expect(mail.status).toBe(200);
    expect(mail.body).toMatchObject({
      runId: written.body.results[0].runId,
      subject: 'Re: Mi factura',
      to: ['ana@example.org'],
      html: null,
      dkimSigned: false,
    });
    expect(mail.body.text).toContain('«No me llegó la factura de marzo»');
    const names = mail.body.headers.map((h: { name: string }) => h.name.toLowerCase());
    expect(names).toEqual(expect.arrayContaining(['from', 'to', 'subject', 'message-id', 'date']));

    // The caught mail is the message the flow sent: its row, delivered, names its Message-ID.
    const sent = await eventually(async () => {
      const messages = await omni.call('GET', `/api/v1/messages?runId=${mail.body.runId}`);
      const out = messages.body.items.find((m: { direction: string }) => m.direction === 'outbound');
      return out?.status === 'delivered' ? out : undefined;
    });
    expect(sent.id).toBe(mail.body.messageId);
    const raw = await omni.app.request(`/api/v1/mail-catcher/mails/${summary.id}/raw`, {
      headers: { authorization: `Bearer ${omni.apiKey}` },
    });
    expect(raw.headers.get('content-type')).toBe('message/rfc822');
    const { messages } = await parseMail(await raw.text());
    expect(`<${messages[0]!.email!.messageId}>`).toBe(
      mail.body.headers.find((h: { name: string }) => h.name === 'Message-ID').value,
    );
    expect(messages[0]!.email!.messageId).toBe(sent.providerMessageId);
  });

  it.skipIf(!enabled)('sends a test run’s mail to the catcher (the builder’s simulator)', async () => {
    const flow = await omni.call('POST', '/api/v1/flows', emailAutoReplyFlow('Draft desk'));
    const started = await omni.call('POST', `/api/v1/flows/${flow.body.id}/test-runs`, {
      message: { channel: 'email', text: 'Hola desde el simulador' },
    });
    expect(started.status).toBe(201);
    expect(started.body.conversation.address).toMatch(/^sim-[0-9a-f]+@simulator\.invalid$/);
    await runReaches(omni, started.body.id, ['completed']);
    const summary = await caughtFor(started.body.conversation.address);
    const mail = await omni.call('GET', `/api/v1/mail-catcher/mails/${summary.id}`);
    expect(mail.body.text).toContain('Hola desde el simulador');
  });

  it.skipIf(!enabled)('says when no flow takes a mail', async () => {
    const written = await omni.call('POST', '/api/v1/mail-catcher/inbound', {
      from: 'ana@example.org',
      to: 'sales@desk.example',
      subject: 'Precios',
      text: '¿Cuánto cuesta?',
    });
    expect(written.body.results).toEqual([{ to: 'sales@desk.example', outcome: 'unrouted', runId: null }]);
  });

  it.skipIf(!enabled)('refuses a written mail that is not one, naming the field', async () => {
    const bad = await omni.call('POST', '/api/v1/mail-catcher/inbound', {
      from: 'not an address',
      to: 'help@desk.example',
      text: 'hi',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.message).toContain('from must be an email address');
    const long = await omni.call('POST', '/api/v1/mail-catcher/inbound', {
      from: 'ana@example.org',
      to: 'help@desk.example',
      subject: 'x'.repeat(999),
      text: 'hi',
    });
    expect(long.status).toBe(400);
  });

  it.skipIf(!enabled)('answers 404 for a mail that is not there, 400 for a bad id or cursor', async () => {
    const missing = await omni.call('GET', '/api/v1/mail-catcher/mails/0190b3c4-0000-7000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    expect((await omni.call('GET', '/api/v1/mail-catcher/mails/nope')).status).toBe(400);
    const cursor = await omni.call('GET', '/api/v1/mail-catcher/mails?cursor=garbage');
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.code).toBe('CURSOR_INVALID');
  });

  it.skipIf(!enabled)(
    'lets only those who test flows read the catcher, delete its mail or write to flows',
    async () => {
      const { key } = await createApiKey(omni.handle.db, workspaceId, 'viewer', null, 'viewer');
      const asViewer = { authorization: `Bearer ${key}` };
      const [first] = await list();
      const read = await omni.call('GET', `/api/v1/mail-catcher/mails/${first!.id}`, undefined, asViewer);
      expect(read.status).toBe(403);
      expect((await omni.call('GET', `/api/v1/mail-catcher/mails/${first!.id}`)).status).toBe(200);
      const remove = await omni.call(
        'DELETE',
        `/api/v1/mail-catcher/mails/${first!.id}`,
        undefined,
        asViewer,
      );
      expect(remove.status).toBe(403);
      expect(remove.body.error.code).toBe('FORBIDDEN');
      const write = await omni.call(
        'POST',
        '/api/v1/mail-catcher/inbound',
        { from: 'ana@example.org', to: 'help@desk.example', text: 'hi' },
        asViewer,
      );
      expect(write.status).toBe(403);
    },
  );

  it.skipIf(!enabled)('deletes one mail, then all of them', async () => {
    const [first, ...rest] = await list();
    expect(rest.length).toBeGreaterThan(0);
    expect((await omni.call('DELETE', `/api/v1/mail-catcher/mails/${first!.id}`)).status).toBe(204);
    expect((await omni.call('GET', `/api/v1/mail-catcher/mails/${first!.id}`)).status).toBe(404);
    expect((await omni.call('DELETE', `/api/v1/mail-catcher/mails/${first!.id}`)).status).toBe(404);
    expect((await omni.call('DELETE', '/api/v1/mail-catcher/mails')).status).toBe(204);
    expect(await list()).toEqual([]);
  });

  it.skipIf(!enabled)(
    'refuses to write as a person where email has no sandbox (omniflow api without OMNIFLOW_SANDBOX)',
    async () => {
      const app = createApp({ ...omni.deps, channels: channelDriversFromEnv({}, { sandbox: false }) });
      const response = await app.request('/api/v1/mail-catcher/inbound', {
        method: 'POST',
        headers: { authorization: `Bearer ${omni.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ from: 'ana@example.org', to: 'help@desk.example', text: 'hi' }),
      });
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ error: { code: 'CHANNEL_NOT_SANDBOX' } });
    },
  );
});
