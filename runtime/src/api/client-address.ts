import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address a request came from, for sign-in lockouts. Behind a reverse proxy every request
 * comes from the proxy, so with `trustProxy` the last X-Forwarded-For hop (the one our own proxy
 * added; earlier ones are the client's to forge) is used instead.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  return addressGroup(clientIp(c, trustProxy));
}

/** The address itself (recorded as a key's last use), found as `clientAddress` explains. */
export function clientIp(c: Context, trustProxy: boolean): string {
  // app.request() (tests, no server) has no socket to read: those requests share one address.
  return exactClientIp(c, trustProxy) ?? 'unknown';
}

/** The address itself, or none when the request came through no socket (the audit log, mail links). */
export function exactClientIp(c: Context, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((hop) => hop.trim());
    const last = hops.filter(Boolean).at(-1);
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/**
 * What one client is counted as: an IPv4 address (also when written IPv4-mapped, `::ffff:a.b.c.d`),
 * or an IPv6 address's /64 — one host usually holds a whole /64 and can use any address in it.
 */
export function addressGroup(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
