import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FakeTwilioVoice } from '@omniflow/nodes/drivers/voice/testing';
import { createApp } from '../src/api/create-app.ts';
import { createFilesystemRecordingStore } from '../src/recordings/filesystem-recording-store.ts';
import { loadRegistry } from '../src/server/load-registry.ts';
import { startTwimlVoiceHost, type TwimlVoiceHost } from '../src/voice/index.ts';
import { listen } from './support/serve-omniflow.ts';
import {
  eventually,
  latestRunOf,
  publishFlow,
  runReaches,
  startTestOmniflow,
  type TestOmniflow,
} from './support/test-omniflow.ts';

// voice.gather and voice.record on a Twilio-compatible provider: the loopback fake Twilio types
// the keys into <Gather> and serves a recording for <Record>; the recording must land in the
// store the API serves, filed under the call record, and the call record must have the path
// and keys — the same as on the SIP endpoint, with nothing driver-specific in the nodes.

const timeout = 120_000;
const account = { accountSid: `AC${'6'.repeat(32)}`, authToken: 'twilio-voice-nodes-token' };
const ourNumber = '+34910000200';

const pinThenVoicemail = {
  name: 'PIN y buzón Twilio',
  nodes: [
    { id: 'call', type: 'voice.inbound-call', config: { numbers: [ourNumber] } },
    {
      id: 'pin',
      type: 'voice.gather',
      config: { prompt: 'Marque su PIN y pulse almohadilla', pattern: '\\d{4}', maxRetries: 0 },
    },
    { id: 'record', type: 'voice.record', config: { maxLength: 'PT30S' } },
    { id: 'bye', type: 'voice.hangup', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'call', port: 'next' }, to: { node: 'pin' } },
    { id: 'e2', from: { node: 'pin', port: 'next' }, to: { node: 'record' } },
    { id: 'e3', from: { node: 'record', port: 'next' }, to: { node: 'bye' } },
  ],
};

let omni: TestOmniflow;
let host: TwimlVoiceHost;
let server: Awaited<ReturnType<typeof listen>>;
let twilio: FakeTwilioVoice;
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'omniflow-twiml-nodes-'));
  const recordingStore = createFilesystemRecordingStore({ dir: join(work, 'recordings') });
  omni = await startTestOmniflow({ appDeps: { recordingStore } });
  host = await startTwimlVoiceHost({
    db: omni.handle.db,
    temporal: omni.temporal,
    address: inject('temporalAddress'),
    taskQueue: omni.taskQueue,
    registry: await loadRegistry({}),
    recordingStore,
    recordingScratchDir: join(work, 'scratch'),
  });
  server = await listen(createApp({ ...omni.deps, twimlVoice: host }));
  const workspace = (await omni.handle.db.query.workspaces.findFirst())!;
  const saved = await omni.call('PUT', '/api/v1/channels/sms', {
    provider: 'twilio',
    config: { accountSid: account.accountSid, from: ourNumber },
    secrets: { authToken: account.authToken },
  });
  expect(saved.status).toBe(200);
  const voiceUrl = `${server.url}/api/v1/webhooks/twilio/${workspace.id}/voice`;
  twilio = new FakeTwilioVoice({
    voiceUrl,
    statusCallbackUrl: `${voiceUrl}/status`,
    authToken: account.authToken,
  });
  await twilio.start();
  await publishFlow(omni, pinThenVoicemail);
}, timeout);

afterAll(async () => {
  await host?.stop();
  await server?.close();
  await twilio?.stop();
  await omni?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('voice.gather and voice.record through Twilio webhooks', () => {
  it(
    'takes a PIN ended by #, stores the voicemail and fills the call record',
    async () => {
      const caller = '+34600222001';
      const call = await twilio.placeCall({
        from: caller,
        to: ourNumber,
        digits: [{ digits: '1234', finishedOnKey: '#' }],
        recordings: [{ seconds: 2, digits: '#' }],
      });
      expect(call.end).toBe('hangup-verb');
      // The prompt is said inside the <Gather>, so a key cuts it off on the provider's side.
      expect(call.said).toEqual([{ text: 'Marque su PIN y pulse almohadilla', language: 'es-ES' }]);

      const runId = await eventually(() => latestRunOf(omni, caller));
      const run = await runReaches(omni, runId, ['completed', 'failed', 'abandoned'], 60_000);
      expect(run.status).toBe('completed');
      expect(run.steps[1]).toMatchObject({ nodeId: 'pin', port: 'next', output: { digits: '1234' } });
      const recorded = run.steps[2].output;
      expect(recorded).toMatchObject({ reason: 'finish-key', silent: false });

      const listed = await omni.call('GET', `/api/v1/recordings?number=${encodeURIComponent(caller)}`);
      expect(listed.body.items).toEqual([
        expect.objectContaining({ id: recorded.recordingId, runId, nodeId: 'record' }),
      ]);
      const record = await eventually(async () => {
        const calls = await omni.call('GET', `/api/v1/calls?number=${encodeURIComponent(caller)}`);
        const found = calls.body.items[0];
        return found?.path.length > 0 ? found : undefined;
      }, 30_000);
      expect(record).toMatchObject({
        driver: 'twiml',
        path: ['call', 'pin', 'record', 'bye'],
        digits: [{ nodeId: 'pin', digits: '1234#' }],
        hangupSide: 'flow',
      });
      expect(listed.body.items[0].callRecordId).toBe(record.id);
    },
    timeout,
  );
});
