import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { queryRows } from '@omniflow/db';
import {
  freeMediaPort,
  freeUdpPort,
  runSippServer,
  type SippRun,
} from '@omniflow/nodes/drivers/voice/testing';
import { loadRegistry } from '../src/server/load-registry.ts';
import { startVoiceEndpoint, type VoiceEndpoint } from '../src/voice/index.ts';
import { addressOf, seedAudience } from './support/campaign-audience.ts';
import { callerAudioDir } from './support/voice-endpoint.ts';
import { eventually, publishFlow, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

// A voice campaign through the built-in SIP endpoint to a real SIP peer: sipp plays the trunk
// and the people behind it. Contacts 1-3 answer and press 1, contact 4 is busy (486), contact
// 5 lets it ring; two calls at most at once, two calls per person in all, 3 s apart.

const timeout = 180_000;
const people = 5;
// The peer's scenario (uas-campaign.xml) is busy for numbers ending in 486, silent for 480.
const busyNumber = '+51900000486';
const silentNumber = '+51900000480';
// 3 answered + 2 busy + 2 unanswered.
const expectedCalls = 7;

interface PeerEvent {
  callId: string;
  kind: 'invite' | 'end';
  to: string;
  /** Seconds of the day at the peer, from its trace's timestamp. */
  at: number;
}

/** sipp stamps each traced message `YYYY-MM-DD<tab>HH:MM:SS.ffffff` (or seconds since 1970). */
function secondsOf(stamp: string): number {
  const clock = /(\d\d):(\d\d):(\d\d(?:\.\d+)?)/.exec(stamp);
  if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  return Number(/\d+(\.\d+)?/.exec(stamp)?.[0] ?? NaN);
}

/**
 * The calls the peer had going at once, from its own message trace: a call begins with the
 * INVITE it received and ends with the BYE it received, or its 486 or 487 sent.
 */
function peerEvents(log: string): PeerEvent[] {
  const events: PeerEvent[] = [];
  const parts = log.split(/^-{10,}(.*)$/m);
  for (let i = 1; i < parts.length; i += 2) {
    const at = secondsOf(parts[i]!);
    const entry = parts[i + 1] ?? '';
    const received = /message received/.test(entry);
    const sent = /message sent/.test(entry);
    const firstLine = entry
      .split('\n')
      .map((l) => l.trim())
      .find((l) => /^(INVITE|BYE|ACK|CANCEL|SIP\/2\.0) /.test(l));
    const callId = /^Call-ID:\s*(.+)$/im.exec(entry)?.[1]?.trim();
    const to = /^To:.*sip:([^@]+)@/im.exec(entry)?.[1] ?? '';
    if (!firstLine || !callId) continue;
    if (received && firstLine.startsWith('INVITE ')) events.push({ callId, kind: 'invite', to, at });
    else if (received && firstLine.startsWith('BYE ')) events.push({ callId, kind: 'end', to, at });
    else if (
      sent &&
      /^SIP\/2\.0 (486|487) /.test(firstLine) &&
      /INVITE/.test(/^CSeq:.*$/im.exec(entry)?.[0] ?? '')
    )
      events.push({ callId, kind: 'end', to, at });
  }
  return events;
}

function maxSimultaneous(events: PeerEvent[]): number {
  const open = new Set<string>();
  let most = 0;
  for (const e of events) {
    if (e.kind === 'invite') open.add(e.callId);
    else open.delete(e.callId);
    most = Math.max(most, open.size);
  }
  return most;
}

describe.skipIf(!inject('postgresUrl'))('a voice campaign through the SIP endpoint to a sipp trunk', () => {
  let omni: TestOmniflow;
  let endpoint: VoiceEndpoint;
  let work: string;
  let peer: { done: Promise<SippRun>; stop: () => void };
  const messageFile = () => join(work, 'peer-messages.log');

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'omniflow-voice-campaign-'));
    omni = await startTestOmniflow({ db: 'postgres' });
    const sipPort = await freeUdpPort();
    const audio = await callerAudioDir(join(work, 'peer'), '1', 2500, 500);
    peer = runSippServer({
      scenario: 'uas-campaign.xml',
      port: sipPort,
      transport: 'udp',
      mediaPort: await freeMediaPort(),
      cwd: audio,
      calls: expectedCalls,
      messageFile: messageFile(),
      timeoutSeconds: 150,
    });
    endpoint = await startVoiceEndpoint({
      db: omni.handle.db,
      temporal: omni.temporal,
      address: inject('temporalAddress'),
      taskQueue: omni.taskQueue,
      registry: await loadRegistry({}),
      settings: {
        sip: { port: 0, rtpPortMin: 52000, rtpPortMax: 52999, trunk: `127.0.0.1:${sipPort}` },
        promptDir: join(work, 'prompts'),
      },
      campaignCalls: { ringTimeoutMs: 2500, pollMs: 500 },
    });
  }, 60_000);

  afterAll(async () => {
    peer?.stop();
    await endpoint?.stop();
    await omni?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('refuses a voice campaign without a published voice flow, in the asker’s language', async () => {
    const base = { name: 'Recordatorio', kind: 'voice', channel: 'voice' };
    const none = await omni.call('POST', '/api/v1/campaigns', base, { 'accept-language': 'es-PE' });
    expect(none.status).toBe(422);
    expect(none.body.error.code).toBe('FLOW_REQUIRED');
    expect(none.body.error.message).toMatch(/flujo de voz publicado/);

    const manual = await publishFlow(omni, {
      name: 'Flujo manual',
      nodes: [
        { id: 'start', type: 'flow.start', config: {} },
        { id: 'end', type: 'flow.end', config: {} },
      ],
      edges: [{ id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'end' } }],
    });
    const notVoice = await omni.call('POST', '/api/v1/campaigns', { ...base, flowId: manual });
    expect(notVoice.status).toBe(422);
    expect(notVoice.body.error.code).toBe('FLOW_NOT_VOICE');
    expect(notVoice.body.error.message).toMatch(/incoming-call trigger/);

    const draft = await omni.call('POST', '/api/v1/flows', {
      name: 'Borrador de voz',
      nodes: [{ id: 'call', type: 'voice.inbound-call', config: { numbers: ['3999'] } }],
      edges: [],
    });
    const unpublished = await omni.call('POST', '/api/v1/campaigns', { ...base, flowId: draft.body.id });
    expect(unpublished.status).toBe(422);
    expect(unpublished.body.error.code).toBe('FLOW_NOT_PUBLISHED');

    const mismatch = await omni.call('POST', '/api/v1/campaigns', { ...base, channel: 'sms' });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.error.code).toBe('KIND_CHANNEL_MISMATCH');

    const badLimit = await omni.call('POST', '/api/v1/campaigns', { ...base, maxConcurrentCalls: 0 });
    expect(badLimit.status).toBe(400);
  });

  it(
    'calls each person, runs the flow for who answers, retries busy and unanswered ones, never past the limit',
    async () => {
      const workspace = await omni.handle.db.query.workspaces.findFirst();
      const { segmentId } = await seedAudience(omni.handle.db, {
        workspaceId: workspace!.id,
        count: people,
        channel: 'sms',
      });
      for (const [n, number] of [
        [4, busyNumber],
        [5, silentNumber],
      ] as const)
        await omni.handle.db.execute(
          sql`update contact_channels set address = ${number} where address = ${addressOf('sms', n)}`,
        );
      const flowId = await publishFlow(omni, {
        name: 'Encuesta por teclado',
        nodes: [
          { id: 'call', type: 'voice.inbound-call', config: { numbers: ['3000'] } },
          {
            id: 'menu',
            type: 'voice.menu',
            config: {
              prompt: 'Hola {{ input.contact.first_name }}. Pulse 1 si vendrá a su cita.',
              options: [{ digit: '1', id: 'yes', label: 'Sí' }],
              timeout: 'PT8S',
              maxRetries: 0,
            },
          },
          { id: 'bye', type: 'voice.hangup', config: {} },
        ],
        edges: [
          { id: 'e1', from: { node: 'call', port: 'next' }, to: { node: 'menu' } },
          { id: 'e2', from: { node: 'menu', port: 'yes' }, to: { node: 'bye' } },
          { id: 'e3', from: { node: 'menu', port: 'timeout' }, to: { node: 'bye' } },
        ],
      });
      // The picker's list: published voice flows only (not the manual one, not the draft).
      const pickable = (await omni.call('GET', '/api/v1/campaigns/voice-flows')).body.flows;
      expect(pickable).toEqual([{ id: flowId, name: 'Encuesta por teclado' }]);
      const created = await omni.call('POST', '/api/v1/campaigns', {
        name: 'Recordatorio de citas',
        kind: 'voice',
        channel: 'voice',
        segmentId,
        flowId,
        maxConcurrentCalls: 2,
        callRetries: { attempts: 2, delayMinutes: 0.05 },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        kind: 'voice',
        flowId,
        maxConcurrentCalls: 2,
        callRetries: { attempts: 2, delayMinutes: 0.05 },
      });
      const id = created.body.id as string;
      const started = await omni.call('POST', `/api/v1/campaigns/${id}/start`);
      expect(started.status).toBe(200);

      await eventually(async () => {
        const row = await omni.call('GET', `/api/v1/campaigns/${id}`);
        return row.body.status === 'completed' ? true : undefined;
      }, 150_000);
      const stats = (await omni.call('GET', `/api/v1/campaigns/${id}/stats`)).body;
      expect(stats).toMatchObject({
        targeted: people,
        answered: 3,
        busy: 1,
        noAnswer: 1,
        failed: 0,
        calling: 0,
        queued: 0,
      });

      const recipients = await queryRows<{
        address: string;
        status: string;
        attempts: number;
        run_id: string | null;
      }>(
        omni.handle.db,
        sql`select address, status, attempts, run_id from campaign_recipients where campaign_id = ${id}::uuid order by address`,
      );
      expect(recipients.map((r) => [r.address, r.status, r.attempts])).toEqual([
        [addressOf('sms', 1), 'answered', 1],
        [addressOf('sms', 2), 'answered', 1],
        [addressOf('sms', 3), 'answered', 1],
        [silentNumber, 'no_answer', 2],
        [busyNumber, 'busy', 2],
      ]);
      // Who answered got the flow with their name and the campaign, and pressed 1.
      for (const r of recipients.filter((r) => r.status === 'answered')) {
        expect(r.run_id).toBeTruthy();
        const run = (await omni.call('GET', `/api/v1/runs/${r.run_id}`)).body;
        expect(run.input).toMatchObject({
          to: r.address,
          contact: { first_name: expect.stringMatching(/^Ana[123]$/) },
          campaign: { id, name: 'Recordatorio de citas' },
        });
        expect(
          run.steps.some((s: { nodeId: string; port?: string }) => s.nodeId === 'menu' && s.port === 'yes'),
        ).toBe(true);
      }

      const done = await peer.done;
      expect(done.code, done.output).toBe(0);
      const events = peerEvents(await readFile(messageFile(), 'utf8'));
      const invites = events.filter((e) => e.kind === 'invite');
      expect(invites).toHaveLength(expectedCalls);
      const busyCalls = invites.filter((e) => e.to === busyNumber);
      expect(busyCalls).toHaveLength(2);
      // The retry waited its 3 s (a little less: the peer's clock and ours tick apart).
      expect(busyCalls[1]!.at - busyCalls[0]!.at).toBeGreaterThan(2.5);
      expect(invites.filter((e) => e.to === silentNumber)).toHaveLength(2);
      // The limit was used and never exceeded, as the peer saw it.
      expect(maxSimultaneous(events)).toBe(2);
    },
    timeout,
  );
});
