/**
 * dnsmasq `txt-record=` line; values over 255 characters are split into several strings, as a
 * TXT record must carry them (RFC 1035 §3.3.14) and as DNS panels publish long DKIM keys.
 */
export function txtRecord(name: string, value: string): string {
  const chunks = value.match(/.{1,255}/g) ?? [''];
  return `txt-record=${name},${chunks.map((c) => `"${c}"`).join(',')}`;
}
