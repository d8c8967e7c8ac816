import { sql, type SQL } from 'drizzle-orm';
import {
  aiProviders,
  channelNumbers,
  credentials,
  dkimKeys,
  hookSecrets,
  imapMailboxes,
  users,
  webhookSubscriptions,
  workspaceWebhooks,
} from '@omniflow/db';
import type { MessagingChannel } from '@omniflow/nodes/drivers/messaging';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { contextOf as channelContext } from './credentials-store.ts';
import { contextOf as statusWebhookContext } from '../transactional/status-webhook-store.ts';
import { contextOf as imapContext } from '../email/imap-mailbox-store.ts';
import { contextOf as dkimContext } from '../email/dkim-key-store.ts';
import { contextOf as totpContext } from '../people/second-factor.ts';
import { contextOf as subscriptionContext } from '../webhooks/webhook-subscriptions.ts';
import { contextOf as numberContext } from '../channel-numbers/channel-number-store.ts';
import { hookSecretContext } from '../hooks/hook-secret-store.ts';
import { contextOf as aiProviderContext } from '../ai/ai-provider-store.ts';

/**
 * One column of sealed values (`v1.<iv>.<tag>.<ct>` beside the id of the key that sealed it) and
 * how to rebuild the context each value was sealed with. `omniflow secrets rotate` re-seals every
 * column listed here: a new sealed column is added here, or rotation leaves it on the old key.
 */
export interface SealedColumn {
  /** For progress and errors: which values these are. */
  name: string;
  table: PgTable;
  /** A unique, ordered key: rows are walked in batches by it. */
  id: AnyPgColumn;
  /** The sealed text and its key's id: two columns, or two fields of one JSON column. */
  sealed: AnyPgColumn | SQL<string>;
  keyId: AnyPgColumn | SQL<string>;
  /** What the re-sealed value is written as, when `sealed`/`keyId` are not plain columns. */
  write?: (value: { sealed: string; keyId: string }) => Record<string, unknown>;
  /** The other columns the context is made from. */
  contextColumns: Record<string, AnyPgColumn>;
  context(row: Record<string, unknown>): string;
}

export const sealedColumns: SealedColumn[] = [
  {
    name: 'AI provider keys',
    table: aiProviders,
    id: aiProviders.workspaceId,
    sealed: aiProviders.secretsSealed,
    keyId: aiProviders.keyId,
    contextColumns: {},
    context: (row) => aiProviderContext(String(row.id)),
  },
  {
    name: 'channel credentials',
    table: credentials,
    id: credentials.id,
    sealed: credentials.secretsSealed,
    keyId: credentials.keyId,
    contextColumns: { workspaceId: credentials.workspaceId, channel: credentials.channel },
    context: (row) => channelContext(String(row.workspaceId), row.channel as MessagingChannel),
  },
  {
    name: 'status webhook secrets',
    table: workspaceWebhooks,
    id: workspaceWebhooks.workspaceId,
    sealed: workspaceWebhooks.secretSealed,
    keyId: workspaceWebhooks.keyId,
    contextColumns: {},
    context: (row) => statusWebhookContext(String(row.id)),
  },
  {
    name: 'IMAP mailbox passwords',
    table: imapMailboxes,
    id: imapMailboxes.id,
    sealed: imapMailboxes.passwordSealed,
    keyId: imapMailboxes.keyId,
    contextColumns: { workspaceId: imapMailboxes.workspaceId },
    context: (row) => imapContext(String(row.workspaceId), String(row.id)),
  },
  {
    name: 'DKIM private keys',
    table: dkimKeys,
    id: dkimKeys.id,
    sealed: dkimKeys.privateKeySealed,
    keyId: dkimKeys.keyId,
    contextColumns: { workspaceId: dkimKeys.workspaceId, domain: dkimKeys.domain },
    context: (row) => dkimContext(String(row.workspaceId), String(row.domain)),
  },
  {
    name: 'sign-in code secrets',
    table: users,
    id: users.id,
    // One JSON column ({ sealed, keyId }); a person without a second factor has none (NULL).
    sealed: sql<string>`${users.totpSecret}->>'sealed'`,
    keyId: sql<string>`${users.totpSecret}->>'keyId'`,
    write: (value) => ({ totpSecret: value }),
    contextColumns: {},
    context: (row) => totpContext(String(row.id)),
  },
  {
    name: 'webhook subscription secrets',
    table: webhookSubscriptions,
    id: webhookSubscriptions.id,
    sealed: webhookSubscriptions.secretSealed,
    keyId: webhookSubscriptions.keyId,
    contextColumns: { workspaceId: webhookSubscriptions.workspaceId },
    context: (row) => subscriptionContext(String(row.workspaceId), String(row.id)),
  },
  {
    name: 'channel number secrets',
    table: channelNumbers,
    id: channelNumbers.id,
    sealed: channelNumbers.secretsSealed,
    keyId: channelNumbers.keyId,
    contextColumns: { workspaceId: channelNumbers.workspaceId, channel: channelNumbers.channel },
    context: (row) =>
      numberContext({
        workspaceId: String(row.workspaceId),
        channel: String(row.channel),
        id: String(row.id),
      }),
  },
  {
    name: 'flow webhook signing secrets',
    table: hookSecrets,
    id: hookSecrets.flowId,
    sealed: hookSecrets.secretSealed,
    keyId: hookSecrets.keyId,
    contextColumns: { workspaceId: hookSecrets.workspaceId },
    context: (row) => hookSecretContext(String(row.workspaceId), String(row.id)),
  },
];
