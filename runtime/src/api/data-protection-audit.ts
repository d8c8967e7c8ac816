import type { Db } from '@omniflow/db';
import type { Principal } from './app-deps.ts';
import { actorOf } from './audit-actor.ts';
import { eraseAuditSnapshots } from '../audit/erase-audit-snapshots.ts';
import { recordAudit } from '../audit/record-audit.ts';

/** A data-protection request carried out: who asked, about whom, from where, and what it did. */
export interface DataProtectionAuditEntry {
  action: 'contact.exported' | 'contact.erased';
  contactId: string;
  principal: Principal;
  ip: string;
  userAgent: string | null;
  /** What it did: the files and their checksums for an export, what was erased for an erasure. */
  detail: Record<string, unknown>;
}

/**
 * The one place contact exports and erasures reach the audit log (the routes are not in the
 * central trail's table because only they know what was handed over or erased). An erasure also
 * blanks the person's earlier snapshots in the log, or their data would outlive it by a year.
 */
export async function auditDataProtection(db: Db, entry: DataProtectionAuditEntry): Promise<void> {
  const { workspaceId } = entry.principal;
  if (entry.action === 'contact.erased')
    await eraseAuditSnapshots(db, workspaceId, { type: 'contact', id: entry.contactId });
  await recordAudit(db, {
    workspaceId,
    actor: await actorOf(db, entry.principal),
    action: entry.action,
    resource: { type: 'contact', id: entry.contactId },
    request: { ip: entry.ip, userAgent: entry.userAgent },
    details: entry.detail,
  });
}
