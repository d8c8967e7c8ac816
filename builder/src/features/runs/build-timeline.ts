import type { RunEvent, RunStep } from '../../api/types.ts';

export type TimelineEntry =
  | {
      kind: 'step';
      at: string;
      step: RunStep;
      /** From the server when it gave one, else from the step's own times; null while it is open. */
      durationMs: number | null;
      /** The run has not left this step yet (it is running or waiting there). */
      open: boolean;
    }
  | { kind: 'event'; at: string; event: RunEvent };

function stepDuration(step: RunStep): number | null {
  if (step.durationMs !== null) return step.durationMs;
  if (step.leftAt === null) return null;
  const ms = Date.parse(step.leftAt) - Date.parse(step.enteredAt);
  return Number.isNaN(ms) ? null : Math.max(0, ms);
}

const timeOf = (iso: string) => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
};

/**
 * A run's steps and the events that reached it as one list in time order. An event arriving at
 * the same instant a step starts goes first: that event is what moved the run into the step.
 */
export function buildTimeline(steps: readonly RunStep[], events: readonly RunEvent[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...steps.map((step): TimelineEntry => ({
      kind: 'step',
      at: step.enteredAt,
      step,
      durationMs: stepDuration(step),
      open: step.leftAt === null,
    })),
    ...events.map((event): TimelineEntry => ({ kind: 'event', at: event.receivedAt, event })),
  ];
  const rank = (entry: TimelineEntry) => (entry.kind === 'event' ? 0 : 1);
  const seq = (entry: TimelineEntry) => (entry.kind === 'event' ? entry.event.seq : entry.step.seq);
  return entries.sort((a, b) => timeOf(a.at) - timeOf(b.at) || rank(a) - rank(b) || seq(a) - seq(b));
}
