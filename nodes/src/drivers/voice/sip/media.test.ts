import { describe, expect, it } from 'vitest';
import { parseDtmfInfo } from './dtmf-relay.ts';
import { parseRtpPacket, serializeRtpPacket } from './rtp-packet.ts';
import { answerDirection, chooseAudioFormat, parseRemoteMedia } from './sdp.ts';
import { serializeTelephoneEvent, TelephoneEventReceiver } from './telephone-event.ts';
import { tone } from './tones.ts';
import { decodeWav, encodeWav } from './wav-file.ts';
import { RtpSession } from './rtp-session.ts';

describe('RFC 4733 telephone-events', () => {
  it('reports a key once although its packets, and its end packet, repeat', () => {
    const receiver = new TelephoneEventReceiver();
    const seen: string[] = [];
    for (const [timestamp, digit, end] of [
      [1000, '5', false],
      [1000, '5', false],
      [1000, '5', true],
      [1000, '5', true],
      [1000, '5', true],
      [2600, '5', false],
      [2600, '5', true],
      [4200, '#', true],
    ] as const) {
      const key = receiver.receive(
        1,
        timestamp,
        serializeTelephoneEvent({ digit, end, volume: 10, duration: 160 }),
      );
      if (key) seen.push(key);
    }
    expect(seen).toEqual(['5', '5', '#']);
  });

  it('round-trips an RTP packet', () => {
    const packet = {
      payloadType: 101,
      marker: true,
      sequenceNumber: 65535,
      timestamp: 2 ** 32 - 1,
      ssrc: 7,
      payload: Buffer.from([1, 2, 3, 4]),
    };
    expect(parseRtpPacket(serializeRtpPacket(packet))).toEqual(packet);
  });
});

describe('SIP INFO DTMF', () => {
  it('reads application/dtmf-relay and application/dtmf bodies', () => {
    expect(parseDtmfInfo('application/dtmf-relay', 'Signal=5\r\nDuration=160\r\n')).toBe('5');
    expect(parseDtmfInfo('application/dtmf-relay', 'Signal=11\r\n')).toBe('#');
    expect(parseDtmfInfo('application/dtmf', '*')).toBe('*');
    expect(parseDtmfInfo('text/plain', '5')).toBeUndefined();
  });
});

describe('SDP', () => {
  const offer = [
    'v=0',
    'o=- 1 1 IN IP4 10.0.0.1',
    's=-',
    'c=IN IP4 10.0.0.1',
    't=0 0',
    'm=audio 4000 RTP/AVP 18 8 0 96',
    'a=rtpmap:96 telephone-event/8000',
    'a=sendonly',
    '',
  ].join('\r\n');

  it('picks the caller’s first G.711 codec and its telephone-event payload type', () => {
    const remote = parseRemoteMedia(offer);
    expect(remote).toMatchObject({ address: '10.0.0.1', port: 4000, direction: 'sendonly' });
    expect(chooseAudioFormat(remote)).toEqual({
      codec: 'PCMA',
      payloadType: 8,
      telephoneEventPayloadType: 96,
    });
  });

  it('answers hold (sendonly) with recvonly and inactive with inactive', () => {
    expect(answerDirection('sendonly')).toBe('recvonly');
    expect(answerDirection('inactive')).toBe('inactive');
    expect(answerDirection('sendrecv', 'sendonly')).toBe('sendonly');
  });

  it('refuses an offer without G.711', () => {
    const g729Only = offer.replace('m=audio 4000 RTP/AVP 18 8 0 96', 'm=audio 4000 RTP/AVP 18');
    expect(() => chooseAudioFormat(parseRemoteMedia(g729Only))).toThrow(/neither G.711/);
  });
});

describe('WAV files', () => {
  it('round-trips 8 kHz mono 16-bit audio', () => {
    const samples = tone(440, 100);
    expect(decodeWav(encodeWav(samples))).toEqual(samples);
  });

  it('says how to convert a prompt at the wrong rate', () => {
    const wav = encodeWav(tone(440, 10));
    wav.writeUInt32LE(16000, 24);
    expect(() => decodeWav(wav, 'hello.wav')).toThrow(/sox in.wav -r 8000 -c 1 -b 16 out.wav/);
  });
});

describe('RTP session playback', () => {
  it('stops a prompt when its signal aborts, and starts the next one with the marker bit', async () => {
    const { createSocket } = await import('node:dgram');
    const bind = async () => {
      const socket = createSocket('udp4');
      await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
      return socket;
    };
    const [ours, caller] = [await bind(), await bind()];
    const heard: Array<{ marker: boolean }> = [];
    caller.on('message', (data) => {
      const packet = parseRtpPacket(data);
      if (packet) heard.push({ marker: packet.marker });
    });
    const session = new RtpSession(ours, ours.address().port, () => ours.close());
    session.setRemote(
      { address: '127.0.0.1', port: caller.address().port },
      { codec: 'PCMU', payloadType: 0, telephoneEventPayloadType: 101 },
    );
    try {
      const stop = new AbortController();
      // A 2 s prompt stopped after about 100 ms: what a speculative prompt that is not adopted gets.
      const first = session.play(tone(440, 2000), stop.signal);
      setTimeout(() => stop.abort(), 100);
      expect(await first).toBe('aborted');
      // A packet sent just before the abort may still be on its way over loopback (a loaded CI
      // machine once counted it as the next prompt's): let it land before counting.
      await new Promise((resolve) => setTimeout(resolve, 40));
      const stoppedAt = heard.length;
      expect(stoppedAt).toBeGreaterThan(0);
      expect(stoppedAt).toBeLessThan(50);
      expect(await session.play(tone(440, 100))).toBe('done');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heard.length).toBe(stoppedAt + 5);
      expect(heard.map((p, i) => (p.marker ? i : -1)).filter((i) => i >= 0)).toEqual([0, stoppedAt]);
    } finally {
      session.close();
      caller.close();
    }
  });
});
