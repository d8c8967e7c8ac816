import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

// Twilio's webhook security, shared by the SMS and voice drivers (docs: "Secure webhooks", X-Twilio-Signature): HMAC-SHA1, keyed with
// the account's auth token, over the full request URL followed by every POST parameter sorted by
// name, each name immediately followed by its value, no separators; the digest in base64.

/** The X-Twilio-Signature Twilio sends for a form POST of `params` to `url`. */
export function twilioSignature(authToken: string, url: string, params: URLSearchParams): string {
  const names = [...new Set(params.keys())].sort();
  // A repeated parameter (MediaUrl on some channels) contributes each distinct value, sorted,
  // as Twilio's own helper library does.
  const data = names.reduce(
    (acc, name) =>
      acc +
      [...new Set(params.getAll(name))]
        .sort()
        .map((value) => name + value)
        .join(''),
    url,
  );
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/**
 * True when `signature` is Twilio's for this request. Form bodies are signed with their
 * parameters; a JSON body is signed over the URL alone and carries its SHA-256 in the URL's
 * bodySHA256 parameter. Like Twilio's helper library, the URL is tried with and without its port,
 * since a proxy in front of us may add or drop the default one.
 */
export function verifyTwilioSignature(
  authToken: string,
  signature: string | undefined,
  url: string,
  rawBody: string,
): boolean {
  if (!signature) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const bodyHash = parsed.searchParams.get('bodySHA256');
  const params = bodyHash === null ? new URLSearchParams(rawBody) : new URLSearchParams();
  if (bodyHash !== null && !sameText(bodyHash, createHash('sha256').update(rawBody, 'utf8').digest('hex'))) {
    return false;
  }
  return urlVariants(parsed).some((variant) =>
    sameText(signature, twilioSignature(authToken, variant, params)),
  );
}

function urlVariants(url: URL): string[] {
  const withoutPort = new URL(url);
  withoutPort.port = '';
  const withPort = url.port
    ? url.toString()
    : `${url.protocol}//${url.username}${url.password ? `:${url.password}` : ''}${url.username || url.password ? '@' : ''}${url.host}:${url.protocol === 'https:' ? 443 : 80}${url.pathname}${url.search}${url.hash}`;
  return [...new Set([url.toString(), withoutPort.toString(), withPort])];
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
