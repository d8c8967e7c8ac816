import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { apiClient, type ApiCall } from '../api-client.ts';
import { formatRunList, formatTimeline } from '../format-runs.ts';
import { progressBar } from '../progress-bar.ts';

interface FilterFlags {
  flow?: string;
  status?: string;
  version?: string;
  from?: string;
  to?: string;
  contact?: string;
  node?: string;
}

interface Connection {
  url?: string;
  apiKey?: string;
  json?: boolean;
}

function filterOf(flags: FilterFlags) {
  return {
    ...(flags.flow ? { flowId: flags.flow } : {}),
    ...(flags.status ? { status: flags.status.split(',') } : {}),
    ...(flags.version ? { version: Number(flags.version) } : {}),
    ...(flags.from ? { from: flags.from } : {}),
    ...(flags.to ? { to: flags.to } : {}),
    ...(flags.contact ? { contact: flags.contact } : {}),
    ...(flags.node ? { nodeId: flags.node } : {}),
  };
}

function query(filter: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter))
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function withFilters(command: Command): Command {
  return command
    .option('--flow <id>', 'only runs of this flow')
    .option('--status <list>', 'running,waiting,completed,failed,cancelled,abandoned (comma-separated)')
    .option('--version <n>', 'only runs of this flow version')
    .option('--from <date-time>', 'started at or after (ISO 8601)')
    .option('--to <date-time>', 'started before (ISO 8601)')
    .option('--contact <phone-or-email>', 'runs about this person')
    .option('--node <id>', 'waiting at or failed at this node');
}

function withConnection(command: Command): Command {
  return command
    .option('--url <url>', 'Omniflow base URL (default OMNIFLOW_URL or http://localhost:3000)')
    .option('--api-key <key>', 'API key (default OMNIFLOW_API_KEY)')
    .option('--json', 'print the API answer as JSON');
}

const print = (flags: Connection, value: unknown, text: () => string) =>
  console.log(flags.json ? JSON.stringify(value, null, 2) : text());

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question(`${question} [y/N] `);
  rl.close();
  return /^(y|yes|s|sí|si)$/i.test(answer.trim());
}

async function followBulkJob(call: ApiCall, jobId: string, total: number) {
  const bar = progressBar('Bulk action', total);
  for (;;) {
    const job = await call<{
      status: string;
      done: number;
      succeeded: number;
      failed: number;
      errors: { runId: string; message: string }[];
    }>('GET', `/runs/bulk/${jobId}`);
    bar.update(job.done);
    if (job.status !== 'running') {
      bar.done();
      return job;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** `omniflow runs …`: the runs console from a terminal, over the REST API. */
export function registerRunCommands(program: Command): void {
  const runs = program
    .command('runs')
    .description('Watch, inspect, retry and replay flow runs (over the API)');

  withConnection(withFilters(runs.command('list').description('Runs, newest first')))
    .option('--limit <n>', 'how many', '50')
    .action(async (flags: FilterFlags & Connection & { limit: string }) => {
      const call = apiClient(flags);
      const page = await call<{ items: Parameters<typeof formatRunList>[0] }>(
        'GET',
        `/runs${query({ ...filterOf(flags), limit: flags.limit })}`,
      );
      print(flags, page, () => formatRunList(page.items));
    });

  withConnection(withFilters(runs.command('counts').description('How many runs per status'))).action(
    async (flags: FilterFlags & Connection) => {
      const counts = await apiClient(flags)<{ counts: Record<string, number>; total: number }>(
        'GET',
        `/runs/counts${query(filterOf(flags))}`,
      );
      print(flags, counts, () =>
        [
          ...Object.entries(counts.counts).map(([s, n]) => `${s.padEnd(10)} ${n}`),
          `${'total'.padEnd(10)} ${counts.total}`,
        ].join('\n'),
      );
    },
  );

  withConnection(runs.command('show <runId>').description('A run as a timeline of steps')).action(
    async (runId: string, flags: Connection) => {
      const run = await apiClient(flags)<Parameters<typeof formatTimeline>[0]>('GET', `/runs/${runId}`);
      print(flags, run, () => formatTimeline(run));
    },
  );

  withConnection(runs.command('cancel <runId>').description('Cancel a running or waiting run')).action(
    async (runId: string, flags: Connection) => {
      const result = await apiClient(flags)<{ status: string }>('POST', `/runs/${runId}/cancel`);
      print(flags, result, () => `Run ${runId} is ${result.status}`);
    },
  );

  withConnection(runs.command('rerun <runId>').description('Start a new run with the same input'))
    .option('--on-version <n>', 'run it on another published version')
    .action(async (runId: string, flags: Connection & { onVersion?: string }) => {
      const result = await apiClient(flags)<{ runId: string; version: number }>(
        'POST',
        `/runs/${runId}/replay`,
        {
          mode: 'rerun',
          ...(flags.onVersion ? { version: Number(flags.onVersion) } : {}),
        },
      );
      print(flags, result, () => `Started run ${result.runId} on version ${result.version}`);
    });

  withConnection(
    runs.command('retry <runId>').description('Run a step and what follows again (default: the failed step)'),
  )
    .option('--step <seq>', 'the step number to retry from (see `runs show`)')
    .action(async (runId: string, flags: Connection & { step?: string }) => {
      const call = apiClient(flags);
      let seq = flags.step ? Number(flags.step) : undefined;
      if (seq === undefined) {
        const run = await call<{ failedNodeId: string | null; steps: { seq: number; nodeId: string }[] }>(
          'GET',
          `/runs/${runId}`,
        );
        seq = run.steps.findLast((s) => s.nodeId === run.failedNodeId)?.seq;
        if (seq === undefined) throw new Error('The run did not fail at a step; name one with --step');
      }
      const result = await call<{ fromSeq: number }>('POST', `/runs/${runId}/replay`, {
        mode: 'retry-from-step',
        seq,
      });
      print(flags, result, () => `Run ${runId} is running again from step ${result.fromSeq}`);
    });

  withConnection(
    runs.command('verify <runId>').description('Replay the run’s history against the current code'),
  ).action(async (runId: string, flags: Connection) => {
    const result = await apiClient(flags)<{
      deterministic: boolean;
      error: string | null;
      historyLength: number;
    }>('POST', `/runs/${runId}/replay`, { mode: 'verify' });
    print(flags, result, () =>
      result.deterministic
        ? `Deterministic: ${result.historyLength} history events replay cleanly`
        : `NOT deterministic: ${result.error}`,
    );
    if (!result.deterministic) process.exitCode = 2;
  });

  withConnection(
    withFilters(
      runs
        .command('bulk <action>')
        .description('cancel | rerun | retry every run of a filter, with progress'),
    ),
  )
    .option('--yes', 'do not ask for confirmation')
    .action(async (action: string, flags: FilterFlags & Connection & { yes?: boolean }) => {
      const call = apiClient(flags);
      const filter = filterOf(flags);
      const preview = await call<{ count: number }>('POST', '/runs/bulk/preview', { filter, action });
      if (preview.count === 0) {
        console.log('No runs match; nothing to do.');
        return;
      }
      if (!flags.yes && !(await confirm(`${action} ${preview.count} run(s)?`))) {
        throw new Error(`Not confirmed: pass --yes to ${action} ${preview.count} run(s) without asking`);
      }
      const { jobId, total } = await call<{ jobId: string; total: number }>('POST', '/runs/bulk', {
        filter,
        action,
        idempotencyKey: randomUUID(),
      });
      const job = await followBulkJob(call, jobId, total);
      print(flags, job, () =>
        [
          `${job.succeeded} succeeded, ${job.failed} failed`,
          ...job.errors.map((e) => `  ${e.runId}: ${e.message}`),
        ].join('\n'),
      );
      if (job.failed > 0) process.exitCode = 2;
    });

  withConnection(runs.command('inflight <flowId>').description('Runs in flight per node')).action(
    async (flowId: string, flags: Connection) => {
      const result = await apiClient(flags)<{ total: number; byNode: Record<string, number> }>(
        'GET',
        `/flows/${flowId}/inflight`,
      );
      print(flags, result, () =>
        [
          `${result.total} in flight`,
          ...Object.entries(result.byNode).map(([node, n]) => `  ${node}: ${n}`),
        ].join('\n'),
      );
    },
  );

  withConnection(runs.command('what-if <flowId>').description('Replay recorded runs against the draft'))
    .option('--on-version <n>', 'runs of this published version (default the latest)')
    .option('--limit <n>', 'how many recent runs', '100')
    .action(async (flowId: string, flags: Connection & { onVersion?: string; limit: string }) => {
      const result = await apiClient(flags)<{
        total: number;
        changedCount: number;
        results: { runId: string; changed: boolean; originalPath: string[]; draftPath: string[] }[];
      }>('POST', `/flows/${flowId}/what-if`, {
        limit: Number(flags.limit),
        ...(flags.onVersion ? { version: Number(flags.onVersion) } : {}),
      });
      print(flags, result, () =>
        [
          `${result.changedCount} of ${result.total} runs would take a different path`,
          ...result.results
            .filter((r) => r.changed)
            .map(
              (r) =>
                `  ${r.runId}\n    was: ${r.originalPath.join(' → ')}\n    now: ${r.draftPath.join(' → ')}`,
            ),
        ].join('\n'),
      );
    });
}
