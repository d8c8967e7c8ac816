import { describe, expect, it } from 'vitest';
import { smsOptions } from './sms-options.ts';

describe('smsOptions', () => {
  it('numbers the offered replies from 1, in order, as the SMS driver writes them', () => {
    expect(
      smsOptions([
        { id: 'yes', title: 'Sí' },
        { id: 'no', title: 'No' },
      ]),
    ).toEqual([
      { reply: '1', label: '1. Sí' },
      { reply: '2', label: '2. No' },
    ]);
    expect(smsOptions([])).toEqual([]);
  });
});
