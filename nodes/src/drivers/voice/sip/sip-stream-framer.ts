import { VoiceError } from './voice-error.ts';

const headerEnd = Buffer.from('\r\n\r\n');
/** A TCP peer that sends more header bytes than this without a blank line is not speaking SIP. */
const maxHeaderBytes = 64 * 1024;
const maxBodyBytes = 1024 * 1024;

/**
 * Cuts a TCP byte stream into SIP messages by Content-Length (RFC 3261 §18.3: mandatory on
 * streams). CRLF keep-alives between messages (RFC 5626 §4.4.1) are skipped.
 */
export class SipStreamFramer {
  private buffered = Buffer.alloc(0);

  /** Adds bytes and returns every message now complete, each as its own buffer. */
  push(chunk: Buffer): Buffer[] {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    const messages: Buffer[] = [];
    for (;;) {
      let start = 0;
      while (
        start + 1 < this.buffered.length &&
        this.buffered[start] === 0x0d &&
        this.buffered[start + 1] === 0x0a
      ) {
        start += 2;
      }
      if (start > 0) this.buffered = this.buffered.subarray(start);
      const end = this.buffered.indexOf(headerEnd);
      if (end < 0) {
        if (this.buffered.length > maxHeaderBytes)
          throw new VoiceError('SIP_MESSAGE_INVALID', 'SIP headers too long');
        return messages;
      }
      const head = this.buffered.subarray(0, end).toString('utf8');
      const lengthMatch = /^(?:content-length|l)[ \t]*:[ \t]*(\d+)/im.exec(head);
      if (!lengthMatch)
        throw new VoiceError('SIP_MESSAGE_INVALID', 'SIP message over TCP without Content-Length');
      const length = Number(lengthMatch[1]);
      if (length > maxBodyBytes) throw new VoiceError('SIP_MESSAGE_INVALID', 'SIP body too large');
      const total = end + headerEnd.length + length;
      if (this.buffered.length < total) return messages;
      messages.push(Buffer.from(this.buffered.subarray(0, total)));
      this.buffered = this.buffered.subarray(total);
    }
  }
}
