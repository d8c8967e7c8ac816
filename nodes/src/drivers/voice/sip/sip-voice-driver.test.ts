import { createSocket, type Socket } from 'node:dgram';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call, GatherResult, HangupSide, RecordResult } from '../voice-driver.ts';
import { parseRtpPacket } from './rtp-packet.ts';
import { SipVoiceDriver } from './sip-voice-driver.ts';
import { callerMediaPackets, writeRtpPcap } from './testing/rtp-pcap-writer.ts';
import { freeMediaPort, runSipp } from './testing/run-sipp.ts';
import { tone } from './tones.ts';
import { decodeWav, encodeWav } from './wav-file.ts';

// Real calls from sipp on loopback (sip-tester in Debian). sipp replays the caller's RTP from
// pcap files over a raw socket, which needs root, as CI and the dev containers run.

const timeout = 120_000;
let driver: SipVoiceDriver;
let work: string;
let promptPath: string;
const calls: Array<(call: Call) => void> = [];

/** The next call the driver hands over goes to `handler`; fails if it has not finished in time. */
function nextCall(handler: (call: Call) => Promise<void>, withinMs = 90_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The call handler did not finish in time')), withinMs);
    calls.push((call) =>
      handler(call).then(
        () => {
          clearTimeout(timer);
          resolve();
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      ),
    );
  });
}

async function callerDir(
  name: string,
  digits: string,
  options: { digitsAtMs?: number; toneMs?: number } = {},
) {
  const dir = join(work, name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const packets = callerMediaPackets({
    digits,
    digitsAtMs: options.digitsAtMs ?? 800,
    telephoneEventPayloadType: 101,
    toneMs: options.toneMs ?? 1500,
  });
  await writeFile(join(dir, 'caller-audio.pcap'), writeRtpPcap(packets));
  return dir;
}

function rms(samples: Int16Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'omniflow-sip-'));
  promptPath = join(work, 'prompt.wav');
  await writeFile(promptPath, encodeWav(tone(660, 600)));
  driver = new SipVoiceDriver({ port: 0, rtpPortMin: 42000, rtpPortMax: 43999 });
  driver.onCall((call) => {
    const handler = calls.shift();
    if (handler) handler(call);
    else void call.hangup();
  });
  await driver.start();
});

afterAll(async () => {
  await driver?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('SipVoiceDriver with sipp', () => {
  it(
    'answers an SDP offer, plays the prompt, takes an RFC 4733 key and records until the caller hangs up',
    async () => {
      const listener: Socket = createSocket('udp4');
      const received: Array<{ payloadType: number; size: number }> = [];
      listener.on('message', (data) => {
        const packet = parseRtpPacket(data);
        if (packet) received.push({ payloadType: packet.payloadType, size: packet.payload.length });
      });
      await new Promise<void>((resolve) => listener.bind(0, '127.0.0.1', resolve));
      const dir = await callerDir('main', '5', { digitsAtMs: 1000, toneMs: 1500 });
      const recordingPath = join(dir, 'recording.wav');
      let gathered: GatherResult | undefined;
      let recorded: RecordResult | undefined;
      let ended: { side: HangupSide } | undefined;
      const handled = nextCall(async (call) => {
        expect(call.to).toBe('4000');
        expect(call.from).toBe('1001');
        await call.answer();
        await call.play({ kind: 'file', path: promptPath });
        gathered = await call.gather({ maxDigits: 1, timeoutMs: 15_000 });
        recorded = await call.record({ maxLengthMs: 60_000, beep: false, path: recordingPath });
        ended = await call.ended;
      });
      const sipp = await runSipp({
        scenario: 'uac-offer-record.xml',
        target: `127.0.0.1:${driver.port}`,
        transport: 'udp',
        mediaPort: await freeMediaPort(),
        cwd: dir,
        service: '4000',
        keys: { caller: '1001', rtp_port: listener.address().port },
      });
      await handled;
      listener.close();
      expect(sipp.code, sipp.output).toBe(0);
      expect(gathered).toEqual({ digits: '5', reason: 'max-digits' });
      expect(recorded?.reason).toBe('hangup');
      expect(recorded?.path).toBe(recordingPath);
      expect(ended?.side).toBe('caller');
      // 600 ms of prompt is 30 packets of 160 µ-law bytes (the caller offered PCMU first).
      const prompt = received.filter((p) => p.payloadType === 0 && p.size === 160);
      expect(prompt.length).toBeGreaterThanOrEqual(28);
      const samples = decodeWav(await readFile(recordingPath));
      expect(samples.length).toBeGreaterThan(8000);
      expect(rms(samples)).toBeGreaterThan(500);
      expect(recorded?.durationMs).toBeGreaterThan(1000);
    },
    timeout,
  );

  it(
    'answers a delayed offer over TCP: our 200 OK offers, the ACK answers, and the key arrives',
    async () => {
      const dir = await callerDir('delayed', '7');
      let gathered: GatherResult | undefined;
      let ended: { side: HangupSide } | undefined;
      const handled = nextCall(async (call) => {
        await call.answer();
        gathered = await call.gather({ maxDigits: 1, timeoutMs: 15_000 });
        await call.hangup();
        ended = await call.ended;
      });
      const sipp = await runSipp({
        scenario: 'uac-delayed-offer.xml',
        target: `127.0.0.1:${driver.port}`,
        transport: 'tcp',
        mediaPort: await freeMediaPort(),
        cwd: dir,
        service: '4001',
        keys: { caller: '1002' },
      });
      await handled;
      expect(sipp.code, sipp.output).toBe(0);
      expect(gathered).toEqual({ digits: '7', reason: 'max-digits' });
      expect(ended?.side).toBe('flow');
    },
    timeout,
  );

  it(
    'ends a call the caller cancels before it is answered with 487',
    async () => {
      const dir = await callerDir('cancel', '');
      let ended: { side: HangupSide } | undefined;
      let answerError: unknown;
      const handled = nextCall(async (call) => {
        ended = await call.ended;
        answerError = await call.answer().catch((error: unknown) => error);
      });
      const sipp = await runSipp({
        scenario: 'uac-cancel.xml',
        target: `127.0.0.1:${driver.port}`,
        transport: 'udp',
        mediaPort: await freeMediaPort(),
        cwd: dir,
        service: '4002',
        keys: { caller: '1003' },
      });
      await handled;
      expect(sipp.code, sipp.output).toBe(0);
      expect(ended?.side).toBe('caller');
      expect(answerError).toMatchObject({ code: 'CALL_ENDED' });
    },
    timeout,
  );

  it(
    'answers an OPTIONS keep-alive with 200',
    async () => {
      const dir = await callerDir('options', '');
      const sipp = await runSipp({
        scenario: 'uac-options.xml',
        target: `127.0.0.1:${driver.port}`,
        transport: 'udp',
        mediaPort: await freeMediaPort(),
        cwd: dir,
        service: '4003',
        keys: { caller: '1004' },
      });
      expect(sipp.code, sipp.output).toBe(0);
    },
    timeout,
  );

  it(
    'takes a key sent as SIP INFO (application/dtmf-relay)',
    async () => {
      const dir = await callerDir('info', '');
      let gathered: GatherResult | undefined;
      const handled = nextCall(async (call) => {
        await call.answer();
        gathered = await call.gather({ maxDigits: 1, timeoutMs: 15_000 });
        await call.hangup();
      });
      const sipp = await runSipp({
        scenario: 'uac-info-dtmf.xml',
        target: `127.0.0.1:${driver.port}`,
        transport: 'udp',
        mediaPort: await freeMediaPort(),
        cwd: dir,
        service: '4004',
        keys: { caller: '1005', digit: '9' },
      });
      await handled;
      expect(sipp.code, sipp.output).toBe(0);
      expect(gathered).toEqual({ digits: '9', reason: 'max-digits' });
    },
    timeout,
  );

  it(
    'holds and resumes with re-INVITE, then transfers blind with REFER and hangs up on NOTIFY 200',
    async () => {
      const dir = await callerDir('transfer', '');
      let outcome: string | undefined;
      let ended: { side: HangupSide } | undefined;
      const handled = nextCall(async (call) => {
        await call.answer();
        await call.hold();
        await call.resume();
        outcome = await call.transfer('5555', 'blind');
        ended = await call.ended;
      });
      const sipp = await runSipp({
        scenario: 'uac-hold-transfer.xml',
        target: `127.0.0.1:${driver.port}`,
        transport: 'udp',
        mediaPort: await freeMediaPort(),
        cwd: dir,
        service: '4006',
        keys: { caller: '1006' },
      });
      await handled;
      expect(sipp.code, sipp.output).toBe(0);
      expect(outcome).toBe('answered');
      expect(ended?.side).toBe('transfer');
    },
    timeout,
  );

  it(
    'keeps 20 concurrent callers apart: each call gathers its own keys',
    async () => {
      const count = 20;
      const byCaller = new Map<string, string>();
      const handled = Array.from({ length: count }, () =>
        nextCall(async (call) => {
          await call.answer();
          const result = await call.gather({ maxDigits: 2, timeoutMs: 20_000 });
          byCaller.set(call.from, result.digits);
          await call.hangup();
        }),
      );
      const expected = new Map<string, string>();
      const runs = await Promise.all(
        Array.from({ length: count }, async (_, i) => {
          const caller = String(2000 + i);
          const digits = `${i % 10}${Math.floor(i / 10)}`;
          expected.set(caller, digits);
          const dir = await callerDir(`concurrent-${i}`, digits, { digitsAtMs: 1500, toneMs: 200 });
          return runSipp({
            scenario: 'uac-offer-digits.xml',
            target: `127.0.0.1:${driver.port}`,
            transport: 'udp',
            mediaPort: await freeMediaPort(),
            cwd: dir,
            service: '4005',
            keys: { caller },
          });
        }),
      );
      await Promise.all(handled);
      for (const run of runs) expect(run.code, run.output).toBe(0);
      expect(Object.fromEntries(byCaller)).toEqual(Object.fromEntries(expected));
      expect(driver.activeCalls).toBe(0);
    },
    timeout,
  );
});
