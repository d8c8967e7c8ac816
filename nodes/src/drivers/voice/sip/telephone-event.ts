// RFC 4733 telephone-events: DTMF sent as RTP packets with their own payload type.

const eventDigits = '0123456789*#ABCD';

export interface TelephoneEvent {
  digit: string;
  end: boolean;
  volume: number;
  duration: number;
}

/** Events 0–15 are the DTMF keys (RFC 4733 §3.2); anything else (flash, tones) is ignored. */
export function parseTelephoneEvent(payload: Buffer): TelephoneEvent | undefined {
  if (payload.length < 4) return undefined;
  const digit = eventDigits[payload[0]!];
  if (digit === undefined) return undefined;
  return {
    digit,
    end: (payload[1]! & 0x80) !== 0,
    volume: payload[1]! & 0x3f,
    duration: payload.readUInt16BE(2),
  };
}

export function serializeTelephoneEvent(event: TelephoneEvent): Buffer {
  const payload = Buffer.alloc(4);
  payload[0] = eventDigits.indexOf(event.digit);
  payload[1] = (event.end ? 0x80 : 0) | (event.volume & 0x3f);
  payload.writeUInt16BE(event.duration & 0xffff, 2);
  return payload;
}

/**
 * Turns the stream of event packets into key presses. One key press is many packets sharing one
 * RTP timestamp (RFC 4733 §2.5.1.3: the timestamp is the event's start), and its end packet is
 * sent three times (§2.5.1.4), so a press is reported once, on the first packet of a new
 * timestamp: that keeps the key-to-next-prompt latency at one packet.
 */
export class TelephoneEventReceiver {
  private lastKey: string | undefined;

  /** Returns the digit when this packet starts a new key press. */
  receive(ssrc: number, timestamp: number, payload: Buffer): string | undefined {
    const event = parseTelephoneEvent(payload);
    if (!event) return undefined;
    const key = `${ssrc}:${timestamp}`;
    if (key === this.lastKey) return undefined;
    this.lastKey = key;
    return event.digit;
  }
}
