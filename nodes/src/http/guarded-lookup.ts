import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { NodeError } from '../sdk/node-error.ts';

// IPv6 forms that carry an IPv4 address in their last 32 bits. Each reaches (or may be routed
// to) that IPv4 host, so it is judged by the IPv4 address it carries: `[::127.0.0.1]` is loopback.
const embedsIPv4InLast32Bits = [
  ipaddr.IPv6.parseCIDR('::ffff:0:0/96'), // IPv4-mapped
  ipaddr.IPv6.parseCIDR('::/96'), // IPv4-compatible (deprecated; `::` and `::1` land here too)
  ipaddr.IPv6.parseCIDR('64:ff9b::/96'), // NAT64 well-known prefix (RFC 6052)
  ipaddr.IPv6.parseCIDR('::ffff:0:0:0/96'), // IPv4-translated (RFC 6145)
];
const sixToFour = ipaddr.IPv6.parseCIDR('2002::/16'); // carries IPv4 in bits 16–47

function isPublicIPv4(address: ipaddr.IPv4): boolean {
  return address.range() === 'unicast';
}

function isPublicIPv6(address: ipaddr.IPv6): boolean {
  const bytes = address.toByteArray();
  if (embedsIPv4InLast32Bits.some((range) => address.match(range))) {
    return isPublicIPv4(new ipaddr.IPv4(bytes.slice(12, 16)));
  }
  if (address.match(sixToFour)) return isPublicIPv4(new ipaddr.IPv4(bytes.slice(2, 6)));
  // Everything else that is not global unicast is refused: loopback, link-local (fe80::/10),
  // unique local (fc00::/7), multicast, documentation, Teredo, local-use NAT64 (64:ff9b:1::/48)…
  return address.range() === 'unicast';
}

/**
 * True for loopback, private, link-local and other non-public addresses (SSRF targets), in every
 * written form (IPv6 carrying an IPv4 address included). Something Node would connect to as an IP
 * that ipaddr.js cannot read is refused too; a host name is false (its lookup is checked).
 */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return isIP(bare) !== 0;
  const parsed = ipaddr.parse(bare);
  return parsed instanceof ipaddr.IPv4 ? !isPublicIPv4(parsed) : !isPublicIPv6(parsed);
}

export function blockedTargetError(host: string, address: string): NodeError {
  return new NodeError(
    'HTTP_TARGET_BLOCKED',
    `Requests to private or loopback addresses are blocked (${host} → ${address}). ` +
      'Set OMNIFLOW_HTTP_ALLOW_PRIVATE=1 on the worker to allow them.',
    false,
  );
}

/**
 * A DNS lookup that refuses private addresses at connect time, so a name that resolves to an
 * internal address (or rebinds to one) is caught, not only literal IPs in the URL.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const blocked = allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (blocked) return callback(blockedTargetError(hostname, blocked.address), '', 0);
      if (options.all) return callback(null, addresses as never, 0);
      const first = addresses[0];
      if (!first) return callback(new Error(`No address for ${hostname}`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}
