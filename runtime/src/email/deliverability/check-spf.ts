import { BlockList, isIP } from 'node:net';
import { spf } from 'mailauth/lib/spf/index.js';
import { DnsLookupError, type DnsLookup } from './dns-lookup.ts';
import { knownProviderOf } from './known-smtp-providers.ts';
import { isSpfRecord, mergedSpfRecord, passesEveryone, spfReferences, withMechanism } from './spf-record.ts';
import { finding, recordCheck, type RecordCheck, type SendingServer } from './types.ts';

// Addresses a relay on the same network has: the mail leaves from another (public) address,
// which Omniflow cannot see, so SPF cannot be judged against this one.
const privateNetworks = new BlockList();
for (const [net, bits] of [
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['100.64.0.0', 10],
  ['0.0.0.0', 8],
] as const)
  privateNetworks.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['::', 128],
] as const)
  privateNetworks.addSubnet(net, bits, 'ipv6');

const isPrivate = (address: string) => privateNetworks.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');

// An address no SPF record should name (RFC 3849 documentation prefix): evaluating for it walks
// the whole record, so lookup limits and syntax errors show whoever the sender is.
const probeAddress = '2001:db8::5f';

/**
 * What SPF must name for the server mail leaves from. A known mail service: its published include.
 * Otherwise the SMTP host is taken to be the machine that delivers the mail: `a:host` for a name,
 * `ip4:`/`ip6:` for an address.
 */
export function spfMechanismFor(server: SendingServer): string {
  const provider = knownProviderOf(server.host);
  if (provider) return `include:${provider.spfInclude}`;
  const family = isIP(server.host);
  return family === 0 ? `a:${server.host}` : `ip${family}:${server.host}`;
}

/**
 * mailauth's DNS callback is typed as answering string lists, but its `mx` mechanism reads MX
 * objects (lib/spf/spf-verify.js): this passes node:dns answers through as they are.
 */
function spfResolver(lookup: DnsLookup): (name: string, type: string) => Promise<string[][] | string[]>;
function spfResolver(lookup: DnsLookup) {
  return (name: string, type: string) => lookup.raw(name, type);
}

async function evaluate(lookup: DnsLookup, domain: string, ip: string, helo: string) {
  const result = await spf({
    sender: `postmaster@${domain}`,
    ip,
    helo,
    mta: 'omniflow',
    resolver: spfResolver(lookup),
  });
  const comment = result.status.comment ?? '';
  return { result: result.status.result, detail: /lookup of [^:]+: (.*)$/.exec(comment)?.[1] ?? comment };
}

/** Whether the record, or one it includes or redirects to, includes `target` (at most 10 lookups). */
async function includes(lookup: DnsLookup, record: string, target: string): Promise<boolean> {
  const queue = spfReferences(record);
  const seen = new Set<string>();
  while (queue.length > 0 && seen.size < 10) {
    const next = queue.shift()!;
    if (next === target) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    const found = (await lookup.txt(next)).filter(isSpfRecord);
    if (found.length === 1) queue.push(...spfReferences(found[0]!));
  }
  return false;
}

/**
 * Where mail leaves from, as SPF sees it: a known service (judged by its include), or the SMTP
 * host's public addresses. A host with only private addresses is a relay: the address its mail
 * leaves from is not ours to see, so no mechanism is offered for it.
 */
async function senderOf(lookup: DnsLookup, server: SendingServer | undefined) {
  if (!server) return { kind: 'unknown' as const };
  const provider = knownProviderOf(server.host);
  if (provider) return { kind: 'provider' as const, server, include: provider.spfInclude };
  const addresses = isIP(server.host) ? [server.host] : await lookup.addresses(server.host);
  if (addresses.length === 0) return { kind: 'unresolved' as const, server };
  const open = addresses.filter((a) => !isPrivate(a));
  if (open.length === 0) return { kind: 'private' as const, server, address: addresses[0]! };
  return { kind: 'host' as const, server, addresses: open };
}

/** SPF (RFC 7208): one record, valid, within its lookup limit, letting our server send. */
export async function checkSpf(
  lookup: DnsLookup,
  domain: string,
  server: SendingServer | undefined,
): Promise<RecordCheck> {
  const [txt, sender] = await Promise.all([lookup.txt(domain), senderOf(lookup, server)]);
  const published = txt.filter(isSpfRecord);
  const mechanism =
    sender.kind === 'provider' || sender.kind === 'host' ? spfMechanismFor(sender.server) : undefined;
  const record = (value: string, replaces?: string) => ({
    name: domain,
    type: 'TXT' as const,
    value,
    ...(replaces ? { replaces } : {}),
  });

  if (published.length === 0) {
    return recordCheck(
      'spf',
      [finding('SPF_MISSING', { domain })],
      published,
      mechanism ? record(`v=spf1 ${mechanism} ~all`) : undefined,
    );
  }
  if (published.length > 1) {
    return recordCheck(
      'spf',
      [finding('SPF_MULTIPLE', { domain, count: String(published.length) })],
      published,
      record(mergedSpfRecord(published, mechanism)),
    );
  }
  const current = published[0]!;

  const probe = await evaluate(lookup, domain, probeAddress, 'probe.invalid');
  if (probe.result === 'temperror') throw new DnsLookupError(domain, probe.detail);
  if (probe.result === 'permerror') {
    const tooMany = /too many dns requests/i.test(probe.detail);
    return recordCheck(
      'spf',
      [finding(tooMany ? 'SPF_TOO_MANY_LOOKUPS' : 'SPF_INVALID', { domain, detail: probe.detail })],
      published,
    );
  }
  if (passesEveryone(current)) {
    return recordCheck(
      'spf',
      [finding('SPF_ALLOWS_EVERYONE', { domain })],
      published,
      record(withMechanism(current, mechanism), current),
    );
  }

  switch (sender.kind) {
    case 'unknown':
      return recordCheck('spf', [finding('SPF_SERVER_UNKNOWN', { domain })], published);
    case 'unresolved':
      return recordCheck(
        'spf',
        [finding('SPF_SERVER_UNRESOLVED', { domain, server: sender.server.host })],
        published,
      );
    case 'private':
      return recordCheck(
        'spf',
        [finding('SPF_SERVER_PRIVATE', { domain, server: sender.server.host, address: sender.address })],
        published,
      );
  }
  const ok = recordCheck('spf', [finding('SPF_OK', { domain, server: sender.server.host })], published);
  const notAllowed = (address: string, result: string) =>
    recordCheck(
      'spf',
      [finding('SPF_SERVER_NOT_ALLOWED', { domain, server: sender.server.host, address, result })],
      published,
      record(withMechanism(current, mechanism), current),
    );
  if (sender.kind === 'provider')
    return (await includes(lookup, current, sender.include)) ? ok : notAllowed('', 'missing-include');
  for (const address of sender.addresses.slice(0, 4)) {
    const { result, detail } = await evaluate(lookup, domain, address, sender.server.host);
    if (result === 'temperror') throw new DnsLookupError(domain, detail);
    if (result !== 'pass') return notAllowed(address, result);
  }
  return ok;
}
