import { describe, expect, it } from 'vitest';
import {
  buildResponse,
  getHeader,
  getHeaderValues,
  parseNameAddr,
  parseSipMessage,
  parseSipUri,
  serializeSipMessage,
  type SipRequest,
} from './sip-message.ts';
import { SipStreamFramer } from './sip-stream-framer.ts';

const invite = [
  'INVITE sip:4000@127.0.0.1:5060 SIP/2.0',
  'v: SIP/2.0/UDP 10.0.0.1:5062;branch=z9hG4bK-1;rport, SIP/2.0/UDP 10.0.0.9;branch=z9hG4bK-0',
  'f: "Ana, caller" <sip:1001@10.0.0.1>;tag=abc',
  't: <sip:4000@127.0.0.1>',
  'i: call-1@10.0.0.1',
  'CSeq: 1 INVITE',
  'Subject: a folded',
  '  header',
  'l: 4',
  '',
  'v=0\n',
].join('\r\n');

describe('SIP messages', () => {
  it('parses compact headers, folded lines, Via lists and the body by Content-Length', () => {
    const message = parseSipMessage(Buffer.from(invite + 'trailing'));
    expect(message).toMatchObject({ kind: 'request', method: 'INVITE', uri: 'sip:4000@127.0.0.1:5060' });
    expect(getHeader(message, 'call-id')).toBe('call-1@10.0.0.1');
    expect(getHeader(message, 'subject')).toBe('a folded header');
    expect(getHeaderValues(message, 'via')).toHaveLength(2);
    expect(message.body.toString()).toBe('v=0\n');
    const from = parseNameAddr(getHeader(message, 'from')!);
    expect(from).toMatchObject({ display: 'Ana, caller', uri: 'sip:1001@10.0.0.1' });
    expect(from.params.get('tag')).toBe('abc');
  });

  it('takes the dialled number from the request-URI user part', () => {
    expect(parseSipUri('sip:%2B34911222333@pbx.example.com:5070;user=phone')).toMatchObject({
      user: '+34911222333',
      host: 'pbx.example.com',
      port: 5070,
    });
  });

  it('builds a response that copies Via, From, Call-ID and CSeq and adds the To tag', () => {
    const request = parseSipMessage(Buffer.from(invite)) as SipRequest;
    const response = parseSipMessage(
      serializeSipMessage(buildResponse(request, 180, 'Ringing', { toTag: 'xyz' })),
    );
    expect(response).toMatchObject({ kind: 'response', status: 180, reason: 'Ringing' });
    expect(getHeaderValues(response, 'via')).toHaveLength(2);
    expect(getHeader(response, 'to')).toBe('<sip:4000@127.0.0.1>;tag=xyz');
    expect(getHeader(response, 'cseq')).toBe('1 INVITE');
  });

  it('frames TCP streams by Content-Length across chunk boundaries and skips CRLF keep-alives', () => {
    const framer = new SipStreamFramer();
    const bytes = Buffer.from('\r\n\r\n' + invite + invite);
    expect(framer.push(bytes.subarray(0, 50))).toHaveLength(0);
    const frames = framer.push(bytes.subarray(50));
    expect(frames).toHaveLength(2);
    expect(parseSipMessage(frames[1]!).body.toString()).toBe('v=0\n');
  });

  it('rejects a datagram that is not SIP', () => {
    expect(() => parseSipMessage(Buffer.from('GET / HTTP/1.1\r\n\r\n'))).toThrow(/Not a SIP start line/);
  });
});
