import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { queryRows } from '@omniflow/db';
import { FakeTwilioVoice } from '@omniflow/nodes/drivers/voice/testing';
import { twilioSignature } from '@omniflow/nodes/drivers/sms';
import { createApp } from '../src/api/create-app.ts';
import { loadRegistry } from '../src/server/load-registry.ts';
import { startTwimlVoiceHost, type TwimlVoiceHost } from '../src/voice/index.ts';
import { twilioAccounts } from '../src/voice/twilio-account.ts';
import { addressOf, seedAudience } from './support/campaign-audience.ts';
import { listen } from './support/serve-omniflow.ts';
import { eventually, publishFlow, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

// A voice campaign through a TwiML provider: the loopback fake Twilio takes POST …/Calls.json as
// Twilio's REST API does, fetches the call's TwiML from our signed voice webhook once the person
// answers, and reports busy / no-answer / completed to the status callback, signed.

const timeout = 120_000;
const authToken = 'twilio-campaign-auth-token';
const ourNumber = '+34910000200';
// Contacts 1-3 answer, 4 is busy, 5 does not answer, 6's number fails (no retry for that).
const people = 6;

describe.skipIf(!inject('postgresUrl'))('a voice campaign through Twilio (loopback fake)', () => {
  let omni: TestOmniflow;
  let host: TwimlVoiceHost;
  let server: Awaited<ReturnType<typeof listen>> | undefined;
  let twilio: FakeTwilioVoice;
  let voiceUrl: string;
  let segmentId: string;
  let flowId: string;

  beforeAll(async () => {
    omni = await startTestOmniflow({ db: 'postgres' });
    host = await startTwimlVoiceHost({
      db: omni.handle.db,
      temporal: omni.temporal,
      address: inject('temporalAddress'),
      taskQueue: omni.taskQueue,
      registry: await loadRegistry({}),
      campaignCalls: {
        account: twilioAccounts(omni.handle.db, omni.deps.secretKeyring!),
        publicUrl: () => server?.url,
        ringTimeoutMs: 5_000,
        pollMs: 300,
      },
    });
    server = await listen(createApp({ ...omni.deps, twimlVoice: host }));
    const workspace = (await omni.handle.db.query.workspaces.findFirst())!;
    voiceUrl = `${server.url}/api/v1/webhooks/twilio/${workspace.id}/voice`;
    twilio = new FakeTwilioVoice({ voiceUrl, statusCallbackUrl: `${voiceUrl}/status`, authToken });
    await twilio.start();
    const saved = await omni.call('PUT', '/api/v1/channels/sms', {
      provider: 'twilio',
      config: { accountSid: twilio.accountSid, from: ourNumber, baseUrl: twilio.baseUrl },
      secrets: { authToken },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  }, timeout);

  afterAll(async () => {
    await host?.stop();
    await server?.close();
    await twilio?.stop();
    await omni?.close();
  });

  it(
    'places calls by the REST API, runs the flow on the answered ones, retries busy and unanswered, two at a time',
    async () => {
      const workspace = (await omni.handle.db.query.workspaces.findFirst())!;
      ({ segmentId } = await seedAudience(omni.handle.db, {
        workspaceId: workspace.id,
        count: people,
        channel: 'sms',
      }));
      for (const n of [1, 2, 3]) twilio.callee(addressOf('sms', n), { answer: 'answered', digits: ['1'] });
      twilio.callee(addressOf('sms', 4), { answer: 'busy' });
      twilio.callee(addressOf('sms', 5), { answer: 'no-answer' });
      twilio.callee(addressOf('sms', 6), { answer: 'failed' });
      flowId = await publishFlow(omni, {
        name: 'Recordatorio Twilio',
        nodes: [
          { id: 'call', type: 'voice.inbound-call', config: { numbers: [ourNumber] } },
          {
            id: 'menu',
            type: 'voice.menu',
            config: {
              prompt: 'Hola {{ input.contact.first_name }}. Pulse 1 para confirmar su cita.',
              options: [{ digit: '1', id: 'yes', label: 'Sí' }],
              timeout: 'PT5S',
              maxRetries: 0,
            },
          },
          { id: 'thanks', type: 'voice.say', config: { text: 'Gracias, hasta pronto.' } },
          { id: 'bye', type: 'voice.hangup', config: {} },
        ],
        edges: [
          { id: 'e1', from: { node: 'call', port: 'next' }, to: { node: 'menu' } },
          { id: 'e2', from: { node: 'menu', port: 'yes' }, to: { node: 'thanks' } },
          { id: 'e3', from: { node: 'thanks', port: 'next' }, to: { node: 'bye' } },
        ],
      });
      const created = await omni.call('POST', '/api/v1/campaigns', {
        name: 'Citas por Twilio',
        kind: 'voice',
        channel: 'voice',
        segmentId,
        flowId,
        maxConcurrentCalls: 2,
        callRetries: { attempts: 2, delayMinutes: 0.02 },
      });
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      expect((await omni.call('POST', `/api/v1/campaigns/${id}/start`)).status).toBe(200);

      await eventually(async () => {
        const row = await omni.call('GET', `/api/v1/campaigns/${id}`);
        return row.body.status === 'completed' ? true : undefined;
      }, 90_000);
      const stats = (await omni.call('GET', `/api/v1/campaigns/${id}/stats`)).body;
      expect(stats).toMatchObject({
        targeted: people,
        answered: 3,
        busy: 1,
        noAnswer: 1,
        failed: 1,
        calling: 0,
      });

      await twilio.outboundSettled();
      const calls = twilio.outboundCalls;
      expect(calls).toHaveLength(8);
      expect(calls.filter((c) => c.to === addressOf('sms', 6)).map((c) => c.status)).toEqual(['failed']);
      expect(calls.every((c) => c.from === ourNumber)).toBe(true);
      expect(calls.filter((c) => c.to === addressOf('sms', 4)).map((c) => c.status)).toEqual([
        'busy',
        'busy',
      ]);
      expect(calls.filter((c) => c.to === addressOf('sms', 5)).map((c) => c.status)).toEqual([
        'no-answer',
        'no-answer',
      ]);
      // Never more than the limit at the provider, and the limit was used.
      expect(twilio.maxConcurrentOutbound).toBe(2);
      const answered = calls.filter((c) => c.status === 'completed');
      expect(answered).toHaveLength(3);
      for (const call of answered) {
        // Every webhook of the call was signed and accepted (a 403 would have ended it).
        expect(call.result!.requests.every((r) => r.status === 200 || r.status === 204)).toBe(true);
        expect(call.result!.said.map((s) => s.text)).toEqual([
          expect.stringMatching(/^Hola Ana[123]\. Pulse 1 para confirmar su cita\.$/),
          'Gracias, hasta pronto.',
        ]);
        expect(call.result!.end).toBe('hangup-verb');
      }
      const recipients = await queryRows<{ status: string; attempts: number; run_id: string | null }>(
        omni.handle.db,
        sql`select status, attempts, run_id from campaign_recipients where campaign_id = ${id}::uuid and status = 'answered'`,
      );
      expect(recipients).toHaveLength(3);
      for (const r of recipients) {
        const run = (await omni.call('GET', `/api/v1/runs/${r.run_id}`)).body;
        expect(run.input).toMatchObject({ campaign: { id, name: 'Citas por Twilio' } });
      }
    },
    timeout,
  );

  it(
    'pauses between calls and resumes: no call is placed while paused, everyone is called once',
    async () => {
      const created = await omni.call('POST', '/api/v1/campaigns', {
        name: 'Una a la vez',
        kind: 'voice',
        channel: 'voice',
        segmentId,
        flowId,
        maxConcurrentCalls: 1,
      });
      const id = created.body.id as string;
      const before = twilio.outboundCalls.length;
      expect((await omni.call('POST', `/api/v1/campaigns/${id}/start`)).status).toBe(200);
      await eventually(async () => (twilio.outboundCalls.length > before ? true : undefined));
      expect((await omni.call('POST', `/api/v1/campaigns/${id}/pause`)).body.status).toBe('paused');
      // The call going on finishes; then the workflow holds with nothing in flight.
      const handle = omni.temporal.workflow.getHandle(`campaign-${id}`);
      const atPause = await eventually(async () => {
        const described = await handle.describe();
        const stats = (await omni.call('GET', `/api/v1/campaigns/${id}/stats`)).body;
        return (described.raw.pendingActivities?.length ?? 0) === 0 && stats.calling === 0
          ? stats
          : undefined;
      }, 30_000);
      const waiting = atPause.queued as number;
      expect(waiting).toBeGreaterThan(0);
      expect(twilio.outboundCalls.length - before).toBe(people - waiting);
      expect((await omni.call('POST', `/api/v1/campaigns/${id}/resume`)).body.status).toBe('running');
      await eventually(async () => {
        const row = await omni.call('GET', `/api/v1/campaigns/${id}`);
        return row.body.status === 'completed' ? true : undefined;
      }, 60_000);
      expect((await omni.call('GET', `/api/v1/campaigns/${id}/stats`)).body).toMatchObject({
        answered: 3,
        busy: 1,
        noAnswer: 1,
        failed: 1,
        queued: 0,
      });
      // One call each: no retries asked for, none placed twice around the pause.
      expect(twilio.outboundCalls.length - before).toBe(people);
    },
    timeout,
  );

  it(
    'calls everyone on the flow version published when the campaign started, not one published meanwhile',
    async () => {
      const created = await omni.call('POST', '/api/v1/campaigns', {
        name: 'Versión fija',
        kind: 'voice',
        channel: 'voice',
        segmentId,
        flowId,
        maxConcurrentCalls: 1,
      });
      const id = created.body.id as string;
      const before = twilio.outboundCalls.length;
      const started = await omni.call('POST', `/api/v1/campaigns/${id}/start`);
      expect(started.body).toMatchObject({ status: 'running' });
      const [pinned] = await queryRows<{ flow_version: number }>(
        omni.handle.db,
        sql`select flow_version from campaigns where id = ${id}::uuid`,
      );
      expect(pinned!.flow_version).toBe(1);
      // One line: the first call is going, the other five are placed one by one after it.
      await eventually(async () => (twilio.outboundCalls.length > before ? true : undefined));
      const flow = (await omni.call('GET', `/api/v1/flows/${flowId}`)).body;
      const changed = structuredClone(flow.draft);
      const menu = changed.nodes.find((n: { id: string }) => n.id === 'menu');
      menu.config.prompt = 'Versión 2: pulse 1.';
      expect((await omni.call('PUT', `/api/v1/flows/${flowId}`, changed)).status).toBe(200);
      expect((await omni.call('POST', `/api/v1/flows/${flowId}/publish`, {})).body.version).toBe(2);
      const placedBeforeV2 = twilio.outboundCalls.length - before;
      // Some people are still to be called once v2 is out, or this proves nothing.
      expect(placedBeforeV2).toBeLessThan(people);

      await eventually(async () => {
        const row = await omni.call('GET', `/api/v1/campaigns/${id}`);
        return row.body.status === 'completed' ? true : undefined;
      }, 60_000);
      await twilio.outboundSettled();
      const answered = twilio.outboundCalls.slice(before).filter((c) => c.status === 'completed');
      expect(answered).toHaveLength(3);
      for (const call of answered)
        expect(call.result!.said[0]!.text).toMatch(/^Hola Ana[123]\. Pulse 1 para confirmar su cita\.$/);
      const versions = await queryRows<{ version: number }>(
        omni.handle.db,
        sql`select u.version from campaign_recipients r join runs u on u.id = r.run_id
          where r.campaign_id = ${id}::uuid`,
      );
      expect(versions.map((v) => v.version)).toEqual([1, 1, 1]);
    },
    timeout,
  );

  it('refuses a status callback whose signature is not the account’s', async () => {
    const params = new URLSearchParams({
      CallSid: `CA${'1'.repeat(32)}`,
      AccountSid: twilio.accountSid,
      CallStatus: 'busy',
    });
    const url = `${voiceUrl}/status`;
    const forged = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSignature('another-token', url, params),
      },
      body: params.toString(),
    });
    expect(forged.status).toBe(403);
  });
});
