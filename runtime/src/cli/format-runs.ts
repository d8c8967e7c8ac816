// Plain-text views of runs for the terminal, in the CLI's language; the API's JSON is available
// with --json. Node ids and node types stay as written: they are what --node and the API take.
import { t } from './cli-i18n.ts';
import { portText, statusText } from './run-words.ts';

interface RunLine {
  id: string;
  flowName: string;
  version: number;
  status: string;
  contact: string | null;
  currentNodes: string[];
  failedNodeId: string | null;
  startedAt: string;
  detailsExpired: boolean;
}

interface StepLine {
  seq: number;
  nodeId: string;
  nodeType: string;
  enteredAt: string;
  durationMs: number | null;
  port: string | null;
  attempts: number | null;
  error: { code?: string; message: string } | null;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function formatRunList(items: RunLine[]): string {
  if (items.length === 0) return t('runs.table.empty');
  return table([
    (['run', 'flow', 'version', 'status', 'contact', 'atNode', 'started'] as const).map((column) =>
      t(`runs.table.${column}`),
    ),
    ...items.map((r) => [
      r.id,
      r.flowName,
      String(r.version),
      r.detailsExpired ? `${statusText(r.status)}*` : statusText(r.status),
      r.contact ?? '',
      r.failedNodeId ?? r.currentNodes.join(','),
      r.startedAt.replace('T', ' ').slice(0, 19),
    ]),
  ]);
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return '…';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function formatTimeline(
  run: RunLine & { steps: StepLine[]; error: { code?: string; message: string } | null },
) {
  const header = `${run.id}  ${run.flowName} v${run.version}  ${statusText(run.status)}${run.contact ? `  ${run.contact}` : ''}`;
  const steps = run.steps.map((s) => {
    const retries =
      s.attempts && s.attempts > 1 ? `  ${t('runs.timeline.attempts', { count: s.attempts })}` : '';
    const error = s.error ? `  ✗ ${s.error.code ? `${s.error.code}: ` : ''}${s.error.message}` : '';
    return `  ${String(s.seq).padStart(3)}  ${s.nodeId} (${s.nodeType})  ${formatDuration(s.durationMs)}${
      s.port ? `  → ${portText(s.port)}` : ''
    }${retries}${error}`;
  });
  const failure = run.error
    ? [t('runs.timeline.failed', { error: `${run.error.code ?? ''} ${run.error.message}`.trim() })]
    : [];
  const expired = run.detailsExpired ? [t('runs.timeline.expired')] : [];
  return [header, ...steps, ...failure, ...expired].join('\n');
}
