// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubApi } from '../../api/test-api.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { CampaignsPage } from './campaigns-page.tsx';

useComponentTestHooks();

const id = '0190b3c4-0000-7000-8000-0000000000c2';
const segmentId = '0190b3c4-0000-7000-8000-0000000000s1';
const flowId = '0190b3c4-0000-7000-8000-0000000000f1';
const voiceCampaign = {
  id,
  name: 'Recordatorio de citas',
  kind: 'voice',
  status: 'running',
  channel: 'voice',
  segmentId,
  content: {},
  schedule: { mode: 'now' },
  quietHours: null,
  ratePerSecond: null,
  marketing: true,
  flowId,
  maxConcurrentCalls: 10,
  callRetries: { attempts: 3, delayMinutes: 30 },
  createdAt: '2026-12-01T10:00:00.000Z',
  startedAt: '2026-12-01T10:00:00.000Z',
  finishedAt: null,
};
const counts = {
  targeted: 120,
  skipped: 0,
  skippedByReason: {},
  queued: 20,
  sent: 0,
  delivered: 0,
  pending: 0,
  undelivered: 0,
  undeliveredByCode: {},
  failed: 4,
  opened: 0,
  clicked: 0,
  bounced: 0,
  unsubscribed: 0,
  replied: 0,
  answered: 71,
  busy: 9,
  noAnswer: 6,
  calling: 10,
};

describe('voice campaigns in the builder', () => {
  it('creates a calls campaign with its voice flow, calls at once and retries', async () => {
    const api = stubApi({
      'GET /segments': () => ({ segments: [{ id: segmentId, name: 'Pacientes' }] }),
      'GET /templates': () => ({ items: [] }),
      'GET /campaigns/voice-flows': () => ({ flows: [{ id: flowId, name: 'Encuesta de satisfacción' }] }),
      'POST /campaigns': ({ body }) => ({ ...voiceCampaign, status: 'draft', ...(body as object) }),
    });
    render(<CampaignsPage campaignId="new" />);
    await settle();
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Encuesta' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Segment' }), { target: { value: segmentId } });
    fireEvent.click(screen.getByRole('radio', { name: 'Calls' }));
    await settle();
    // The message text is a broadcast's: hidden for calls.
    expect(screen.queryByRole('textbox', { name: /^Text/ })).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: /Voice flow each call runs/ }), {
      target: { value: flowId },
    });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Calls at once (at most)' }), {
      target: { value: '8' },
    });
    fireEvent.change(screen.getByRole('spinbutton', { name: /Calls per person/ }), {
      target: { value: '3' },
    });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Minutes between calls' }), {
      target: { value: '15' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await settle();
    expect(api.callsTo('POST /campaigns')[0]!.body).toMatchObject({
      name: 'Encuesta',
      kind: 'voice',
      channel: 'voice',
      segmentId,
      flowId,
      maxConcurrentCalls: 8,
      callRetries: { attempts: 3, delayMinutes: 15 },
    });
  });

  it('shows the calls answered, busy, unanswered, failed and in progress', async () => {
    stubApi({
      [`GET /campaigns/${id}`]: () => voiceCampaign,
      [`GET /campaigns/${id}/stats`]: () => ({
        status: 'running',
        ...counts,
        variants: [{ variant: 'A', ...counts }],
        series: [],
        reached: 0,
        channels: [],
        quotas: [],
        forecast: { remaining: 20, rate: null, basis: 'none', finishAt: null },
      }),
    });
    render(<CampaignsPage campaignId={id} />);
    await settle();
    const calls = screen.getByRole('region', { name: 'Calls' });
    for (const [label, value] of [
      ['Answered', '71'],
      ['Busy', '9'],
      ['No answer', '6'],
      ['Failed', '4'],
      ['In progress', '10'],
    ])
      expect(calls.textContent).toContain(`${label}${value}`);
  });
});
