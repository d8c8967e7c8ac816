import { describe, expect, it } from 'vitest';
import { pollIntervalParts, pollIntervalWords, pollSecondsOf } from './poll-interval.ts';

describe('poll interval in words', () => {
  it('shows whole minutes in minutes and anything else in seconds', () => {
    expect(pollIntervalParts(300)).toEqual({ amount: 5, unit: 'minutes' });
    expect(pollIntervalParts(90)).toEqual({ amount: 90, unit: 'seconds' });
    expect(pollSecondsOf(5, 'minutes')).toBe(300);
    expect(pollSecondsOf(45, 'seconds')).toBe(45);
  });

  it('says every minute, every N minutes or every N seconds', () => {
    expect(pollIntervalWords(60)).toEqual(['imapMailboxes.everyMinute', {}]);
    expect(pollIntervalWords(600)).toEqual(['imapMailboxes.everyMinutes', { count: 10 }]);
    expect(pollIntervalWords(30)).toEqual(['imapMailboxes.everySeconds', { count: 30 }]);
  });
});
