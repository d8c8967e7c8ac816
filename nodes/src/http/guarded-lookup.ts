import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { NodeError } from '../sdk/node-error.ts';

/** True for loopback, private, link-local and other non-public ranges (SSRF targets). */
export function isPrivateAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range() !== 'unicast';
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
