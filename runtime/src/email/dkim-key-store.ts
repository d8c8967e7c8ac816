import { and, asc, eq } from 'drizzle-orm';
import { dkimKeys, newId, type Db } from '@omniflow/db';
import {
  dkimDnsRecord,
  dkimKeyFromPem,
  generateDkimKey,
  type DkimDnsRecord,
} from '@omniflow/nodes/drivers/email';
import type { DkimSigningKey } from '@omniflow/nodes/drivers/messaging';
import { openSecrets, sealSecrets } from '../credentials/secret-box.ts';
import type { SecretKeyring } from '../credentials/secret-keyring.ts';

/** What the API shows of a domain's key: never the private half. */
export interface DkimKeyView {
  domain: string;
  selector: string;
  publicKey: string;
  dnsRecord: DkimDnsRecord;
  createdAt: Date;
}

/** The private key is bound to its workspace and domain (AES-GCM associated data). */
export const contextOf = (workspaceId: string, domain: string) => `${workspaceId}/dkim/${domain}`;

/** A selector that names when the key was made, so a new key can live beside the old one in DNS. */
export const defaultSelector = (at = new Date()) =>
  `of${at.getUTCFullYear()}${String(at.getUTCMonth() + 1).padStart(2, '0')}`;

type SealedRow = { selector: string; sealed: string; keyId: string } | undefined;

// A campaign signs hundreds of mails a second with one key: its row is read at most every
// `recentMs` (a save or removal in this process forgets it at once; one made by another process,
// the API beside a worker, is seen within that time).
const recentMs = 2000;
const recent = new Map<string, { at: number; row: Promise<SealedRow> }>();
const recentKey = (workspaceId: string, domain: string) => `${workspaceId}/${domain}`;

/** Each workspace's DKIM key per sending domain, the private half sealed like channel secrets. */
export function createDkimKeyStore(db: Db, keyring: () => SecretKeyring) {
  const view = (row: typeof dkimKeys.$inferSelect): DkimKeyView => ({
    domain: row.domain,
    selector: row.selector,
    publicKey: row.publicKey,
    dnsRecord: dkimDnsRecord(row.domain, row.selector, row.publicKey),
    createdAt: row.createdAt,
  });
  // Opened keys by their sealed text: the text changes with every save, so no stale key is used.
  const opened = new Map<string, string>();
  // Sends in flight together share the one read in `recent` (a campaign signs with one key), so
  // a plain select is enough: batching reads of different keys saved nothing measurable.
  const rowOf = async (workspaceId: string, domain: string): Promise<SealedRow> => {
    const [found] = await db
      .select({ selector: dkimKeys.selector, sealed: dkimKeys.privateKeySealed, keyId: dkimKeys.keyId })
      .from(dkimKeys)
      .where(and(eq(dkimKeys.workspaceId, workspaceId), eq(dkimKeys.domain, domain)));
    return found;
  };
  const recentRowOf = (workspaceId: string, domain: string): Promise<SealedRow> => {
    const key = recentKey(workspaceId, domain);
    const known = recent.get(key);
    if (known && performance.now() - known.at < recentMs) return known.row;
    if (recent.size >= 1000) recent.clear();
    const row = rowOf(workspaceId, domain);
    recent.set(key, { at: performance.now(), row });
    row.catch(() => recent.delete(key));
    return row;
  };

  return {
    async list(workspaceId: string): Promise<DkimKeyView[]> {
      const rows = await db
        .select()
        .from(dkimKeys)
        .where(eq(dkimKeys.workspaceId, workspaceId))
        .orderBy(asc(dkimKeys.domain));
      return rows.map(view);
    },

    /**
     * Sets a domain's key: the pasted PEM, or a new 2048-bit key. Replaces the domain's key
     * before; mail signed from then on names the new selector.
     */
    async save(
      workspaceId: string,
      input: { domain: string; selector?: string; privateKey?: string },
    ): Promise<DkimKeyView> {
      const domain = input.domain.toLowerCase();
      const pair = input.privateKey ? dkimKeyFromPem(input.privateKey) : generateDkimKey();
      const sealed = sealSecrets(
        keyring(),
        { privateKey: pair.privateKeyPem },
        contextOf(workspaceId, domain),
      );
      const values = {
        selector: input.selector ?? defaultSelector(),
        publicKey: pair.publicKey,
        privateKeySealed: sealed.sealed,
        keyId: sealed.keyId,
        createdAt: new Date(),
      };
      const [saved] = await db
        .insert(dkimKeys)
        .values({ id: newId(), workspaceId, domain, ...values })
        .onConflictDoUpdate({ target: [dkimKeys.workspaceId, dkimKeys.domain], set: values })
        .returning();
      recent.delete(recentKey(workspaceId, domain));
      return view(saved!);
    },

    async remove(workspaceId: string, domain: string): Promise<boolean> {
      const deleted = await db
        .delete(dkimKeys)
        .where(and(eq(dkimKeys.workspaceId, workspaceId), eq(dkimKeys.domain, domain.toLowerCase())))
        .returning({ id: dkimKeys.id });
      recent.delete(recentKey(workspaceId, domain.toLowerCase()));
      return deleted.length > 0;
    },

    /** The key to sign a domain's mail with; undefined when the workspace has none for it. */
    async signingKey(workspaceId: string, domain: string): Promise<DkimSigningKey | undefined> {
      const normalized = domain.toLowerCase();
      const row = await recentRowOf(workspaceId, normalized);
      if (!row) return undefined;
      let privateKey = opened.get(row.sealed);
      if (!privateKey) {
        privateKey = openSecrets(
          keyring(),
          { sealed: row.sealed, keyId: row.keyId },
          contextOf(workspaceId, normalized),
        ).privateKey!;
        if (opened.size > 1000) opened.clear();
        opened.set(row.sealed, privateKey);
      }
      return { domainName: normalized, keySelector: row.selector, privateKey };
    },
  };
}

export type DkimKeyStore = ReturnType<typeof createDkimKeyStore>;
