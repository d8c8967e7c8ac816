// A small SIP caller (UAC) for the voice benchmark, run as a child process so its clock and
// event loop are not the endpoint's. It speaks real SIP over UDP (INVITE with an SDP offer, ACK,
// BYE) and real RTP: it receives the endpoint's G.711 packets and sends RFC 4733 key presses.
// All its calls share one RTP socket; packets are told apart by the endpoint's source port,
// which is the per-call port its SDP answer names.
import { randomBytes, randomInt } from 'node:crypto';
import { createSocket, type RemoteInfo } from 'node:dgram';
import { performance } from 'node:perf_hooks';

export type CallerRequest =
  | { op: 'menu'; id: number; target: Target; number: string; digit: string; menuPackets: number }
  | { op: 'hold'; id: number; target: Target; number: string }
  | { op: 'measure'; id: number; ms: number; sample: number }
  | { op: 'bye-all'; id: number };

export interface Target {
  host: string;
  port: number;
}

/** One menu call: milliseconds from the first key packet sent to the next prompt's first packet. */
export interface MenuResult {
  latencyMs: number;
  /** Packets of the prompt after the key, until the endpoint hung up (or the caller gave up). */
  nextPromptPackets: number;
  /** Talkspurts (marker-bit packets) heard after the key: 1 means the prompt played once. */
  talkspurtsAfterKey: number;
  endedBy: 'endpoint' | 'caller';
}

/** Pacing of the held calls over a window. */
export interface PacingResult {
  calls: number;
  sampled: number;
  intervals: number[];
  lost: number;
  received: number;
}

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

interface Dialog {
  callId: string;
  fromTag: string;
  toHeader?: string;
  contact?: string;
  remoteRtp?: number;
  ssrc: number;
  cseq: number;
  onResponse?: (status: number, headers: Map<string, string>, body: string) => void;
  onBye?: () => void;
  onRtp?: (packet: Buffer, at: number) => void;
  ended: boolean;
}

const host = '127.0.0.1';
const sip = createSocket('udp4');
const rtp = createSocket('udp4');
const dialogs = new Map<string, Dialog>();
const byRtpPort = new Map<number, Dialog>();

const token = () => randomBytes(6).toString('hex');

function send(text: string, target: Target) {
  sip.send(Buffer.from(text), target.port, target.host);
}

function headersOf(lines: string[]): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
    }
  }
  return headers;
}

sip.on('message', (data: Buffer, from: RemoteInfo) => {
  const text = data.toString('utf8');
  const split = text.indexOf('\r\n\r\n');
  const head = text.slice(0, split).split('\r\n');
  const body = text.slice(split + 4);
  const headers = headersOf(head.slice(1));
  const dialog = dialogs.get(headers.get('call-id') ?? '');
  const start = head[0]!;
  if (start.startsWith('SIP/2.0 ')) {
    dialog?.onResponse?.(Number(start.split(' ')[1]), headers, body);
    return;
  }
  // A request from the endpoint: its BYE (voice.hangup), or anything else we answer 200.
  const method = start.split(' ')[0]!;
  if (method === 'ACK') return;
  const copy = ['via', 'from', 'to', 'call-id', 'cseq']
    .map(
      (name) =>
        `${name === 'call-id' ? 'Call-ID' : name[0]!.toUpperCase() + name.slice(1)}: ${headers.get(name) ?? ''}`,
    )
    .join('\r\n');
  send(`SIP/2.0 200 OK\r\n${copy}\r\nContent-Length: 0\r\n\r\n`, { host: from.address, port: from.port });
  if (method === 'BYE' && dialog) {
    dialog.ended = true;
    dialog.onBye?.();
  }
});

rtp.on('message', (data: Buffer, from: RemoteInfo) => {
  const at = performance.now();
  byRtpPort.get(from.port)?.onRtp?.(data, at);
});

function invite(target: Target, number: string): Promise<Dialog> {
  const dialog: Dialog = {
    callId: `${token()}@bench`,
    fromTag: token(),
    ssrc: randomInt(0, 2 ** 32),
    cseq: 1,
    ended: false,
  };
  dialogs.set(dialog.callId, dialog);
  const sipPort = sip.address().port;
  const sdp = [
    'v=0',
    `o=bench ${randomInt(1, 2 ** 31)} 1 IN IP4 ${host}`,
    's=bench',
    `c=IN IP4 ${host}`,
    't=0 0',
    `m=audio ${rtp.address().port} RTP/AVP 0 101`,
    'a=rtpmap:0 PCMU/8000',
    'a=rtpmap:101 telephone-event/8000',
    'a=fmtp:101 0-15',
    'a=ptime:20',
    'a=sendrecv',
    '',
  ].join('\r\n');
  const branch = `z9hG4bK${token()}`;
  const message = [
    `INVITE sip:${number}@${target.host}:${target.port} SIP/2.0`,
    `Via: SIP/2.0/UDP ${host}:${sipPort};branch=${branch};rport`,
    'Max-Forwards: 70',
    `From: <sip:6000${randomInt(10000, 99999)}@${host}>;tag=${dialog.fromTag}`,
    `To: <sip:${number}@${target.host}>`,
    `Call-ID: ${dialog.callId}`,
    'CSeq: 1 INVITE',
    `Contact: <sip:caller@${host}:${sipPort}>`,
    'Content-Type: application/sdp',
    `Content-Length: ${Buffer.byteLength(sdp)}`,
    '',
    sdp,
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const retry = setInterval(() => send(message, target), 500);
    const giveUp = setTimeout(() => {
      clearInterval(retry);
      reject(new Error(`No answer to INVITE ${dialog.callId}`));
    }, 30_000);
    dialog.onResponse = (status, headers, body) => {
      if (status < 200) {
        clearInterval(retry);
        return;
      }
      clearInterval(retry);
      clearTimeout(giveUp);
      if (status >= 300) {
        reject(new Error(`INVITE answered ${status}`));
        return;
      }
      dialog.toHeader = headers.get('to');
      dialog.contact = /<([^>]+)>/.exec(headers.get('contact') ?? '')?.[1];
      const port = Number(/m=audio (\d+)/.exec(body)?.[1]);
      // Our ACK is lost or late: the 200 comes again and is acknowledged again.
      sendAck(dialog, target);
      if (dialog.remoteRtp === undefined) {
        dialog.remoteRtp = port;
        byRtpPort.set(port, dialog);
        resolve(dialog);
      }
    };
    send(message, target);
  });
}

function inDialog(dialog: Dialog, method: string, cseq: number, target: Target) {
  const sipPort = sip.address().port;
  return [
    `${method} ${dialog.contact ?? `sip:${target.host}:${target.port}`} SIP/2.0`,
    `Via: SIP/2.0/UDP ${host}:${sipPort};branch=z9hG4bK${token()};rport`,
    'Max-Forwards: 70',
    `From: <sip:caller@${host}>;tag=${dialog.fromTag}`,
    `To: ${dialog.toHeader}`,
    `Call-ID: ${dialog.callId}`,
    `CSeq: ${cseq} ${method}`,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

function sendAck(dialog: Dialog, target: Target) {
  send(inDialog(dialog, 'ACK', 1, target), target);
}

function bye(dialog: Dialog, target: Target): Promise<void> {
  if (dialog.ended) return Promise.resolve();
  dialog.ended = true;
  const cseq = ++dialog.cseq;
  const message = inDialog(dialog, 'BYE', cseq, target);
  return new Promise((resolve) => {
    const retry = setInterval(() => send(message, target), 500);
    const done = () => {
      clearInterval(retry);
      clearTimeout(giveUp);
      forget(dialog);
      resolve();
    };
    const giveUp = setTimeout(done, 4000);
    dialog.onResponse = (status) => {
      if (status >= 200) done();
    };
    send(message, target);
  });
}

function forget(dialog: Dialog) {
  dialogs.delete(dialog.callId);
  if (dialog.remoteRtp !== undefined && byRtpPort.get(dialog.remoteRtp) === dialog)
    byRtpPort.delete(dialog.remoteRtp);
}

const markerOf = (packet: Buffer) => (packet[1]! & 0x80) !== 0;
const payloadTypeOf = (packet: Buffer) => packet[1]! & 0x7f;

/** RFC 4733 key press: a start packet (marker), updates every 20 ms, three end packets. */
function pressKey(dialog: Dialog, digit: string): number {
  const event = '0123456789*#'.indexOf(digit);
  const timestamp = randomInt(0, 2 ** 32);
  let sequence = randomInt(0, 2 ** 16);
  const packet = (marker: boolean, end: boolean, duration: number) => {
    const buffer = Buffer.alloc(16);
    buffer[0] = 0x80;
    buffer[1] = (marker ? 0x80 : 0) | 101;
    buffer.writeUInt16BE(sequence, 2);
    sequence = (sequence + 1) & 0xffff;
    buffer.writeUInt32BE(timestamp, 4);
    buffer.writeUInt32BE(dialog.ssrc, 8);
    buffer[12] = event;
    buffer[13] = (end ? 0x80 : 0) | 10;
    buffer.writeUInt16BE(duration, 14);
    rtp.send(buffer, dialog.remoteRtp!, host);
  };
  const sentAt = performance.now();
  packet(true, false, 160);
  let updates = 1;
  const timer = setInterval(() => {
    updates++;
    if (updates < 5) return packet(false, false, 160 * updates);
    clearInterval(timer);
    for (let i = 0; i < 3; i++) packet(false, true, 160 * updates);
  }, 20);
  return sentAt;
}

async function menuCall(request: Extract<CallerRequest, { op: 'menu' }>): Promise<MenuResult> {
  const dialog = await invite(request.target, request.number);
  return new Promise<MenuResult>((resolve, reject) => {
    let menuPackets = 0;
    let lastPacketAt = 0;
    let keySentAt: number | undefined;
    let latencyMs: number | undefined;
    let nextPromptPackets = 0;
    let talkspurtsAfterKey = 0;
    const finish = (endedBy: MenuResult['endedBy']) => {
      clearInterval(waitingForMenu);
      clearTimeout(giveUp);
      if (latencyMs === undefined) {
        void bye(dialog, request.target);
        reject(new Error('The next prompt never came after the key'));
        return;
      }
      resolve({ latencyMs, nextPromptPackets, talkspurtsAfterKey, endedBy });
    };
    dialog.onRtp = (packet, at) => {
      if (payloadTypeOf(packet) !== 0) return;
      if (keySentAt === undefined) {
        if (markerOf(packet)) menuPackets = 0;
        menuPackets++;
        lastPacketAt = at;
        return;
      }
      if (markerOf(packet)) {
        talkspurtsAfterKey++;
        latencyMs ??= at - keySentAt;
      }
      if (latencyMs !== undefined) nextPromptPackets++;
    };
    // The menu waits once its whole prompt has arrived (counted, so a stall of the endpoint is not
    // taken for its end); a packet lost on the way is made up for by 1 s of silence.
    const waitingForMenu = setInterval(() => {
      if (keySentAt !== undefined || menuPackets === 0) return;
      const quiet = performance.now() - lastPacketAt;
      if ((menuPackets >= request.menuPackets && quiet >= 30) || quiet >= 1000)
        keySentAt = pressKey(dialog, request.digit);
    }, 5);
    dialog.onBye = () => {
      forget(dialog);
      // Packets already in flight are counted; the BYE comes after the last one.
      finish('endpoint');
    };
    const giveUp = setTimeout(() => {
      void bye(dialog, request.target).then(() => finish('caller'));
    }, 20_000);
  });
}

/** Calls that stay in a long prompt; `measure` samples their pacing. */
const held: Array<{ dialog: Dialog; target: Target }> = [];

async function holdCall(request: Extract<CallerRequest, { op: 'hold' }>): Promise<{ calls: number }> {
  const dialog = await invite(request.target, request.number);
  // Receiving is all a held call does until it is measured; its prompt must have started.
  await new Promise<void>((resolve, reject) => {
    const giveUp = setTimeout(() => reject(new Error('The held call heard no prompt')), 30_000);
    dialog.onRtp = () => {
      clearTimeout(giveUp);
      dialog.onRtp = undefined;
      resolve();
    };
  });
  held.push({ dialog, target: request.target });
  return { calls: held.length };
}

function measure(ms: number, sample: number): Promise<PacingResult> {
  const step = Math.max(1, Math.floor(held.length / sample));
  const chosen = held.filter((_, index) => index % step === 0).slice(0, sample);
  const intervals: number[] = [];
  let lost = 0;
  let received = 0;
  for (const { dialog } of chosen) {
    let last: { at: number; sequence: number } | undefined;
    dialog.onRtp = (packet, at) => {
      if (payloadTypeOf(packet) !== 0) return;
      received++;
      const sequence = packet.readUInt16BE(2);
      if (last) {
        intervals.push(at - last.at);
        const gap = (sequence - last.sequence) & 0xffff;
        if (gap > 1 && gap < 1000) lost += gap - 1;
      }
      last = { at, sequence };
    };
  }
  // Calls the endpoint ended mid-window count as losing what they did not get.
  const endedBefore = chosen.filter(({ dialog }) => dialog.ended).length;
  return new Promise((resolve) =>
    setTimeout(() => {
      for (const { dialog } of chosen) dialog.onRtp = undefined;
      const endedDuring = chosen.filter(({ dialog }) => dialog.ended).length - endedBefore;
      resolve({
        calls: held.filter(({ dialog }) => !dialog.ended).length,
        sampled: chosen.length,
        intervals,
        lost: lost + endedDuring,
        received,
      });
    }, ms),
  );
}

async function byeAll(): Promise<{ calls: number }> {
  const calls = held.splice(0);
  await Promise.all(calls.map(({ dialog, target }) => bye(dialog, target)));
  return { calls: calls.length };
}

async function handle(request: CallerRequest): Promise<unknown> {
  switch (request.op) {
    case 'menu':
      return menuCall(request);
    case 'hold':
      return holdCall(request);
    case 'measure':
      return measure(request.ms, request.sample);
    case 'bye-all':
      return byeAll();
  }
}

await Promise.all([
  new Promise<void>((resolve) => sip.bind(0, host, resolve)),
  new Promise<void>((resolve) => rtp.bind(0, host, resolve)),
]);
// Many calls' packets land on one socket: a larger receive buffer keeps bursts from dropping.
rtp.setRecvBufferSize(8 * 1024 * 1024);
process.on('message', (request: CallerRequest) => {
  handle(request).then(
    (result) => process.send!({ id: request.id, ok: true, result } satisfies Reply),
    (error: unknown) =>
      process.send!({
        id: request.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      } satisfies Reply),
  );
});
process.on('disconnect', () => process.exit(0));
process.send!({ id: 0, ok: true, result: 'ready' } satisfies Reply);
