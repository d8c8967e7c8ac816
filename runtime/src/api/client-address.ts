import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address a request came from, for sign-in lockouts. Behind a reverse proxy every request
 * comes from the proxy, so with `trustProxy` the last X-Forwarded-For hop (the one our own proxy
 * added; earlier ones are the client's to forge) is used instead.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((hop) => hop.trim());
    const last = hops.filter(Boolean).at(-1);
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() (tests, no server) has no socket to read: those requests share one address.
    return 'unknown';
  }
}
