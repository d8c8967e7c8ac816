import { isIP } from 'node:net';
import type { DnsLookup } from './dns-lookup.ts';
import { knownProviderOf } from './known-smtp-providers.ts';
import { finding, recordCheck, type RecordCheck, type RecordToPublish, type SendingServer } from './types.ts';

/**
 * The MX to suggest: a known mail service's inbound host, or the SMTP host itself when it is a
 * server of one's own (such a server usually receives as well as sends). None otherwise.
 */
function suggestedMx(domain: string, server: SendingServer | undefined): RecordToPublish | undefined {
  if (!server) return undefined;
  const provider = knownProviderOf(server.host);
  if (provider && !provider.mx) return undefined;
  const mx = provider?.mx
    ? provider.mx(domain)
    : isIP(server.host)
      ? undefined
      : { priority: 10, exchange: server.host };
  return mx && { name: domain, type: 'MX', value: `${mx.priority} ${mx.exchange}` };
}

/**
 * MX (RFC 5321 §5.1): where replies and bounces to the domain go. Not needed to send, but a
 * sending domain that cannot receive loses its bounces, and some receivers distrust it.
 */
export async function checkMx(
  lookup: DnsLookup,
  domain: string,
  server: SendingServer | undefined,
): Promise<RecordCheck> {
  const records = (await lookup.mx(domain)).sort((a, b) => a.priority - b.priority);
  const published = records.map((r) => `${r.priority} ${r.exchange || '.'}`);
  if (records.length === 0)
    return recordCheck('mx', [finding('MX_MISSING', { domain })], published, suggestedMx(domain, server));
  // RFC 7505: a single MX of "." says the domain takes no mail at all.
  if (records.length === 1 && (records[0]!.exchange === '' || records[0]!.exchange === '.'))
    return recordCheck('mx', [finding('MX_NULL', { domain })], published);

  const replacing = (replaces: string) => {
    const suggested = suggestedMx(domain, server);
    return suggested && suggested.value !== replaces ? { ...suggested, replaces } : undefined;
  };
  for (const [i, { exchange }] of records.entries()) {
    // RFC 5321 §5.1: an MX names a host, never an address.
    if (isIP(exchange))
      return recordCheck(
        'mx',
        [finding('MX_HOST_IS_ADDRESS', { domain, host: exchange })],
        published,
        replacing(published[i]!),
      );
    if ((await lookup.addresses(exchange)).length === 0)
      return recordCheck(
        'mx',
        [finding('MX_HOST_UNRESOLVED', { domain, host: exchange })],
        published,
        replacing(published[i]!),
      );
  }
  return recordCheck(
    'mx',
    [finding('MX_OK', { domain, hosts: records.map((r) => r.exchange).join(', ') })],
    published,
  );
}
