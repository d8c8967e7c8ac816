import { describe, expect, it } from 'vitest';
import { channelsOfSettings } from './published-flow-channels.ts';

describe('channelsOfSettings', () => {
  it('counts fixed channels, every channel for a trigger on any, and nothing for the conversation’s or other values', () => {
    expect([...channelsOfSettings(['sms', 'conversation', 'sms', 42, null])]).toEqual(['sms']);
    expect([...channelsOfSettings(['any', 'conversation'])].sort()).toEqual([
      'email',
      'sms',
      'webchat',
      'whatsapp',
    ]);
    expect([...channelsOfSettings([])]).toEqual([]);
  });
});
