import { parseSipUri } from './sip-message.ts';
import type { SipRemote } from './sip-transport.ts';
import { VoiceError } from './voice-error.ts';

export interface OutboundTarget {
  /** The request-URI of the INVITE. */
  uri: string;
  /** Where the INVITE is sent: the URI's host, or the trunk for a number. */
  remote: SipRemote;
}

/** A dialable number: digits with an optional leading +, and the * and # of PBX codes. */
const numberPattern = /^\+?[0-9*#]{1,32}$/;

/**
 * Turns a transfer target into an INVITE destination. A SIP URI is called directly at its host
 * (no DNS SRV/NAPTR: the host and port as written, 5060 by default); a number (or tel: URI)
 * becomes `sip:<number>@<trunk>` and goes to the trunk (OMNIFLOW_SIP_TRUNK).
 */
export function resolveTransferTarget(target: string, trunk: string | undefined): OutboundTarget {
  const text = target.trim();
  if (/^sips:/i.test(text))
    throw new VoiceError(
      'TRANSFER_TARGET_INVALID',
      `sips: targets need TLS, which the endpoint has not: ${text}`,
    );
  if (/^sip:/i.test(text)) {
    let uri;
    try {
      uri = parseSipUri(text);
    } catch {
      throw new VoiceError('TRANSFER_TARGET_INVALID', `Not a SIP URI: ${text}`);
    }
    return { uri: text, remote: remoteOf(uri.host, uri.port, uri.params.get('transport')) };
  }
  const number = text.replace(/^tel:/i, '').replace(/[\s().-]/g, '');
  if (!numberPattern.test(number))
    throw new VoiceError(
      'TRANSFER_TARGET_INVALID',
      `Transfer to a SIP URI (sip:agent@host) or a phone number, not "${text}"`,
    );
  if (!trunk)
    throw new VoiceError(
      'SIP_TRUNK_MISSING',
      `Calling the number ${number} needs an outbound trunk: set OMNIFLOW_SIP_TRUNK (host:port)`,
    );
  const trunkUri = parseSipUri(/^sip:/i.test(trunk) ? trunk : `sip:${trunk}`);
  const hostAndPort = trunkUri.port ? `${trunkUri.host}:${trunkUri.port}` : trunkUri.host;
  const transport = trunkUri.params.get('transport');
  return {
    uri: `sip:${number}@${hostAndPort}${transport ? `;transport=${transport}` : ''}`,
    remote: remoteOf(trunkUri.host, trunkUri.port, transport),
  };
}

function remoteOf(host: string, port: number | undefined, transport: string | undefined): SipRemote {
  return {
    protocol: transport?.toLowerCase() === 'tcp' ? 'tcp' : 'udp',
    address: host.replace(/^\[|\]$/g, ''),
    port: port ?? 5060,
  };
}
