import type { RunProgress } from '../temporal/run-progress.ts';
import type { WebhookEvent } from './emit-webhook-events.ts';

/** run.started, once the run's workflow is under way. */
export function runStartedWebhookEvent(run: {
  runId: string;
  workspaceId: string;
  flowId: string;
  version: number;
  contact?: string | null;
  startedAt: Date;
}): WebhookEvent[] {
  return [
    {
      workspaceId: run.workspaceId,
      type: 'run.started',
      key: run.runId,
      at: run.startedAt,
      data: {
        runId: run.runId,
        flowId: run.flowId,
        version: run.version,
        ...(run.contact ? { contact: run.contact } : {}),
      },
    },
  ];
}

/** A run row the progress batch wrote: its flow, and its version (0 for the simulator's tests). */
export interface WrittenRun {
  id: string;
  flow_id: string;
  version: number;
}

/**
 * run.completed or run.failed for the records of a progress batch that end their run (a caller
 * who hung up, `abandoned`, is a failed run too; a cancelled one is neither), for the runs the
 * batch wrote of published versions: a draft's test run in the simulator tells no one. A record
 * written again is the same event.
 */
export function runEndedWebhookEvents(records: RunProgress[], written: WrittenRun[]): WebhookEvent[] {
  const runs = new Map(written.map((run) => [run.id, run]));
  return records.flatMap((record): WebhookEvent[] => {
    const run = runs.get(record.runId);
    if (!record.ended || !run || Number(run.version) === 0) return [];
    const type =
      record.status === 'completed'
        ? 'run.completed'
        : record.status === 'failed' || record.status === 'abandoned'
          ? 'run.failed'
          : undefined;
    if (!type) return [];
    return [
      {
        workspaceId: record.workspaceId,
        type,
        key: record.runId,
        data: {
          runId: record.runId,
          flowId: run.flow_id,
          version: Number(run.version),
          status: record.status,
          ...(record.output !== undefined ? { output: record.output } : {}),
          ...(record.error ? { error: record.error } : {}),
        },
      },
    ];
  });
}
