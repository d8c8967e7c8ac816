import { describe, expect, it } from 'vitest';
import { campaignMoveOf, campaignWebhookEvent } from './campaign-webhook-events.ts';
import { envelopeOf } from './emit-webhook-events.ts';
import { messageWebhookEvent } from './message-webhook-events.ts';
import { runEndedWebhookEvents } from './run-webhook-events.ts';

const message = { id: 'm1', workspaceId: 'w1', channel: 'sms', contactAddress: '+51987650001' };

describe('webhook events of state changes', () => {
  it('names every way a message does not arrive message.failed, with the status saying which', () => {
    for (const status of ['failed', 'undelivered', 'expired', 'bounced'] as const) {
      const [event] = messageWebhookEvent(message, status, { errorCode: 'E1' });
      expect(event).toMatchObject({
        type: 'message.failed',
        data: { status, errorCode: 'E1', to: '+51987650001' },
      });
    }
    expect(messageWebhookEvent(message, 'queued')).toEqual([]);
    expect(messageWebhookEvent(message, 'received', { text: 'hola' })[0]!.data).toMatchObject({
      from: '+51987650001',
      text: 'hola',
    });
  });

  it('gives the same event id to the same news told twice, and another to the next status', () => {
    const [a] = messageWebhookEvent(message, 'delivered');
    const [b] = messageWebhookEvent(message, 'delivered');
    const [c] = messageWebhookEvent(message, 'read');
    expect(envelopeOf(a!).id).toBe(envelopeOf(b!).id);
    expect(envelopeOf(a!).id).not.toBe(envelopeOf(c!).id);
    expect(envelopeOf(a!).id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    // Without a key, each report is an event of its own.
    const keyless = { workspaceId: 'w1', type: 'campaign.paused' as const, data: {} };
    expect(envelopeOf(keyless).id).not.toBe(envelopeOf(keyless).id);
  });

  it('tells a run’s end once it ends: completed, or failed (a hung-up caller too), never cancelled', () => {
    const record = { runId: 'r1', workspaceId: 'w1', currentNodes: [], steps: [] };
    const written = ['r1', 'r2', 'r3'].map((id) => ({ id, flow_id: 'f1', version: 2 }));
    const events = runEndedWebhookEvents(
      [
        { ...record, status: 'waiting', ended: false },
        { ...record, status: 'completed', ended: true, output: { ok: 'yes' } },
        { ...record, runId: 'r2', status: 'abandoned', ended: true },
        { ...record, runId: 'r3', status: 'cancelled', ended: true },
        // A draft's test run in the simulator, and a run whose row is gone.
        { ...record, runId: 'r4', status: 'completed', ended: true },
        { ...record, runId: 'r5', status: 'completed', ended: true },
      ],
      [...written, { id: 'r4', flow_id: 'f1', version: 0 }],
    );
    expect(events.map((e) => [e.type, e.data.runId])).toEqual([
      ['run.completed', 'r1'],
      ['run.failed', 'r2'],
    ]);
  });

  it('reads a campaign’s move: started, resumed, paused; nothing for a move back to draft or to scheduled', () => {
    expect(campaignMoveOf(['draft'], 'running')).toBe('started');
    expect(campaignMoveOf(['paused'], 'running')).toBe('resumed');
    expect(campaignMoveOf(['running', 'scheduled'], 'paused')).toBe('paused');
    expect(campaignMoveOf(['running'], 'draft')).toBeUndefined();
    expect(campaignMoveOf(['draft'], 'scheduled')).toBeUndefined();
    const campaign = {
      id: 'c1',
      workspaceId: 'w1',
      name: 'N',
      kind: 'broadcast',
      status: 'paused',
      updatedAt: new Date(1000),
    };
    const first = campaignWebhookEvent(campaign, 'paused')[0]!;
    const again = campaignWebhookEvent({ ...campaign, updatedAt: new Date(2000) }, 'paused')[0]!;
    // Paused, resumed and paused again: two pauses, two events.
    expect(envelopeOf(first).id).not.toBe(envelopeOf(again).id);
    expect(campaignWebhookEvent(undefined, 'paused')).toEqual([]);
  });
});
