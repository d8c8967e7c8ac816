import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import type { FlowEvent } from '../../machine/index.ts';
import { eventSignal, sendEventUpdate, skipWaitUpdate, stateQuery, type RunState } from '../workflow-api.ts';
import type { CallHangup } from './call-hangup.ts';
import type { EventInbox } from './event-inbox.ts';
import type { RunTimers } from './run-timers.ts';

/** An update's event the run could not take when its turn came (the API answers 409). */
export const eventNotAcceptedCode = 'EVENT_NOT_ACCEPTED';

export interface RunHandlerDeps {
  /** A draft run from the simulator: its waits may be skipped. */
  test: boolean;
  inbox: EventInbox;
  timers: RunTimers;
  hangup: CallHangup;
  state(): RunState;
  /** Why the run takes no more events, once it has ended. */
  ended(): string | undefined;
  /** Why the run cannot take the event now, if it cannot. */
  refusal(event: FlowEvent): string | undefined;
}

/** How the world talks to a run: the state query, the event and skip-wait updates, the event signal. */
export function setRunHandlers({ test, inbox, timers, hangup, state, ended, refusal }: RunHandlerDeps): void {
  setHandler(stateQuery, state);
  setHandler(
    sendEventUpdate,
    async (event: FlowEvent) => {
      const ticket = inbox.ticket();
      inbox.push({ event: { ...event, type: event.type }, ticket, external: true });
      const refused = await inbox.answer(ticket);
      // Accepted by the validator, but an event ahead of it moved the run on: it was not applied,
      // so the sender must not hear that it was.
      if (refused !== undefined) {
        throw ApplicationFailure.create({ type: eventNotAcceptedCode, message: refused, nonRetryable: true });
      }
      return state();
    },
    {
      // Refuses early, without a trace in history, what the run cannot take now. Updates accepted
      // together are all checked against the same state, so the run checks each again in turn.
      validator: (event: FlowEvent) => {
        const reason =
          ended() ??
          (event.type.startsWith('xstate.')
            ? 'Event types starting with "xstate." are reserved'
            : undefined) ??
          refusal(event);
        if (reason !== undefined) throw new Error(reason);
      },
    },
  );
  setHandler(
    skipWaitUpdate,
    async () => {
      const next = timers.takeEarliest();
      if (!next)
        throw ApplicationFailure.create({ message: 'The run is not waiting on a timer', nonRetryable: true });
      const ticket = inbox.ticket();
      inbox.push({ event: next.event, ticket });
      await inbox.answer(ticket);
      return state();
    },
    {
      validator: () => {
        if (!test) throw new Error('Only test runs from the simulator can skip waits');
        if (ended() !== undefined || timers.size === 0) throw new Error('The run is not waiting on a timer');
      },
    },
  );
  setHandler(eventSignal, (event: FlowEvent) => {
    if (hangup.signalled(event, () => ended() !== undefined)) return;
    if (!event.type.startsWith('xstate.'))
      inbox.push({ event: { ...event, type: event.type }, external: true });
  });
}
