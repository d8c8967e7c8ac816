// The package is CommonJS: Node's ESM loader sees only its default export.
import protos from '@temporalio/proto';
import type { temporal as ProtoTypes } from '@temporalio/proto';

const { temporal } = protos;

type HistoryEvent = ProtoTypes.api.history.v1.IHistoryEvent;
const { EventType } = temporal.api.enums.v1;

const idOf = (event: HistoryEvent) => Number(event.eventId ?? 0);

/**
 * The workflow task to reset to so that everything from a step on happens again: the task that
 * began the step (its WorkflowTaskStarted event id was recorded with the step) is re-run, while
 * what history holds before it — earlier activities, their side effects — is kept.
 */
export function resetPointFor(events: HistoryEvent[], wftStartedEventId: number): number | undefined {
  const completed = events.find(
    (e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED && idOf(e) > wftStartedEventId,
  );
  return completed ? idOf(completed) : undefined;
}
