import { messageBody } from '../../api/message-body.ts';
import type { Message, RunEvent, RunStep } from '../../api/types.ts';

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
  | { kind: 'event'; at: string; event: RunEvent }
  | { kind: 'message'; at: string; message: Message };

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

/** The event a received message became, so the timeline shows the message once, as a message. */
function isEventOf(event: RunEvent, message: Message): boolean {
  if (event.type !== 'message' || message.direction !== 'inbound') return false;
  const data = (event.data ?? {}) as { from?: unknown; text?: unknown; choiceId?: unknown };
  const body = messageBody(message);
  return (
    data.from === message.contactAddress &&
    (data.text ?? null) === (body.text ?? null) &&
    (data.choiceId ?? null) === (body.choiceId ?? null)
  );
}

/**
 * A run's steps, the events that reached it and the messages it sent and received as one list in
 * time order. An event or a received message at the same instant a step starts goes first: it is
 * what moved the run into the step. A received message is shown instead of the event it became.
 */
export function buildTimeline(
  steps: readonly RunStep[],
  events: readonly RunEvent[],
  messages: readonly Message[] = [],
): TimelineEntry[] {
  const received = messages.filter((m) => m.direction === 'inbound');
  const shown = [...received];
  const ownEvents = events.filter((event) => {
    const index = shown.findIndex((m) => isEventOf(event, m));
    if (index < 0) return true;
    shown.splice(index, 1);
    return false;
  });
  const entries: TimelineEntry[] = [
    ...steps.map((step): TimelineEntry => ({
      kind: 'step',
      at: step.enteredAt,
      step,
      durationMs: stepDuration(step),
      open: step.leftAt === null,
    })),
    ...ownEvents.map((event): TimelineEntry => ({ kind: 'event', at: event.receivedAt, event })),
    ...messages.map((message): TimelineEntry => ({ kind: 'message', at: message.createdAt, message })),
  ];
  // What arrives comes before the step it starts; what a step sends comes after the step began.
  const rank = (entry: TimelineEntry) =>
    entry.kind === 'event' || (entry.kind === 'message' && entry.message.direction === 'inbound')
      ? 0
      : entry.kind === 'step'
        ? 1
        : 2;
  const seq = (entry: TimelineEntry) =>
    entry.kind === 'event' ? entry.event.seq : entry.kind === 'step' ? entry.step.seq : 0;
  return entries.sort((a, b) => timeOf(a.at) - timeOf(b.at) || rank(a) - rank(b) || seq(a) - seq(b));
}
