import { condition } from '@temporalio/workflow';
import type { PendingTimer } from '../workflow-api.ts';
import type { TimerEvent } from './plan-commands.ts';

/**
 * A run's delayed events (waits, timeouts) as absolute due times, so they survive continue-as-new
 * unchanged. Only the earliest is a Temporal timer at any moment: the one the run sleeps on.
 */
export interface RunTimers {
  readonly size: number;
  start(id: string, event: TimerEvent, delayMs: number): void;
  cancel(id: string): void;
  /** Removes and answers the events of the timers due by now, earliest first. */
  takeDue(): TimerEvent[];
  /** Removes and answers the earliest timer, due or not (a test run skipping a wait). */
  takeEarliest(): PendingTimer | undefined;
  /** Sleeps until the earliest timer is due or `woken()` holds, whichever comes first. */
  sleep(woken: () => boolean): Promise<unknown>;
  /** What continue-as-new carries. */
  pending(): PendingTimer[];
}

export function createRunTimers(resumed: PendingTimer[] = []): RunTimers {
  const timers = new Map<string, PendingTimer>(resumed.map((t) => [t.id, t]));
  const byDue = (a: PendingTimer, b: PendingTimer) => a.dueAt - b.dueAt;
  return {
    get size() {
      return timers.size;
    },
    start(id, event, delayMs) {
      timers.set(id, { id, event, dueAt: Date.now() + delayMs });
    },
    cancel(id) {
      timers.delete(id);
    },
    takeDue() {
      const due = [...timers.values()].filter((t) => t.dueAt <= Date.now()).sort(byDue);
      for (const timer of due) timers.delete(timer.id);
      return due.map((t) => t.event);
    },
    takeEarliest() {
      const earliest = [...timers.values()].sort(byDue)[0];
      if (earliest) timers.delete(earliest.id);
      return earliest;
    },
    sleep(woken) {
      const nextDue = Math.min(...[...timers.values()].map((t) => t.dueAt));
      return Number.isFinite(nextDue)
        ? condition(woken, Math.max(1, nextDue - Date.now()))
        : condition(woken);
    },
    pending: () => [...timers.values()],
  };
}
