import { condition } from '@temporalio/workflow';

export interface QueuedEvent {
  event: { type: string; [key: string]: unknown };
  /** Set for updates: the sender waits for this ticket's answer. */
  ticket?: number;
  /** Sent from outside the run (not a timer or an activity result): recorded as a run event. */
  external?: boolean;
}

/**
 * The events waiting for the run to take them, in arrival order: activity results, due timers,
 * signals and updates. An update's sender waits for its ticket: answered once the run has taken
 * the event and come to rest, or refused when the run could not take it when its turn came.
 */
export interface EventInbox {
  readonly size: number;
  /** The run is at rest: no event to take, no activity under way. */
  idle: boolean;
  push(queued: QueuedEvent): void;
  shift(): QueuedEvent | undefined;
  /** A ticket for an update about to be queued; the run is no longer at rest. */
  ticket(): number;
  /** The run has taken (or refused) every event up to this ticket. */
  taken(ticket: number): void;
  refuse(ticket: number, reason: string): void;
  /** Waits for the ticket's turn; answers the refusal reason, or undefined once the run took it. */
  answer(ticket: number): Promise<string | undefined>;
  /**
   * The run ended: updates still queued are refused with the reason `refusal` gives (asked only
   * when there are some; undefined answers them as taken), the rest are answered. Returns what
   * was still queued (a person's messages go on to the conversation's next run). Events queued
   * later (signals) wait for the next close.
   */
  close(refusal: () => string | undefined): QueuedEvent[];
}

export function createEventInbox(): EventInbox {
  const queue: QueuedEvent[] = [];
  // Updates whose event the run could not take when its turn came: ticket → reason.
  const refusals = new Map<number, string>();
  let tickets = 0;
  let taken = 0;
  let idle = false;
  return {
    get idle() {
      return idle;
    },
    set idle(atRest) {
      idle = atRest;
    },
    get size() {
      return queue.length;
    },
    push: (queued) => void queue.push(queued),
    shift: () => queue.shift(),
    ticket() {
      idle = false;
      return ++tickets;
    },
    taken(ticket) {
      taken = ticket;
    },
    refuse(ticket, reason) {
      refusals.set(ticket, reason);
      taken = ticket;
    },
    async answer(ticket) {
      await condition(() => refusals.has(ticket) || (taken >= ticket && idle));
      const refusal = refusals.get(ticket);
      refusals.delete(ticket);
      return refusal;
    },
    close(refusal) {
      const left = queue.splice(0);
      const updates = left.flatMap((queued) => (queued.ticket && queued.external ? [queued.ticket] : []));
      const reason = updates.length > 0 ? refusal() : undefined;
      if (reason !== undefined) for (const ticket of updates) refusals.set(ticket, reason);
      idle = true;
      taken = tickets;
      return left;
    },
  };
}
