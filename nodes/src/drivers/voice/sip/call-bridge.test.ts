import { createSocket, type Socket } from 'node:dgram';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call, HangupSide, TransferOutcome } from '../voice-driver.ts';
import { decodeG711 } from './g711.ts';
import { parseRtpPacket } from './rtp-packet.ts';
import { SipVoiceDriver } from './sip-voice-driver.ts';
import { resolveTransferTarget } from './transfer-target.ts';
import { writeRtpPcap } from './testing/rtp-pcap-writer.ts';
import { freeMediaPort, freeUdpPort, runSipp, runSippServer } from './testing/run-sipp.ts';
import { dominantFrequency, tonePackets } from './testing/tone-check.ts';

// Attended transfer through outbound legs, against real sipp peers on loopback: a sipp caller
// dials the endpoint, which calls a sipp UAS (the target) and bridges them. Callers and targets
// send tone-coded audio (440 Hz caller, 1500 Hz target); the test listens where each one's SDP
// says to send RTP and checks which tone arrives. sipp replays pcaps over raw sockets: root.

const timeout = 90_000;
let driver: SipVoiceDriver;
let work: string;
/** Where the driver's trunk points: a sipp UAS listens there in the trunk test. */
let trunkPort: number;
const handlers: Array<(call: Call) => void> = [];

/** RTP the endpoint sends to one party, decoded (PCMU or PCMA) in arrival order. */
async function mediaSink(): Promise<{ socket: Socket; samples: () => Int16Array; packets: () => number }> {
  const socket = createSocket('udp4');
  const chunks: Int16Array[] = [];
  socket.on('message', (data) => {
    const packet = parseRtpPacket(data);
    if (!packet || (packet.payloadType !== 0 && packet.payloadType !== 8)) return;
    chunks.push(decodeG711(packet.payloadType === 0 ? 'PCMU' : 'PCMA', packet.payload));
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    socket,
    packets: () => chunks.length,
    samples: () => {
      const all = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
      let offset = 0;
      for (const chunk of chunks) {
        all.set(chunk, offset);
        offset += chunk.length;
      }
      return all;
    },
  };
}

/** The last second-long stretches that carry sound, to judge the tone after ringback ended. */
function loudTail(samples: Int16Array, seconds = 1): Int16Array {
  let end = samples.length;
  while (end > 0 && Math.abs(samples[end - 1]!) < 200) end--;
  return samples.subarray(Math.max(0, end - seconds * 8000), end);
}

async function peerDir(name: string, file: string, frequency: number, codec: 'PCMU' | 'PCMA' = 'PCMU') {
  const dir = join(work, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, file), writeRtpPcap(tonePackets(frequency, 4000, codec)));
  return dir;
}

/** One call from a sipp caller; the handler gets the Call and returns what the test checks. */
async function callIn<T>(
  handler: (call: Call) => Promise<T>,
  options: { talkMs: number; rtpPort: number; dir: string; codec?: string; scenario?: string },
) {
  const handled = new Promise<T>((resolve, reject) => {
    handlers.push((call) => handler(call).then(resolve, reject));
  });
  const sipp = runSipp({
    scenario: options.scenario ?? 'uac-talk.xml',
    target: `127.0.0.1:${driver.port}`,
    service: '3000',
    transport: 'udp',
    mediaPort: await freeMediaPort(),
    cwd: options.dir,
    keys: { caller: '600555111', rtp_port: options.rtpPort, codec: options.codec ?? '0' },
    pauseMs: options.talkMs,
  });
  return { handled, sipp };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'omniflow-bridge-'));
  trunkPort = await freeUdpPort();
  driver = new SipVoiceDriver({
    port: 0,
    rtpPortMin: 45000,
    rtpPortMax: 45999,
    trunk: `127.0.0.1:${trunkPort}`,
  });
  driver.onCall((call) => {
    const handler = handlers.shift();
    if (handler) handler(call);
    else void call.hangup();
  });
  await driver.start();
});

afterAll(async () => {
  await driver?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('transfer targets', () => {
  it('calls SIP URIs at their host, numbers through the trunk, and refuses the rest', () => {
    expect(resolveTransferTarget('sip:agent@10.0.0.5:5070', undefined)).toEqual({
      uri: 'sip:agent@10.0.0.5:5070',
      remote: { protocol: 'udp', address: '10.0.0.5', port: 5070 },
    });
    expect(resolveTransferTarget('+34 600 111 222', 'pbx.example.com:5080;transport=tcp')).toEqual({
      uri: 'sip:+34600111222@pbx.example.com:5080;transport=tcp',
      remote: { protocol: 'tcp', address: 'pbx.example.com', port: 5080 },
    });
    expect(() => resolveTransferTarget('600111222', undefined)).toThrow(/OMNIFLOW_SIP_TRUNK/);
    expect(() => resolveTransferTarget('sales desk', 'pbx')).toThrow(/SIP URI .* or a phone number/);
    expect(() => resolveTransferTarget('sips:agent@host', undefined)).toThrow(/TLS/);
  });
});

describe('attended transfer to a sipp target (B2BUA bridge)', () => {
  it(
    'rings (the caller hears ringback), bridges RTP both ways across µ-law and A-law, and BYEs the target when the caller hangs up',
    async () => {
      const callerSink = await mediaSink();
      const targetSink = await mediaSink();
      const targetPort = await freeUdpPort();
      const target = runSippServer({
        scenario: 'uas-answer.xml',
        port: targetPort,
        transport: 'udp',
        mediaPort: await freeMediaPort(),
        cwd: await peerDir('answer-target', 'target-audio.pcap', 1500, 'PCMA'),
        // The target speaks A-law, the caller µ-law: the bridge transcodes.
        keys: { rtp_port: targetSink.socket.address().port, codec: '8' },
        pauseMs: 1500,
      });
      const { handled, sipp } = await callIn(
        async (call) => {
          await call.answer();
          const outcome = await call.transfer(`sip:agent@127.0.0.1:${targetPort}`, 'attended', {
            ringTimeoutMs: 10_000,
          });
          const bridged = call.bridged;
          const ended = await call.ended;
          return { outcome, bridged, ended };
        },
        {
          talkMs: 6000,
          rtpPort: callerSink.socket.address().port,
          dir: await peerDir('answer-caller', 'caller-audio.pcap', 440),
        },
      );
      const [caller, targetRun, result] = await Promise.all([sipp, target.done, handled]);
      callerSink.socket.close();
      targetSink.socket.close();
      expect(caller.code, caller.output).toBe(0);
      expect(targetRun.code, targetRun.output).toBe(0);
      expect(result.outcome).toBe<TransferOutcome>('answered');
      expect(result.bridged).toBe(true);
      expect(result.ended.side).toBe<HangupSide>('transfer');
      const heardByCaller = callerSink.samples();
      // Ringback first (425 Hz while the target rang 1.5 s), then the target's voice.
      expect(dominantFrequency(heardByCaller.subarray(0, 8000), [425, 440, 1500])).toBe(425);
      expect(dominantFrequency(loudTail(heardByCaller), [425, 440, 1500])).toBe(1500);
      expect(dominantFrequency(loudTail(targetSink.samples()), [425, 440, 1500])).toBe(440);
      expect(targetSink.packets()).toBeGreaterThan(100);
    },
    timeout,
  );

  it(
    'falls back to the bridge when the caller refuses a blind transfer’s REFER',
    async () => {
      const targetSink = await mediaSink();
      const targetPort = await freeUdpPort();
      const target = runSippServer({
        scenario: 'uas-answer.xml',
        port: targetPort,
        transport: 'udp',
        mediaPort: await freeMediaPort(),
        cwd: await peerDir('refer-target', 'target-audio.pcap', 1500),
        keys: { rtp_port: targetSink.socket.address().port, codec: '0' },
        pauseMs: 200,
      });
      const callerSink = await mediaSink();
      const { handled, sipp } = await callIn(
        async (call) => {
          await call.answer();
          // sipp drops a request that arrives before its scenario reaches the <recv>.
          await new Promise((resolve) => setTimeout(resolve, 300));
          const outcome = await call.transfer(`sip:agent@127.0.0.1:${targetPort}`, 'blind', {
            ringTimeoutMs: 10_000,
          });
          return { outcome, ended: await call.ended };
        },
        {
          talkMs: 4000,
          rtpPort: callerSink.socket.address().port,
          dir: await peerDir('refer-caller', 'caller-audio.pcap', 440),
          scenario: 'uac-refuse-refer.xml',
        },
      );
      const [caller, targetRun, result] = await Promise.all([sipp, target.done, handled]);
      callerSink.socket.close();
      targetSink.socket.close();
      expect(caller.code, caller.output).toBe(0);
      expect(targetRun.code, targetRun.output).toBe(0);
      expect(result.outcome).toBe('answered');
      expect(result.ended.side).toBe('transfer');
      expect(dominantFrequency(loudTail(targetSink.samples()), [425, 440, 1500])).toBe(440);
      expect(dominantFrequency(loudTail(callerSink.samples()), [425, 440, 1500])).toBe(1500);
    },
    timeout,
  );

  it(
    'reports busy on 486',
    async () => {
      const targetPort = await freeUdpPort();
      const target = runSippServer({
        scenario: 'uas-busy.xml',
        port: targetPort,
        transport: 'udp',
        mediaPort: await freeMediaPort(),
        cwd: work,
      });
      const sink = await mediaSink();
      const { handled, sipp } = await callIn(
        async (call) => {
          await call.answer();
          const outcome = await call.transfer(`sip:agent@127.0.0.1:${targetPort}`, 'attended', {
            ringTimeoutMs: 10_000,
          });
          const bridged = call.bridged;
          // The flow keeps the caller: it can still talk on the call.
          await call.play({ kind: 'file', path: join(work, 'missing.wav') }).catch(() => undefined);
          return { outcome, bridged };
        },
        {
          talkMs: 3000,
          rtpPort: sink.socket.address().port,
          dir: await peerDir('busy-caller', 'caller-audio.pcap', 440),
        },
      );
      const [caller, targetRun, result] = await Promise.all([sipp, target.done, handled]);
      sink.socket.close();
      expect(targetRun.code, targetRun.output).toBe(0);
      expect(caller.code, caller.output).toBe(0);
      expect(result).toEqual({ outcome: 'busy', bridged: false });
    },
    timeout,
  );

  it(
    'dials a number through the trunk as sip:<number>@<trunk>',
    async () => {
      const trunk = runSippServer({
        scenario: 'uas-trunk-busy.xml',
        port: trunkPort,
        transport: 'udp',
        mediaPort: await freeMediaPort(),
        cwd: work,
      });
      const sink = await mediaSink();
      const { handled, sipp } = await callIn(
        async (call) => {
          await call.answer();
          return call.transfer('600 123 456', 'attended', {
            ringTimeoutMs: 5000,
          });
        },
        {
          talkMs: 2000,
          rtpPort: sink.socket.address().port,
          dir: await peerDir('trunk-caller', 'caller-audio.pcap', 440),
        },
      );
      const [caller, trunkRun, outcome] = await Promise.all([sipp, trunk.done, handled]);
      sink.socket.close();
      // sipp checks the request line: INVITE sip:600123456@127.0.0.1:<trunk port>.
      expect(trunkRun.code, trunkRun.output).toBe(0);
      expect(caller.code, caller.output).toBe(0);
      expect(outcome).toBe('busy');
    },
    timeout,
  );

  it(
    'cancels a target that rings past the ring timeout: no-answer',
    async () => {
      const targetPort = await freeUdpPort();
      const target = runSippServer({
        scenario: 'uas-no-answer.xml',
        port: targetPort,
        transport: 'udp',
        mediaPort: await freeMediaPort(),
        cwd: work,
      });
      const sink = await mediaSink();
      const { handled, sipp } = await callIn(
        async (call) => {
          await call.answer();
          const started = Date.now();
          const outcome = await call.transfer(`sip:agent@127.0.0.1:${targetPort}`, 'attended', {
            ringTimeoutMs: 2000,
          });
          return { outcome, tookMs: Date.now() - started };
        },
        {
          talkMs: 4000,
          rtpPort: sink.socket.address().port,
          dir: await peerDir('noanswer-caller', 'caller-audio.pcap', 440),
        },
      );
      const [caller, targetRun, result] = await Promise.all([sipp, target.done, handled]);
      sink.socket.close();
      // sipp's scenario passes only if the CANCEL came and the 487 was ACKed.
      expect(targetRun.code, targetRun.output).toBe(0);
      expect(caller.code, caller.output).toBe(0);
      expect(result.outcome).toBe('no-answer');
      expect(result.tookMs).toBeGreaterThanOrEqual(1900);
      expect(result.tookMs).toBeLessThan(6000);
    },
    timeout,
  );

  it(
    'cancels the ringing target when the caller hangs up, and ends the transfer as CALL_ENDED',
    async () => {
      const targetPort = await freeUdpPort();
      const target = runSippServer({
        scenario: 'uas-no-answer.xml',
        port: targetPort,
        transport: 'udp',
        mediaPort: await freeMediaPort(),
        cwd: work,
      });
      const sink = await mediaSink();
      const { handled, sipp } = await callIn(
        async (call) => {
          await call.answer();
          return call
            .transfer(`sip:agent@127.0.0.1:${targetPort}`, 'attended', { ringTimeoutMs: 20_000 })
            .then(
              (outcome) => ({ outcome, code: undefined }),
              (error: { code?: string }) => ({ outcome: undefined, code: error.code }),
            );
        },
        {
          talkMs: 1500,
          rtpPort: sink.socket.address().port,
          dir: await peerDir('gone-caller', 'caller-audio.pcap', 440),
        },
      );
      const [caller, targetRun, result] = await Promise.all([sipp, target.done, handled]);
      sink.socket.close();
      expect(caller.code, caller.output).toBe(0);
      // The target's scenario passes only with the CANCEL, the 487 and its ACK.
      expect(targetRun.code, targetRun.output).toBe(0);
      expect(result).toEqual({ outcome: undefined, code: 'CALL_ENDED' });
    },
    timeout,
  );

  it(
    'fails when nothing answers at the target address',
    async () => {
      const deadPort = await freeUdpPort();
      const sink = await mediaSink();
      const { handled, sipp } = await callIn(
        async (call) => {
          await call.answer();
          return call.transfer(`sip:agent@127.0.0.1:${deadPort}`, 'attended', { ringTimeoutMs: 1500 });
        },
        {
          talkMs: 3000,
          rtpPort: sink.socket.address().port,
          dir: await peerDir('dead-caller', 'caller-audio.pcap', 440),
        },
      );
      const [caller, outcome] = await Promise.all([sipp, handled]);
      sink.socket.close();
      expect(caller.code, caller.output).toBe(0);
      expect(outcome).toBe('failed');
    },
    timeout,
  );
});
