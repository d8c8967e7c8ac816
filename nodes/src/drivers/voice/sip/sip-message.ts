import { VoiceError } from './voice-error.ts';

// SIP messages as plain data (RFC 3261 §7). Header names are stored lower-case in their long form,
// in arrival order, so a proxy's Via/Record-Route order survives a round trip.

export interface SipHeader {
  name: string;
  value: string;
}

export interface SipRequest {
  kind: 'request';
  method: string;
  uri: string;
  headers: SipHeader[];
  body: Buffer;
}

export interface SipResponse {
  kind: 'response';
  status: number;
  reason: string;
  headers: SipHeader[];
  body: Buffer;
}

export type SipMessage = SipRequest | SipResponse;

// RFC 3261 §7.3.3 compact forms, plus RFC 3515 (r: Refer-To) and RFC 3903/6665 (o: Event).
const compactForms: Record<string, string> = {
  i: 'call-id',
  m: 'contact',
  e: 'content-encoding',
  l: 'content-length',
  c: 'content-type',
  f: 'from',
  s: 'subject',
  k: 'supported',
  t: 'to',
  v: 'via',
  r: 'refer-to',
  o: 'event',
  b: 'referred-by',
};

// Headers written in their conventional capitalisation; others get Title-Case per dash.
const canonicalNames: Record<string, string> = {
  'call-id': 'Call-ID',
  cseq: 'CSeq',
  'www-authenticate': 'WWW-Authenticate',
  'mime-version': 'MIME-Version',
};

export function normaliseHeaderName(name: string): string {
  const lower = name.trim().toLowerCase();
  return compactForms[lower] ?? lower;
}

function displayHeaderName(name: string): string {
  return (
    canonicalNames[name] ??
    name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase())
  );
}

const headerEnd = Buffer.from('\r\n\r\n');

/** Parses one SIP message from a datagram or a framed stream chunk. */
export function parseSipMessage(data: Buffer): SipMessage {
  const end = data.indexOf(headerEnd);
  if (end < 0) throw new VoiceError('SIP_MESSAGE_INVALID', 'SIP message has no blank line after its headers');
  const head = data.subarray(0, end).toString('utf8');
  // RFC 3261 §7.3.1: a line starting with whitespace continues the previous header.
  const lines = head.replace(/^(\r\n)+/, '').split(/\r\n(?![ \t])/);
  const startLine = lines.shift() ?? '';
  const headers: SipHeader[] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new VoiceError('SIP_MESSAGE_INVALID', `SIP header line has no colon: ${line}`);
    headers.push({
      name: normaliseHeaderName(line.slice(0, colon)),
      value: line
        .slice(colon + 1)
        .replace(/\r\n[ \t]+/g, ' ')
        .trim(),
    });
  }
  const rest = data.subarray(end + headerEnd.length);
  const lengthHeader = headers.find((h) => h.name === 'content-length');
  // Over UDP a missing Content-Length means "the rest of the datagram" (RFC 3261 §18.3).
  const length = lengthHeader ? Number.parseInt(lengthHeader.value, 10) : rest.length;
  if (!Number.isFinite(length) || length < 0 || length > rest.length) {
    throw new VoiceError('SIP_MESSAGE_INVALID', 'SIP Content-Length does not match the body');
  }
  const body = Buffer.from(rest.subarray(0, length));

  const response = /^SIP\/2\.0 (\d{3}) ?(.*)$/.exec(startLine);
  if (response)
    return { kind: 'response', status: Number(response[1]), reason: response[2] ?? '', headers, body };
  const request = /^([A-Za-z]+) (\S+) SIP\/2\.0$/.exec(startLine);
  if (request) return { kind: 'request', method: request[1]!.toUpperCase(), uri: request[2]!, headers, body };
  throw new VoiceError('SIP_MESSAGE_INVALID', `Not a SIP start line: ${startLine}`);
}

export function serializeSipMessage(message: SipMessage): Buffer {
  const startLine =
    message.kind === 'request'
      ? `${message.method} ${message.uri} SIP/2.0`
      : `SIP/2.0 ${message.status} ${message.reason}`;
  const lines = [startLine];
  for (const h of message.headers) {
    if (h.name !== 'content-length') lines.push(`${displayHeaderName(h.name)}: ${h.value}`);
  }
  lines.push(`Content-Length: ${message.body.length}`);
  return Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'utf8'), message.body]);
}

export function getHeader(message: SipMessage, name: string): string | undefined {
  const wanted = normaliseHeaderName(name);
  return message.headers.find((h) => h.name === wanted)?.value;
}

/** Every value of a header, splitting comma-separated lists outside quotes and angle brackets. */
export function getHeaderValues(message: SipMessage, name: string): string[] {
  const wanted = normaliseHeaderName(name);
  return message.headers.filter((h) => h.name === wanted).flatMap((h) => splitHeaderList(h.value));
}

export function splitHeaderList(value: string): string[] {
  const parts: string[] = [];
  let depthAngle = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '"' && value[i - 1] !== '\\') quoted = !quoted;
    else if (!quoted && c === '<') depthAngle++;
    else if (!quoted && c === '>') depthAngle--;
    else if (!quoted && depthAngle === 0 && c === ',') {
      parts.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(value.slice(start).trim());
  return parts.filter((p) => p.length > 0);
}

export interface CSeq {
  seq: number;
  method: string;
}

export function parseCSeq(message: SipMessage): CSeq {
  const match = /^(\d+)\s+([A-Za-z]+)$/.exec(getHeader(message, 'cseq') ?? '');
  if (!match) throw new VoiceError('SIP_MESSAGE_INVALID', 'SIP message has no valid CSeq');
  return { seq: Number(match[1]), method: match[2]!.toUpperCase() };
}

/** Header parameters (`;tag=abc;lr`) as a map; a flag parameter maps to the empty string. */
export function parseParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of text.split(';')) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const eq = trimmed.indexOf('=');
    if (eq < 0) params.set(trimmed.toLowerCase(), '');
    else
      params.set(
        trimmed.slice(0, eq).trim().toLowerCase(),
        trimmed
          .slice(eq + 1)
          .trim()
          .replace(/^"|"$/g, ''),
      );
  }
  return params;
}

export interface NameAddr {
  display: string;
  uri: string;
  params: Map<string, string>;
}

/** `"Alice" <sip:alice@host>;tag=1` or `sip:alice@host;tag=1` (RFC 3261 §20.10: then params are the header's). */
export function parseNameAddr(value: string): NameAddr {
  const open = value.indexOf('<');
  if (open >= 0) {
    const close = value.indexOf('>', open);
    if (close < 0) throw new VoiceError('SIP_MESSAGE_INVALID', `Unclosed < in ${value}`);
    return {
      display: value.slice(0, open).trim().replace(/^"|"$/g, ''),
      uri: value.slice(open + 1, close).trim(),
      params: parseParams(value.slice(close + 1)),
    };
  }
  const semi = value.indexOf(';');
  return {
    display: '',
    uri: (semi < 0 ? value : value.slice(0, semi)).trim(),
    params: parseParams(semi < 0 ? '' : value.slice(semi)),
  };
}

export interface SipUri {
  scheme: string;
  user: string;
  host: string;
  port: number | undefined;
  params: Map<string, string>;
}

export function parseSipUri(uri: string): SipUri {
  const match = /^(sips?|tel):(?:([^@;]+)@)?([^;:?]+|\[[^\]]+\])(?::(\d+))?([^?]*)/i.exec(uri.trim());
  if (!match) throw new VoiceError('SIP_MESSAGE_INVALID', `Not a SIP URI: ${uri}`);
  const userInfo = match[2] ?? '';
  return {
    scheme: match[1]!.toLowerCase(),
    // The user part may carry a password (`user:pass`) or, on tel-style URIs, none at all.
    user: decodeURIComponent(userInfo.split(':')[0] ?? ''),
    host: match[3]!,
    port: match[4] ? Number(match[4]) : undefined,
    params: parseParams(match[5] ?? ''),
  };
}

export interface Via {
  transport: string;
  host: string;
  port: number | undefined;
  params: Map<string, string>;
}

export function parseVia(value: string): Via {
  const match = /^SIP\s*\/\s*2\.0\s*\/\s*([A-Za-z]+)\s+([^;:\s]+|\[[^\]]+\])(?:\s*:\s*(\d+))?(.*)$/i.exec(
    value.trim(),
  );
  if (!match) throw new VoiceError('SIP_MESSAGE_INVALID', `Not a Via header: ${value}`);
  return {
    transport: match[1]!.toUpperCase(),
    host: match[2]!,
    port: match[3] ? Number(match[3]) : undefined,
    params: parseParams(match[4] ?? ''),
  };
}

/** The top Via's branch: the transaction key (RFC 3261 §17.2.3, magic cookie z9hG4bK). */
export function topViaBranch(message: SipMessage): string {
  const top = getHeaderValues(message, 'via')[0];
  if (!top) throw new VoiceError('SIP_MESSAGE_INVALID', 'SIP message has no Via');
  return parseVia(top).params.get('branch') ?? '';
}

/** A response to `request` copying Via, From, To, Call-ID and CSeq (RFC 3261 §8.2.6.2). */
export function buildResponse(
  request: SipRequest,
  status: number,
  reason: string,
  options: { toTag?: string; headers?: SipHeader[]; body?: Buffer } = {},
): SipResponse {
  const copied = request.headers.filter((h) => ['via', 'from', 'call-id', 'cseq'].includes(h.name));
  let to = getHeader(request, 'to') ?? '';
  if (options.toTag && !parseNameAddr(to).params.has('tag')) to = `${to};tag=${options.toTag}`;
  const headers: SipHeader[] = [];
  for (const h of copied) {
    headers.push(h);
    if (h.name === 'from') headers.push({ name: 'to', value: to });
  }
  if (!headers.some((h) => h.name === 'to')) headers.push({ name: 'to', value: to });
  headers.push(...(options.headers ?? []));
  return { kind: 'response', status, reason, headers, body: options.body ?? Buffer.alloc(0) };
}
