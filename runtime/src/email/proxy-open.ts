import { BlockList, isIP } from 'node:net';

// Apple's own network: Mail Privacy Protection fetches images from relays that present
// themselves as a bare "Mozilla/5.0" and often come from 17.0.0.0/8.
const appleNetwork = new BlockList();
appleNetwork.addSubnet('17.0.0.0', 8, 'ipv4');

/** Image proxies of the big mailbox providers, by the user agent they send. */
const proxyAgents = /GoogleImageProxy|YahooMailProxy|ggpht\.com/i;

/**
 * Whether a pixel fetch came from a mail provider's proxy rather than a person's mail program
 * (Apple Mail Privacy Protection loads every image in advance; Gmail loads them through its
 * proxy): marked on the event, so reports do not count it as a person reading.
 */
export function isProxyOpen(userAgent: string | undefined, address: string | undefined): boolean {
  const agent = (userAgent ?? '').trim();
  if (proxyAgents.test(agent)) return true;
  if (agent === 'Mozilla/5.0') return true;
  const ip = (address ?? '').replace(/^::ffff:/i, '');
  return isIP(ip) === 4 && appleNetwork.check(ip, 'ipv4');
}
