import { and, asc, eq, max } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
  aiProviders,
  apiKeys,
  bulkJobs,
  campaigns,
  caughtMails,
  contactChannels,
  contactFields,
  contactImports,
  contacts,
  conversations,
  credentials,
  dkimKeys,
  flows,
  flowVersions,
  imapMailboxes,
  mailDomains,
  messages,
  quotas,
  recordings,
  runs,
  segments,
  templates,
  reportSchedules,
  users,
  invitations,
  oauthClients,
  voicePrompts,
  workspaces,
  workspaceMembers,
  workspaceWebhooks,
  webhookSubscriptions,
  channelNumbers,
  dataJobs,
  type Db,
} from '@omniflow/db';

/** A resource as it is now (secrets still in: recordAudit redacts), or undefined when gone. */
export type ResourceLoader = (db: Db, workspaceId: string, id: string) => Promise<object | undefined>;

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One row of a workspace's table by a column. An id that cannot be one (a malformed path) finds
 * nothing rather than asking PostgreSQL, which would refuse to compare it with a uuid.
 */
function rowBy(table: PgTable & { workspaceId: PgColumn }, column: PgColumn): ResourceLoader {
  return async (db, workspaceId, id) => {
    if (column.columnType === 'PgUUID' && !uuidShape.test(id)) return undefined;
    const [row] = await db
      .select()
      .from(table)
      .where(and(eq(table.workspaceId, workspaceId), eq(column, id)))
      .limit(1);
    return row;
  };
}

const flowLoader = rowBy(flows, flows.id);
const contactLoader = rowBy(contacts, contacts.id);

/**
 * How to load each kind of resource the audit log names, by id. A new kind of resource: add its
 * loader here and name it from audited-routes.ts.
 */
export const resourceLoaders: Record<string, ResourceLoader | undefined> = {
  flow: async (db, workspaceId, id) => {
    const flow = await flowLoader(db, workspaceId, id);
    if (!flow) return undefined;
    const [published] = await db
      .select({ version: max(flowVersions.version) })
      .from(flowVersions)
      .where(and(eq(flowVersions.flowId, id), eq(flowVersions.kind, 'published')));
    return { ...flow, publishedVersion: published?.version ?? null };
  },
  'api-key': rowBy(apiKeys, apiKeys.id),
  'bulk-job': rowBy(bulkJobs, bulkJobs.id),
  // The caught mail's envelope, not its body: the log proves what was removed without keeping it.
  'mail-catcher': async (db, workspaceId, id) => {
    if (!uuidShape.test(id)) return undefined;
    const [mail] = await db
      .select({
        id: caughtMails.id,
        from: caughtMails.fromAddress,
        to: caughtMails.toAddresses,
        name: caughtMails.subject,
      })
      .from(caughtMails)
      .where(and(eq(caughtMails.workspaceId, workspaceId), eq(caughtMails.id, id)));
    return mail;
  },
  user: rowBy(users, users.id),
  invitation: rowBy(invitations, invitations.id),
  'oauth-client': rowBy(oauthClients, oauthClients.id),
  campaign: rowBy(campaigns, campaigns.id),
  channel: rowBy(credentials, credentials.channel),
  'contact-field': rowBy(contactFields, contactFields.id),
  'contact-import': rowBy(contactImports, contactImports.id),
  contact: async (db, workspaceId, id) => {
    const contact = await contactLoader(db, workspaceId, id);
    if (!contact) return undefined;
    const addresses = await db
      .select()
      .from(contactChannels)
      .where(eq(contactChannels.contactId, id))
      .orderBy(asc(contactChannels.id));
    return { ...contact, addresses };
  },
  conversation: rowBy(conversations, conversations.id),
  'dkim-key': rowBy(dkimKeys, dkimKeys.domain),
  mailbox: rowBy(imapMailboxes, imapMailboxes.id),
  message: rowBy(messages, messages.id),
  quota: rowBy(quotas, quotas.channel),
  recording: rowBy(recordings, recordings.id),
  run: rowBy(runs, runs.id),
  segment: rowBy(segments, segments.id),
  template: rowBy(templates, templates.id),
  'report-schedule': rowBy(reportSchedules, reportSchedules.id),
  'voice-prompt': rowBy(voicePrompts, voicePrompts.id),
  webhook: rowBy(workspaceWebhooks, workspaceWebhooks.workspaceId),
  'ai-provider': rowBy(aiProviders, aiProviders.workspaceId),
  'webhook-subscription': rowBy(webhookSubscriptions, webhookSubscriptions.id),
  'channel-number': rowBy(channelNumbers, channelNumbers.id),
  member: rowBy(workspaceMembers, workspaceMembers.userId),
  // Backups cover the whole install (no workspace on the row): found by their id alone.
  backup: async (db, _workspaceId, id) => {
    if (!uuidShape.test(id)) return undefined;
    const [row] = await db.select().from(dataJobs).where(eq(dataJobs.id, id)).limit(1);
    return row;
  },
  // By its id: a person may create or rename another workspace they belong to (the route checks).
  workspace: async (db, _workspaceId, id) => {
    if (!uuidShape.test(id)) return undefined;
    const [row] = await db.select().from(workspaces).where(eq(workspaces.id, id));
    if (!row) return undefined;
    const domains = await db
      .select({ domain: mailDomains.domain })
      .from(mailDomains)
      .where(eq(mailDomains.workspaceId, id))
      .orderBy(asc(mailDomains.domain));
    return { ...row, mailDomains: domains.map((d) => d.domain) };
  },
};

/** What a person reads a resource as in the log: its name, else its most telling field. */
export function resourceLabel(resource: object | undefined): string | null {
  if (!resource) return null;
  const fields = resource as Record<string, unknown>;
  const text = (key: string) => {
    const value = fields[key];
    return typeof value === 'string' ? value.trim() : '';
  };
  // A contact without a display name is still "Ana Ruiz", not their first address.
  const personName = [text('firstName'), text('lastName')].filter(Boolean).join(' ');
  for (const key of [
    'name',
    'displayName',
    'personName',
    'label',
    'email',
    'address',
    'domain',
    'url',
    'channel',
    'key',
  ]) {
    const value = key === 'personName' ? personName : text(key);
    if (value !== '') return value;
  }
  return null;
}
