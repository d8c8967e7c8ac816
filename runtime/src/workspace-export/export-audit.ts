import type { Db } from '@omniflow/db';
import { recordAudit, type AuditEntry } from '../audit/record-audit.ts';

/** What the audit log is told about a finished workspace export. */
export interface WorkspaceExportAuditEvent {
  workspaceId: string;
  /** The person or key that asked through the API; `system` for `omniflow export` on the server. */
  actor: AuditEntry['actor'];
  file: string;
  bytes: number;
  sha256: string;
}

/** Every contract-end export, by the API or the CLI, is one audit row once written. */
export async function auditWorkspaceExport(db: Db, event: WorkspaceExportAuditEvent): Promise<void> {
  await recordAudit(db, {
    workspaceId: event.workspaceId,
    actor: event.actor,
    action: 'workspace.exported',
    resource: { type: 'workspace', id: event.workspaceId },
    details: { file: event.file, bytes: event.bytes, sha256: event.sha256 },
  });
}
