import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { apiClient, type ApiCall } from '../api-client.ts';
import { formatRunList, formatTimeline } from '../format-runs.ts';
import { statusText } from '../run-words.ts';
import { arg, t } from '../cli-i18n.ts';
import { cliMessages, type CliMessageKey } from '../cli-messages.ts';
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
    .option(`--flow ${arg('flowOption')}`, t('runs.option.flow'))
    .option(`--status ${arg('list')}`, t('runs.option.status'))
    .option(`--version ${arg('version')}`, t('runs.option.version'))
    .option(`--from ${arg('dateTime')}`, t('runs.option.from'))
    .option(`--to ${arg('dateTime')}`, t('runs.option.to'))
    .option(`--contact ${arg('phoneOrEmail')}`, t('runs.option.contact'))
    .option(`--node ${arg('node')}`, t('runs.option.node'));
}

function withConnection(command: Command): Command {
  return command
    .option('--url <url>', t('connection.url'))
    .option(`--api-key ${arg('key')}`, t('connection.apiKey'))
    .option('--json', t('connection.json'));
}

const print = (flags: Connection, value: unknown, text: () => string) =>
  console.log(flags.json ? JSON.stringify(value, null, 2) : text());

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question(`${question} ${t('runs.bulk.yesNo')} `);
  rl.close();
  return /^(y|yes|s|sí|si)$/i.test(answer.trim());
}

/** A bulk action's verb in the reader's words (the API takes cancel, rerun or retry). */
function actionText(action: string): string {
  const key = `runs.bulk.action.${action}`;
  return key in cliMessages.en ? t(key as CliMessageKey) : action;
}

const capitalised = (text: string) =>
  text.replace(/^(¿?)(\p{L})/u, (_, mark: string, letter: string) => mark + letter.toUpperCase());

async function followBulkJob(call: ApiCall, jobId: string, total: number) {
  const bar = progressBar(t('runs.bulk.progress'), total);
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
  const runs = program.command('runs').description(t('runs.description'));

  withConnection(withFilters(runs.command('list').description(t('runs.list.description'))))
    .option(`--limit ${arg('count')}`, t('runs.option.limit'), '50')
    .action(async (flags: FilterFlags & Connection & { limit: string }) => {
      const call = apiClient(flags);
      const page = await call<{ items: Parameters<typeof formatRunList>[0] }>(
        'GET',
        `/runs${query({ ...filterOf(flags), limit: flags.limit })}`,
      );
      print(flags, page, () => formatRunList(page.items));
    });

  withConnection(withFilters(runs.command('counts').description(t('runs.counts.description')))).action(
    async (flags: FilterFlags & Connection) => {
      const counts = await apiClient(flags)<{ counts: Record<string, number>; total: number }>(
        'GET',
        `/runs/counts${query(filterOf(flags))}`,
      );
      const width = Math.max(10, ...Object.keys(counts.counts).map((s) => statusText(s).length));
      print(flags, counts, () =>
        [
          ...Object.entries(counts.counts).map(([s, n]) => `${statusText(s).padEnd(width)} ${n}`),
          `${t('runs.counts.total').padEnd(width)} ${counts.total}`,
        ].join('\n'),
      );
    },
  );

  withConnection(runs.command(`show ${arg('run')}`).description(t('runs.show.description'))).action(
    async (runId: string, flags: Connection) => {
      const run = await apiClient(flags)<Parameters<typeof formatTimeline>[0]>('GET', `/runs/${runId}`);
      print(flags, run, () => formatTimeline(run));
    },
  );

  withConnection(runs.command(`cancel ${arg('run')}`).description(t('runs.cancel.description'))).action(
    async (runId: string, flags: Connection) => {
      const result = await apiClient(flags)<{ status: string }>('POST', `/runs/${runId}/cancel`);
      print(flags, result, () => t('runs.cancel.done', { id: runId, status: statusText(result.status) }));
    },
  );

  withConnection(runs.command(`rerun ${arg('run')}`).description(t('runs.rerun.description')))
    .option(`--on-version ${arg('version')}`, t('runs.option.onVersion'))
    .action(async (runId: string, flags: Connection & { onVersion?: string }) => {
      const result = await apiClient(flags)<{ runId: string; version: number }>(
        'POST',
        `/runs/${runId}/replay`,
        {
          mode: 'rerun',
          ...(flags.onVersion ? { version: Number(flags.onVersion) } : {}),
        },
      );
      print(flags, result, () => t('runs.rerun.done', { id: result.runId, version: result.version }));
    });

  withConnection(runs.command(`retry ${arg('run')}`).description(t('runs.retry.description')))
    .option(`--step ${arg('step')}`, t('runs.option.step'))
    .action(async (runId: string, flags: Connection & { step?: string }) => {
      const call = apiClient(flags);
      let seq = flags.step ? Number(flags.step) : undefined;
      if (seq === undefined) {
        const run = await call<{ failedNodeId: string | null; steps: { seq: number; nodeId: string }[] }>(
          'GET',
          `/runs/${runId}`,
        );
        seq = run.steps.findLast((s) => s.nodeId === run.failedNodeId)?.seq;
        if (seq === undefined) throw new Error(t('runs.retry.noFailedStep'));
      }
      const result = await call<{ fromSeq: number }>('POST', `/runs/${runId}/replay`, {
        mode: 'retry-from-step',
        seq,
      });
      print(flags, result, () => t('runs.retry.done', { id: runId, seq: result.fromSeq }));
    });

  withConnection(runs.command(`verify ${arg('run')}`).description(t('runs.verify.description'))).action(
    async (runId: string, flags: Connection) => {
      const result = await apiClient(flags)<{
        deterministic: boolean;
        error: string | null;
        historyLength: number;
      }>('POST', `/runs/${runId}/replay`, { mode: 'verify' });
      print(flags, result, () =>
        result.deterministic
          ? t('runs.verify.deterministic', { count: result.historyLength })
          : t('runs.verify.notDeterministic', { error: result.error ?? '' }),
      );
      if (!result.deterministic) process.exitCode = 2;
    },
  );

  withConnection(withFilters(runs.command(`bulk ${arg('action')}`).description(t('runs.bulk.description'))))
    .option('--yes', t('runs.option.yes'))
    .action(async (action: string, flags: FilterFlags & Connection & { yes?: boolean }) => {
      const call = apiClient(flags);
      const filter = filterOf(flags);
      const preview = await call<{ count: number }>('POST', '/runs/bulk/preview', { filter, action });
      if (preview.count === 0) {
        console.log(t('runs.bulk.nothing'));
        return;
      }
      const doing = { action: actionText(action), count: preview.count };
      if (!flags.yes && !(await confirm(capitalised(t('runs.bulk.confirm', doing))))) {
        throw new Error(t('runs.bulk.notConfirmed', doing));
      }
      const { jobId, total } = await call<{ jobId: string; total: number }>('POST', '/runs/bulk', {
        filter,
        action,
        idempotencyKey: randomUUID(),
      });
      const job = await followBulkJob(call, jobId, total);
      print(flags, job, () =>
        [
          t('runs.bulk.done', { succeeded: job.succeeded, failed: job.failed }),
          ...job.errors.map((e) => `  ${e.runId}: ${e.message}`),
        ].join('\n'),
      );
      if (job.failed > 0) process.exitCode = 2;
    });

  withConnection(runs.command(`inflight ${arg('flow')}`).description(t('runs.inflight.description'))).action(
    async (flowId: string, flags: Connection) => {
      const result = await apiClient(flags)<{ total: number; byNode: Record<string, number> }>(
        'GET',
        `/flows/${flowId}/inflight`,
      );
      print(flags, result, () =>
        [
          t('runs.inflight.total', { total: result.total }),
          ...Object.entries(result.byNode).map(([node, n]) => `  ${node}: ${n}`),
        ].join('\n'),
      );
    },
  );

  withConnection(runs.command(`what-if ${arg('flow')}`).description(t('runs.whatIf.description')))
    .option(`--on-version ${arg('version')}`, t('runs.whatIf.option.onVersion'))
    .option(`--limit ${arg('count')}`, t('runs.whatIf.option.limit'), '100')
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
          t('runs.whatIf.changed', { changed: result.changedCount, total: result.total }),
          ...result.results
            .filter((r) => r.changed)
            .map(
              (r) =>
                `  ${r.runId}\n    ${t('runs.whatIf.was', { path: r.originalPath.join(' → ') })}\n    ${t('runs.whatIf.now', { path: r.draftPath.join(' → ') })}`,
            ),
        ].join('\n'),
      );
    });
}
