import { and, asc, eq, sql } from 'drizzle-orm';
import { credentials, dkimKeys, type Db } from '@omniflow/db';
import { providerSpecs } from '../../credentials/channel-settings.ts';
import type { HeldDkimKey, SendingServer } from './types.ts';

/** What the workspace sends mail with: the SMTP server and the address mail comes from. */
export interface SendingSetup {
  server?: SendingServer;
  fromDomain?: string;
}

const domainOf = (address: string | undefined) => address?.split('@').pop()?.toLowerCase() || undefined;

/**
 * The SMTP host of the workspace's email channel settings, else of OMNIFLOW_SMTP_URL (the
 * environment's account, used when a workspace saved none), with the From address's domain.
 * Only the readable `config` of the settings is used: no secret is opened.
 */
export async function sendingSetupOf(
  db: Db,
  workspaceId: string,
  env: Record<string, string | undefined>,
): Promise<SendingSetup> {
  const [saved] = await db
    .select({ provider: credentials.provider, config: credentials.config })
    .from(credentials)
    .where(and(eq(credentials.workspaceId, workspaceId), eq(credentials.channel, 'email')));
  if (saved?.provider === 'smtp') {
    const config = providerSpecs.smtp.config.safeParse(saved.config);
    if (config.success) {
      return {
        server: { host: config.data.host.toLowerCase(), source: 'settings' },
        fromDomain: domainOf(config.data.fromAddress),
      };
    }
  }
  if (saved) return {};
  const url = env.OMNIFLOW_SMTP_URL ? URL.parse(env.OMNIFLOW_SMTP_URL) : null;
  const host = url?.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return {
    ...(host ? { server: { host, source: 'environment' as const } } : {}),
    ...(env.OMNIFLOW_SMTP_FROM
      ? { fromDomain: domainOf(env.OMNIFLOW_SMTP_FROM.replace(/^.*<|>.*$/g, '')) }
      : {}),
  };
}

/** The DKIM key the workspace holds for a domain (`domain` lower-cased; the row's in any case). */
export async function heldDkimKeyOf(
  db: Db,
  workspaceId: string,
  domain: string,
): Promise<HeldDkimKey | undefined> {
  const [row] = await db
    .select({ selector: dkimKeys.selector, publicKey: dkimKeys.publicKey })
    .from(dkimKeys)
    .where(and(eq(dkimKeys.workspaceId, workspaceId), sql`lower(${dkimKeys.domain}) = ${domain}`));
  return row;
}

/** Domains worth checking first: the From address's, then those with a DKIM key. */
export async function sendingDomainsOf(db: Db, workspaceId: string, setup: SendingSetup): Promise<string[]> {
  const keyed = await db
    .select({ domain: dkimKeys.domain })
    .from(dkimKeys)
    .where(eq(dkimKeys.workspaceId, workspaceId))
    .orderBy(asc(dkimKeys.domain));
  return [
    ...new Set([
      ...(setup.fromDomain ? [setup.fromDomain] : []),
      ...keyed.map((k) => k.domain.toLowerCase()),
    ]),
  ];
}
