import type { MessageKey } from '../../i18n/catalog.ts';

export type PollUnit = 'seconds' | 'minutes';

/** Seconds as the form shows them: whole minutes in minutes, anything else in seconds. */
export function pollIntervalParts(seconds: number): { amount: number; unit: PollUnit } {
  return seconds >= 60 && seconds % 60 === 0
    ? { amount: seconds / 60, unit: 'minutes' }
    : { amount: seconds, unit: 'seconds' };
}

export const pollSecondsOf = (amount: number, unit: PollUnit) =>
  Math.round(unit === 'minutes' ? amount * 60 : amount);

/** "every 5 minutes", "every minute", "every 45 seconds", as a catalog key and its values. */
export function pollIntervalWords(seconds: number): [MessageKey, Record<string, number>] {
  const { amount, unit } = pollIntervalParts(seconds);
  if (unit === 'seconds') return ['imapMailboxes.everySeconds', { count: amount }];
  return amount === 1 ? ['imapMailboxes.everyMinute', {}] : ['imapMailboxes.everyMinutes', { count: amount }];
}
