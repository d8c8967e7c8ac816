/**
 * What a workspace export holds, one line per table: every row of the workspace as JSON lines,
 * and as CSV too where a person will open it in a spreadsheet. `files` names the column holding a
 * key in the recordings store: those bytes go in the archive beside the rows (`<table>/<id><ext>`).
 * Secrets (channel credentials, API keys, password hashes, webhook secrets) are never exported.
 * Adding a table is one line here.
 */
export interface ExportTable {
  table: string;
  csv?: boolean;
  files?: { column: string; ext: (row: Record<string, unknown>) => string };
}

const wav = () => '.wav';

export const exportTables: ExportTable[] = [
  { table: 'flows' },
  { table: 'flow_versions' },
  { table: 'runs', csv: true },
  { table: 'contacts', csv: true },
  { table: 'contact_channels' },
  { table: 'contact_fields' },
  { table: 'segments' },
  { table: 'messages', csv: true },
  { table: 'conversations' },
  { table: 'call_records', csv: true },
  { table: 'recordings', csv: true, files: { column: 'storage_key', ext: wav } },
  { table: 'voice_prompts', files: { column: 'storage_key', ext: wav } },
  { table: 'mail_attachments', files: { column: 'storage_key', ext: () => '' } },
  { table: 'templates' },
  { table: 'campaigns' },
  { table: 'campaign_recipients', csv: true },
  { table: 'audit_events', csv: true },
  { table: 'health_samples', csv: true },
  { table: 'report_schedules' },
  { table: 'report_deliveries' },
  // Tokens each AI call spent; the AI provider's row is left out (it holds a key).
  { table: 'ai_usage', csv: true },
];
