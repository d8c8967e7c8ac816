import { eq, sql } from 'drizzle-orm';
import { mailDomains, queryRows, type Db } from '@omniflow/db';

/**
 * Which workspace takes mail for an address. Known recipients, in this order:
 * 1. the address of a published flow's mail trigger (`email.inbound` address, or a
 *    `message.inbound` whose "to" is a mail address);
 * 2. the sending address of a workspace's SMTP settings (people answer the mail we send);
 * 3. a whole domain of the workspace (`mail_domains`, set by an admin: PUT /api/v1/mail/domains),
 *    any local part;
 * 4. a domain given to the install (`OMNIFLOW_MAIL_DOMAINS`: `domain` or `domain=workspaceId`);
 *    without a workspace id it goes to the first workspace (one-team installs).
 * Anything else is not ours: the inbound server refuses it at RCPT (RFC 5321 §3.3, 550).
 */
export interface MailRecipients {
  workspaceFor(address: string): Promise<string | undefined>;
  /** Whether the address is one the workspace answers on (its mail coming back would loop). */
  isOwnAddress(workspaceId: string, address: string): Promise<boolean>;
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

/**
 * The workspaces whose published triggers or SMTP settings name this address, looked up in the
 * database (not by loading every graph): each RCPT asks, so publishing a flow opens its address at
 * once. Only the latest version of each flow counts, as for routing.
 */
const workspacesNaming = (db: Db, address: string, workspaceId?: string) =>
  queryRows<{ workspace_id: string }>(
    db,
    sql`
    select v.workspace_id from flow_versions v
      join flows f on f.id = v.flow_id and f.latest_version = v.version
      where v.kind = 'published'
        ${workspaceId ? sql`and v.workspace_id = ${workspaceId}` : sql``}
        and exists (
          select 1 from jsonb_array_elements(v.graph -> 'nodes') n
          where (n ->> 'type' = 'email.inbound' and lower(trim(n -> 'config' ->> 'address')) = ${address})
             or (n ->> 'type' = 'message.inbound' and lower(trim(n -> 'config' ->> 'to')) = ${address}))
    union all
    select c.workspace_id from credentials c
      where c.channel = 'email' and lower(trim(c.config ->> 'fromAddress')) = ${address}
        ${workspaceId ? sql`and c.workspace_id = ${workspaceId}` : sql``}
    limit 1`,
  );

export function createMailRecipients(db: Db, domains: MailDomain[] = []): MailRecipients {
  async function firstWorkspace(): Promise<string | undefined> {
    const row = await db.query.workspaces.findFirst({ orderBy: (w, { asc }) => [asc(w.createdAt)] });
    return row?.id;
  }

  return {
    async workspaceFor(address) {
      const normalized = address.trim().toLowerCase();
      const [named] = await workspacesNaming(db, normalized);
      if (named) return named.workspace_id;
      const domain = normalized.slice(normalized.lastIndexOf('@') + 1);
      const [owned] = await db
        .select({ workspaceId: mailDomains.workspaceId })
        .from(mailDomains)
        .where(eq(mailDomains.domain, domain));
      if (owned) return owned.workspaceId;
      const given = domains.find((d) => d.domain === domain);
      if (!given) return undefined;
      return given.workspaceId ?? (await firstWorkspace());
    },
    async isOwnAddress(workspaceId, address) {
      const normalized = address.trim().toLowerCase();
      if (!normalized.includes('@')) return false;
      return (await workspacesNaming(db, normalized, workspaceId)).length > 0;
    },
  };
}
