import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { eq } from 'drizzle-orm';
import { workspaceWebhooks, type Db } from '@omniflow/db';
import { isPrivateAddress } from '@omniflow/nodes/http';
import { openSecrets, sealSecrets } from '../credentials/secret-box.ts';
import type { SecretKeyring } from '../credentials/secret-keyring.ts';

export type WebhookUrlProblem = 'notUrl' | 'notHttp' | 'credentials' | 'unresolved' | 'private';

/** A URL an admin may not save: answered 422 with the reason (`problem` for the reader's language). */
export class WebhookUrlError extends Error {
  constructor(
    message: string,
    readonly problem: WebhookUrlProblem,
    readonly params: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface StatusWebhook {
  url: string;
  updatedAt: Date;
}

/** The signing secret is bound to its workspace (AES-GCM associated data), like channel secrets. */
export const contextOf = (workspaceId: string) => `${workspaceId}/status-webhook`;

/**
 * Where a workspace's send-API statuses are POSTed, and the secret they are signed with: made
 * here, shown once, stored only sealed.
 */
export function createStatusWebhookStore(db: Db, keyring: () => SecretKeyring) {
  return {
    async get(workspaceId: string): Promise<StatusWebhook | undefined> {
      const [row] = await db
        .select({ url: workspaceWebhooks.url, updatedAt: workspaceWebhooks.updatedAt })
        .from(workspaceWebhooks)
        .where(eq(workspaceWebhooks.workspaceId, workspaceId));
      return row;
    },

    /**
     * Saves the URL. A new secret is made when the workspace has none or `newSecret` asks for one
     * (then it is answered, the only time it is ever readable); changing only the URL keeps the
     * secret receivers already check with.
     */
    async put(
      workspaceId: string,
      url: string,
      newSecret: boolean,
    ): Promise<StatusWebhook & { secret?: string }> {
      const [existing] = await db
        .select({ workspaceId: workspaceWebhooks.workspaceId })
        .from(workspaceWebhooks)
        .where(eq(workspaceWebhooks.workspaceId, workspaceId));
      if (existing && !newSecret) {
        const [row] = await db
          .update(workspaceWebhooks)
          .set({ url, updatedAt: new Date() })
          .where(eq(workspaceWebhooks.workspaceId, workspaceId))
          .returning({ url: workspaceWebhooks.url, updatedAt: workspaceWebhooks.updatedAt });
        return row!;
      }
      const secret = `whsec_${randomBytes(32).toString('base64url')}`;
      const sealed = sealSecrets(keyring(), { secret }, contextOf(workspaceId));
      const values = { url, secretSealed: sealed.sealed, keyId: sealed.keyId, updatedAt: new Date() };
      const [row] = await db
        .insert(workspaceWebhooks)
        .values({ workspaceId, ...values })
        .onConflictDoUpdate({ target: workspaceWebhooks.workspaceId, set: values })
        .returning({ url: workspaceWebhooks.url, updatedAt: workspaceWebhooks.updatedAt });
      return { ...row!, secret };
    },

    async delete(workspaceId: string): Promise<boolean> {
      const gone = await db
        .delete(workspaceWebhooks)
        .where(eq(workspaceWebhooks.workspaceId, workspaceId))
        .returning({ workspaceId: workspaceWebhooks.workspaceId });
      return gone.length > 0;
    },

    /** The URL and the opened secret, for signing a notice; undefined when none is set. */
    async target(workspaceId: string): Promise<{ url: string; secret: string } | undefined> {
      const [row] = await db
        .select()
        .from(workspaceWebhooks)
        .where(eq(workspaceWebhooks.workspaceId, workspaceId));
      if (!row) return undefined;
      const { secret } = openSecrets(
        keyring(),
        { sealed: row.secretSealed, keyId: row.keyId },
        contextOf(workspaceId),
      );
      return { url: row.url, secret: secret! };
    },
  };
}

export type StatusWebhookStore = ReturnType<typeof createStatusWebhookStore>;

/**
 * An http(s) URL whose host is public (SSRF: the worker would POST into the private network
 * otherwise). The name is resolved now for a clear answer; every delivery checks again at
 * connect time, so a name that later resolves inward is still refused.
 */
export async function checkWebhookUrl(text: string, allowPrivate: boolean): Promise<string> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new WebhookUrlError(
      `"${text}" is not a URL: write it whole, like https://app.example.org/omniflow`,
      'notUrl',
      { text },
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new WebhookUrlError(`The webhook is an http or https URL, not ${url.protocol}`, 'notHttp', {
      protocol: url.protocol,
    });
  if (url.username || url.password)
    throw new WebhookUrlError(
      'Leave user and password out of the URL: receivers check the Omniflow-Signature header instead',
      'credentials',
    );
  if (allowPrivate) return url.toString();
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw new WebhookUrlError(`${host} does not resolve: check the host name`, 'unresolved', { host });
  }
  const inward = addresses.find(isPrivateAddress);
  if (inward)
    throw new WebhookUrlError(
      `${host} is a private or loopback address (${inward}): the webhook must be reachable on the internet ` +
        '(OMNIFLOW_HTTP_ALLOW_PRIVATE=1 on the API and the worker allows private targets)',
      'private',
      { host, address: inward },
    );
  return url.toString();
}
