// DTMF carried in SIP INFO bodies: the fallback when a peer does not send RFC 4733 events.
// `application/dtmf-relay` (Cisco's, the common one): `Signal=5\r\nDuration=160`;
// `application/dtmf` (RFC 2976-era): the bare key.

const validKey = /^[0-9*#A-D]$/;

/** The key a SIP INFO body carries, or undefined when the body is not DTMF. */
export function parseDtmfInfo(contentType: string, body: string): string | undefined {
  const type = contentType.split(';')[0]?.trim().toLowerCase();
  let key: string | undefined;
  if (type === 'application/dtmf-relay') {
    key = /^\s*signal\s*=\s*(\S+)/im.exec(body)?.[1];
  } else if (type === 'application/dtmf') {
    key = body.trim();
  }
  if (key === undefined) return undefined;
  key = key.toUpperCase();
  // Some phones send the event number (10 for *, 11 for #) instead of the character.
  if (key === '10') key = '*';
  if (key === '11') key = '#';
  return validKey.test(key) ? key : undefined;
}
