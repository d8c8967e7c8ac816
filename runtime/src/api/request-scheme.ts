/**
 * Whether the browser reached us over https: the request's own URL (TLS served here), or, behind
 * a proxy trusted with OMNIFLOW_TRUST_PROXY=1, its `X-Forwarded-Proto`. An untrusted header is
 * ignored: anyone can send it.
 */
export function cameOverHttps(url: string, forwardedProto: string | undefined, trustProxy: boolean): boolean {
  if (url.startsWith('https:')) return true;
  return trustProxy && forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https';
}
