// Plain-text views of runs for the terminal; the API's JSON is available with --json.

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
  if (items.length === 0) return 'No runs match.';
  return table([
    ['RUN', 'FLOW', 'V', 'STATUS', 'CONTACT', 'AT NODE', 'STARTED'],
    ...items.map((r) => [
      r.id,
      r.flowName,
      String(r.version),
      r.detailsExpired ? `${r.status}*` : r.status,
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
  const header = `${run.id}  ${run.flowName} v${run.version}  ${run.status}${run.contact ? `  ${run.contact}` : ''}`;
  const steps = run.steps.map((s) => {
    const retries = s.attempts && s.attempts > 1 ? `  (${s.attempts} attempts)` : '';
    const error = s.error ? `  ✗ ${s.error.code ? `${s.error.code}: ` : ''}${s.error.message}` : '';
    return `  ${String(s.seq).padStart(3)}  ${s.nodeId} (${s.nodeType})  ${formatDuration(s.durationMs)}${
      s.port ? `  → ${s.port}` : ''
    }${retries}${error}`;
  });
  const failure = run.error ? [`Failed: ${run.error.code ?? ''} ${run.error.message}`.trim()] : [];
  const expired = run.detailsExpired ? ['Details removed by retention; the summary remains.'] : [];
  return [header, ...steps, ...failure, ...expired].join('\n');
}
