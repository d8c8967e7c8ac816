import type { Db } from '@omniflow/db';

/** A data-protection request carried out: who asked, about whom, from where, and what it did. */
export interface DataProtectionAuditEntry {
  action: 'contact.export' | 'contact.erase';
  workspaceId: string;
  contactId: string;
  /** The signed-in user, or the API key that called. */
  actor: { userId: string | null; apiKeyId: string | null; via: 'session' | 'api-key' };
  ip: string;
  userAgent: string | null;
  /** What it did: the files and their checksums for an export, what was erased for an erasure. */
  detail: Record<string, unknown>;
}

/**
 * The one place contact exports and erasures are audited. The audit log (issue #16, part 6)
 * exports `recordAudit(db, entry)`; at merge this body becomes a call to it. Until then the entry
 * is kept in memory for the tests that check it is made.
 */
export async function auditDataProtection(db: Db, entry: DataProtectionAuditEntry): Promise<void> {
  void db;
  recentDataProtectionAudits.push(entry);
  if (recentDataProtectionAudits.length > 100) recentDataProtectionAudits.shift();
}

/** The last entries passed to auditDataProtection in this process (tests read it). */
export const recentDataProtectionAudits: DataProtectionAuditEntry[] = [];
