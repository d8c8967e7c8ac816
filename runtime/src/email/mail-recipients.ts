import { and, eq } from 'drizzle-orm';
import { credentials, flowVersions, flows, type Db } from '@omniflow/db';
import type { FlowDocument } from '../graph/flow-schema.ts';

/**
 * Which workspace takes mail for an address. Known recipients, in this order:
 * 1. the address of a published flow's mail trigger (`email.inbound` address, or a
 *    `message.inbound` whose "to" is a mail address);
 * 2. the sending address of a workspace's SMTP settings (people answer the mail we send);
 * 3. a whole domain given to the install (`OMNIFLOW_MAIL_DOMAINS`: `domain` or `domain=workspaceId`),
 *    any local part; without a workspace id it goes to the first workspace (one-team installs).
 * Anything else is not ours: the inbound server refuses it at RCPT (RFC 5321 §3.3, 550).
 */
export interface MailRecipients {
  workspaceFor(address: string): Promise<string | undefined>;
  /** Every address a workspace answers on, to spot mail we sent ourselves coming back. */
  addressesOf(workspaceId: string): Promise<Set<string>>;
}

export interface MailDomain {
  domain: string;
  workspaceId?: string;
}

/** `a.example, b.example=<workspace id>` → the domains given to this install. */
export function parseMailDomains(text: string | undefined): MailDomain[] {
  return (text ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [domain, workspaceId] = entry.split('=').map((s) => s.trim());
      return { domain: domain!.toLowerCase(), ...(workspaceId ? { workspaceId } : {}) };
    });
}

const isMailAddress = (value: unknown): value is string =>
  typeof value === 'string' && /^[^@\s]+@[^@\s]+$/.test(value.trim());

/** The mail address a published trigger listens on, if it names one. */
function triggerAddress(graph: FlowDocument): string | undefined {
  const trigger = graph.nodes.find((n) => n.id === graph.trigger?.node) ?? graph.nodes[0];
  const config = (trigger?.config ?? {}) as Record<string, unknown>;
  const candidate =
    trigger?.type === 'email.inbound'
      ? config.address
      : trigger?.type === 'message.inbound'
        ? config.to
        : undefined;
  return isMailAddress(candidate) ? candidate.trim().toLowerCase() : undefined;
}

export function createMailRecipients(db: Db, domains: MailDomain[] = []): MailRecipients {
  async function known(): Promise<{ address: string; workspaceId: string }[]> {
    const published = await db
      .select({ workspaceId: flowVersions.workspaceId, graph: flowVersions.graph })
      .from(flowVersions)
      .innerJoin(flows, and(eq(flows.id, flowVersions.flowId), eq(flows.latestVersion, flowVersions.version)))
      .where(eq(flowVersions.kind, 'published'));
    const senders = await db
      .select({ workspaceId: credentials.workspaceId, config: credentials.config })
      .from(credentials)
      .where(eq(credentials.channel, 'email'));
    return [
      ...published.flatMap((row) => {
        const address = triggerAddress(row.graph as FlowDocument);
        return address ? [{ address, workspaceId: row.workspaceId }] : [];
      }),
      ...senders.flatMap((row) =>
        isMailAddress(row.config.fromAddress)
          ? [{ address: row.config.fromAddress.trim().toLowerCase(), workspaceId: row.workspaceId }]
          : [],
      ),
    ];
  }

  async function firstWorkspace(): Promise<string | undefined> {
    const row = await db.query.workspaces.findFirst({ orderBy: (w, { asc }) => [asc(w.createdAt)] });
    return row?.id;
  }

  return {
    async workspaceFor(address) {
      const normalized = address.trim().toLowerCase();
      const exact = (await known()).find((k) => k.address === normalized);
      if (exact) return exact.workspaceId;
      const domain = normalized.slice(normalized.lastIndexOf('@') + 1);
      const given = domains.find((d) => d.domain === domain);
      if (!given) return undefined;
      return given.workspaceId ?? (await firstWorkspace());
    },
    async addressesOf(workspaceId) {
      return new Set((await known()).filter((k) => k.workspaceId === workspaceId).map((k) => k.address));
    },
  };
}
