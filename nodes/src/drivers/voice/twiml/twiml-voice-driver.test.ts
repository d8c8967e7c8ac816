import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../sip/wav-file.ts';
import type { Call } from '../voice-driver.ts';
import { readWavInfo } from '../wav-info.ts';
import { FakeTwilioVoice, serveFetchHandler, type FakeCallScript } from './testing/index.ts';
import { TwimlVoiceDriver } from './twiml-voice-driver.ts';

// The driver behind a loopback HTTP server, called by a fake Twilio that speaks the published
// wire format: signed form POSTs, TwiML parsed with an XML parser, actions, status callbacks.

const authToken = 'test-auth-token-0123456789abcdef';
let server: { url: string; close(): Promise<void> };
let driver: TwimlVoiceDriver;
let twilio: FakeTwilioVoice;
let work: string;
let script: (call: Call) => Promise<void> = async () => {};
let calls: Call[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'omniflow-twiml-'));
  server = await serveFetchHandler((request) => driver.handle(request));
  driver = new TwimlVoiceDriver({
    webhookUrl: `${server.url}/webhooks/twilio/ws-1/voice`,
    authToken: () => authToken,
    heldRequestMs: 400,
  });
  driver.onCall((call) => {
    calls.push(call);
    void script(call).catch(() => undefined);
  });
  twilio = new FakeTwilioVoice({
    voiceUrl: `${server.url}/webhooks/twilio/ws-1/voice`,
    statusCallbackUrl: `${server.url}/webhooks/twilio/ws-1/voice/status`,
    authToken,
  });
  await twilio.start();
});

afterAll(async () => {
  await driver?.stop();
  await twilio?.stop();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

async function place(flow: (call: Call) => Promise<void>, caller: Partial<FakeCallScript> = {}) {
  calls = [];
  let failure: unknown;
  const done = new Promise<void>((resolve) => {
    script = (call) =>
      flow(call).then(resolve, (error: unknown) => {
        failure = error;
        resolve();
      });
  });
  const result = await twilio.placeCall({ from: '+34600111222', to: '+34910000000', ...caller });
  if (calls.length) await done;
  if (failure) throw failure;
  return result;
}

describe('TwimlVoiceDriver with a Twilio-compatible provider', () => {
  it('says text with the provider locale, gathers a digit and hangs up', async () => {
    let gathered;
    let ended;
    const result = await place(
      async (call) => {
        await call.answer();
        await call.say('Hola <amigos> & "todos"', { language: 'es' });
        gathered = await call.gather({ maxDigits: 1, timeoutMs: 5000 });
        await call.say(`You pressed ${gathered.digits}`, { language: 'en', voice: 'es+f3' });
        await call.hangup();
        ended = await call.ended;
      },
      { digits: ['2'] },
    );
    expect(result.said).toEqual([
      { text: 'Hola <amigos> & "todos"', language: 'es-ES' },
      { text: 'You pressed 2', language: 'en-US' },
    ]);
    expect(gathered).toEqual({ digits: '2', reason: 'max-digits' });
    expect(result.end).toBe('hangup-verb');
    expect(ended).toMatchObject({ side: 'flow' });
    expect(calls[0]).toMatchObject({ from: '+34600111222', to: '+34910000000', id: result.sid });
  });

  it('reports no input as a timeout and a finish key as such', async () => {
    const answers: unknown[] = [];
    await place(
      async (call) => {
        answers.push(await call.gather({ maxDigits: 4, timeoutMs: 1000, finishOnKey: '#' }));
        answers.push(await call.gather({ maxDigits: 4, timeoutMs: 1000, finishOnKey: '#' }));
        await call.hangup();
      },
      { digits: ['', { digits: '12', finishedOnKey: '#' }] },
    );
    expect(answers).toEqual([
      { digits: '', reason: 'timeout' },
      { digits: '12', reason: 'finish-key' },
    ]);
  });

  it('plays a prompt file the provider fetches by content hash, and nothing else', async () => {
    const prompt = join(work, 'prompt.wav');
    await writeFile(prompt, encodeWav(new Int16Array(8000)));
    const result = await place(async (call) => {
      await call.play({ kind: 'file', path: prompt });
      await call.hangup();
    });
    expect(result.played).toHaveLength(1);
    expect(result.played[0]).toMatchObject({ contentType: 'audio/wav', bytes: 16044 });
    expect(result.played[0]!.url).toMatch(/\/webhooks\/twilio\/ws-1\/voice\/audio\/[0-9a-f]{64}\.wav$/);
    for (const path of [
      '/audio/..%2F..%2Fetc%2Fpasswd',
      `/audio/${'0'.repeat(64)}.wav`,
      '/audio/../../etc/passwd',
    ])
      expect((await fetch(`${server.url}/webhooks/twilio/ws-1/voice${path}`)).status).toBe(404);
  });

  it('records to the given path from the provider RecordingUrl', async () => {
    const path = join(work, 'rec', 'voicemail.wav');
    let recorded;
    await place(
      async (call) => {
        recorded = await call.record({ maxLengthMs: 30_000, beep: true, finishOnKey: '#', path });
        await call.hangup();
      },
      { recordings: [{ seconds: 2, digits: '#' }] },
    );
    expect(recorded).toEqual({ path, durationMs: 2000, reason: 'finish-key' });
    expect(readWavInfo(await readFile(path))?.durationMs).toBe(2000);
    expect(twilio.recordingFetches.at(-1)?.authorized).toBe(true);
  });

  it('keeps a recording when the caller hangs up during it', async () => {
    const path = join(work, 'rec', 'hung-up.wav');
    let recorded;
    let ended;
    await place(
      async (call) => {
        recorded = await call.record({ maxLengthMs: 30_000, beep: false, path });
        ended = await call.ended;
      },
      { recordings: [{ seconds: 3, digits: 'hangup' }] },
    );
    expect(recorded).toMatchObject({ path, durationMs: 3000, reason: 'hangup' });
    expect(ended).toMatchObject({ side: 'caller' });
    expect(readWavInfo(await readFile(path))).toBeDefined();
  });

  it('maps DialCallStatus to transfer outcomes and hands an answered call over', async () => {
    const outcomes: unknown[] = [];
    let ended;
    const result = await place(
      async (call) => {
        outcomes.push(await call.transfer('+34910000001', 'blind'));
        outcomes.push(await call.transfer('sip:agent@pbx.example', 'attended'));
        ended = await call.ended;
      },
      { dials: ['busy', 'completed'] },
    );
    expect(outcomes).toEqual(['busy', 'answered']);
    expect(result.dialled).toEqual(['+34910000001', 'sip:agent@pbx.example']);
    expect(ended).toMatchObject({ side: 'transfer' });
  });

  it('answers a webhook held too long with a pause and a redirect, and the call goes on', async () => {
    const result = await place(async (call) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await call.say('Gracias por esperar', { language: 'es' });
      await call.hangup();
    });
    expect(result.verbs.filter((v) => v === 'Pause').length).toBeGreaterThanOrEqual(1);
    expect(result.said).toEqual([{ text: 'Gracias por esperar', language: 'es-ES' }]);
    expect(result.end).toBe('hangup-verb');
  });

  it('holds with silence until resumed', async () => {
    const result = await place(async (call) => {
      await call.hold();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await call.resume();
      await call.say('Seguimos', { language: 'es' });
      await call.hangup();
    });
    expect(result.verbs.indexOf('Pause')).toBeLessThan(result.verbs.indexOf('Say'));
    expect(result.said).toEqual([{ text: 'Seguimos', language: 'es-ES' }]);
  });

  it('tells the flow when the caller hangs up during a gather', async () => {
    let gathered;
    let ended;
    let afterwards: unknown;
    await place(
      async (call) => {
        gathered = await call.gather({ maxDigits: 1, timeoutMs: 5000 });
        ended = await call.ended;
        afterwards = await call.say('¿Hola?', { language: 'es' }).catch((error: unknown) => error);
      },
      { hangUpAt: { verb: 'Gather' } },
    );
    expect(gathered).toEqual({ digits: '', reason: 'hangup' });
    expect(ended).toMatchObject({ side: 'caller' });
    expect(afterwards).toMatchObject({ code: 'CALL_ENDED' });
  });

  it('settles an open gather when the flow hangs up meanwhile, and the provider gets <Hangup/>', async () => {
    let gathered;
    const result = await place(
      async (call) => {
        await call.answer();
        const pending = call.gather({ maxDigits: 1, timeoutMs: 5000 });
        await call.hangup();
        gathered = await pending;
      },
      { digits: ['5'] },
    );
    expect(gathered).toEqual({ digits: '', reason: 'hangup' });
    expect(result.end).toBe('hangup-verb');
  });

  it('rejects a call hung up before it is answered', async () => {
    const result = await place(async (call) => call.hangup());
    expect(result).toMatchObject({ end: 'rejected', rejectReason: 'rejected' });
  });

  it('refuses unsigned and wrongly signed webhooks without taking the call', async () => {
    for (const signature of ['missing', 'wrong'] as const) {
      const result = await place(async () => {}, { signature });
      expect(result.end).toBe('http-error');
      expect(result.requests[0]!.status).toBe(403);
      expect(result.error).toContain('SIGNATURE_INVALID');
      expect(calls).toHaveLength(0);
    }
  });

  it('answers 400 to a signed body that is not a voice webhook', async () => {
    const { twilioSignature } = await import('../../twilio/twilio-signature.ts');
    const url = `${server.url}/webhooks/twilio/ws-1/voice`;
    const params = new URLSearchParams({ Hello: 'world' });
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSignature(authToken, url, params),
      },
      body: params.toString(),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('CallSid');
  });

  it('checks every later request of a call with the token its first request was checked with', async () => {
    // One line, two numbers on two accounts: the caller of the line says which token the
    // first request needs (handle's third argument); the call's actions and status callback
    // carry no such hint and must still be checked with that number's token, not the line's.
    const otherToken = 'second-number-token-0123456789';
    const line = await serveFetchHandler((request) =>
      other.handle(
        request,
        undefined,
        new URL(request.url).pathname.endsWith('/voice') ? () => otherToken : undefined,
      ),
    );
    const other: TwimlVoiceDriver = new TwimlVoiceDriver({
      webhookUrl: `${line.url}/webhooks/twilio/ws-2/voice`,
      authToken: () => authToken,
      heldRequestMs: 400,
    });
    other.onCall((call) => {
      void (async () => {
        await call.answer();
        const keyed = await call.gather({ maxDigits: 1, timeoutMs: 5000 });
        await call.say(`Tecla ${keyed.digits}`, { language: 'es' });
        await call.hangup();
      })().catch(() => undefined);
    });
    const caller = new FakeTwilioVoice({
      voiceUrl: `${line.url}/webhooks/twilio/ws-2/voice`,
      statusCallbackUrl: `${line.url}/webhooks/twilio/ws-2/voice/status`,
      authToken: otherToken,
    });
    await caller.start();
    try {
      const result = await caller.placeCall({ from: '+34600111333', to: '+34910000001', digits: ['4'] });
      expect(result.said.map((s) => s.text)).toEqual(['Tecla 4']);
      expect(result.requests.map((r) => r.status).every((status) => status < 300)).toBe(true);
      expect(result.requests.length).toBeGreaterThan(2);
      // The line's own token does not open that number's calls.
      const wrong = new FakeTwilioVoice({
        voiceUrl: `${line.url}/webhooks/twilio/ws-2/voice`,
        statusCallbackUrl: `${line.url}/webhooks/twilio/ws-2/voice/status`,
        authToken,
      });
      await wrong.start();
      const refused = await wrong.placeCall({ from: '+34600111334', to: '+34910000001' });
      await wrong.stop();
      expect(refused.requests[0]!.status).toBe(403);
    } finally {
      await other.stop();
      await caller.stop();
      await line.close();
    }
  });
});
