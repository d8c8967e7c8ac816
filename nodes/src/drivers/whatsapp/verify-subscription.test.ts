import { describe, expect, it } from 'vitest';
import { verifySubscription } from './verify-subscription.ts';

describe('verifySubscription', () => {
  it("answers Meta's GET handshake with hub.challenge when the verify token matches", () => {
    const query = new URL(
      'https://omniflow.example/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock',
    ).searchParams;
    expect(verifySubscription(query, 'meatyhamhock')).toBe('1158201444');
    expect(
      verifySubscription(
        { 'hub.mode': 'subscribe', 'hub.challenge': '42', 'hub.verify_token': 'meatyhamhock' },
        'meatyhamhock',
      ),
    ).toBe('42');
  });

  it('answers null (403) for a wrong token, another mode, or a missing challenge', () => {
    const ok = { 'hub.mode': 'subscribe', 'hub.challenge': '42', 'hub.verify_token': 'meatyhamhock' };
    expect(verifySubscription({ ...ok, 'hub.verify_token': 'meatyhamhoc' }, 'meatyhamhock')).toBeNull();
    expect(verifySubscription({ ...ok, 'hub.verify_token': 'meatyhamhock2' }, 'meatyhamhock')).toBeNull();
    expect(verifySubscription({ ...ok, 'hub.verify_token': undefined }, 'meatyhamhock')).toBeNull();
    expect(verifySubscription({ ...ok, 'hub.mode': 'unsubscribe' }, 'meatyhamhock')).toBeNull();
    expect(verifySubscription({ ...ok, 'hub.challenge': '' }, 'meatyhamhock')).toBeNull();
  });
});
