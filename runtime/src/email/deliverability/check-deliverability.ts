import type { Db } from '@omniflow/db';
import { checkDomain } from './check-domain.ts';
import { createDnsLookup } from './dns-lookup.ts';
import { heldDkimKeyOf, sendingSetupOf } from './sending-setup.ts';
import type { DeliverabilityReport } from './types.ts';

export interface DeliverabilityDeps {
  db: Db;
  /** DNS servers to ask (default: the system's); OMNIFLOW_DNS_SERVERS in the API. */
  dnsServers?: readonly string[];
  /** Where OMNIFLOW_SMTP_URL / OMNIFLOW_SMTP_FROM are read when the workspace saved no SMTP account. */
  env: Record<string, string | undefined>;
  /** The whole check ends by then, whatever DNS does (default 15 s). */
  timeoutMs?: number;
  now?: () => Date;
}

/**
 * Checks a workspace's sending domain against what it sends with: its SMTP server (SPF) and the
 * DKIM key it holds for the domain.
 */
export async function checkDeliverability(
  deps: DeliverabilityDeps,
  workspaceId: string,
  domain: string,
): Promise<DeliverabilityReport> {
  const [setup, dkimKey] = await Promise.all([
    sendingSetupOf(deps.db, workspaceId, deps.env),
    heldDkimKeyOf(deps.db, workspaceId, domain),
  ]);
  const lookup = createDnsLookup({
    ...(deps.dnsServers ? { servers: deps.dnsServers } : {}),
    deadline: Date.now() + (deps.timeoutMs ?? 15_000),
  });
  return checkDomain({
    domain,
    lookup,
    ...(setup.server ? { server: setup.server } : {}),
    ...(dkimKey ? { dkimKey } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  });
}
