import type { Db } from '@omniflow/db';
import { rollUpReports, type RollUpOptions } from './roll-up-reports.ts';

/**
 * Rolls the reports up from the worker, like its other upkeep timers: once at start (catching up
 * on whatever closed while no worker ran) and then every `everyMs`. A pass still running when the
 * next is due is not doubled; two workers' passes take turns on the state row's lock.
 */
export function startReportRollups(
  db: Db,
  options: { everyMs: number; onError: (error: unknown) => void } & RollUpOptions,
): { stop: () => Promise<void> } {
  let running: Promise<void> | undefined;
  const pass = () => {
    if (running) return;
    running = rollUpReports(db, options)
      .then(() => undefined, options.onError)
      .finally(() => {
        running = undefined;
      });
  };
  pass();
  const timer = setInterval(pass, options.everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
