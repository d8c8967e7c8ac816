/** What the audit log is told about a finished workspace export. */
export interface WorkspaceExportAuditEvent {
  workspaceId: string;
  /** The user or API key that asked; null for `omniflow export` run on the server itself. */
  actor: { userId: string | null; apiKeyId?: string | undefined; via: 'session' | 'api-key' | 'cli' };
  file: string;
  bytes: number;
  sha256: string;
}

/**
 * The call site for auditing a contract-end export (issue #16, audit part): every export, by the
 * API or the CLI, passes here once written. It records nothing until the audit log is merged.
 */
export async function auditWorkspaceExport(event: WorkspaceExportAuditEvent): Promise<void> {
  void event;
}
