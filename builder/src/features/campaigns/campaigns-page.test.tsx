// @vitest-environment happy-dom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { stubApi } from '../../api/test-api.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { CampaignsPage } from './campaigns-page.tsx';

useComponentTestHooks();

const id = '0190b3c4-0000-7000-8000-0000000000c1';
const campaign = (status: string) => ({
  id,
  name: 'Vacunación',
  kind: 'broadcast',
  status,
  channel: 'sms',
  channels: ['sms'],
  fallbackAfterMinutes: null,
  segmentId: '0190b3c4-0000-7000-8000-0000000000s1',
  content: { text: 'Hola {{ contact.first_name }}' },
  schedule: { mode: 'now' },
  quietHours: null,
  ratePerSecond: 50,
  marketing: true,
  createdAt: '2026-12-01T10:00:00.000Z',
  startedAt: '2026-12-01T10:00:00.000Z',
  finishedAt: null,
});
const counts = {
  targeted: 1000,
  skipped: 30,
  skippedByReason: { opted_out: 20, no_address: 10 },
  queued: 470,
  sent: 500,
  delivered: 400,
  pending: 60,
  undelivered: 40,
  undeliveredByCode: { '034': 40 },
  failed: 0,
  opened: 0,
  clicked: 0,
  bounced: 0,
  unsubscribed: 0,
  replied: 3,
};
const stats = {
  status: 'running',
  ...counts,
  reached: 400,
  channels: [{ channel: 'sms', sent: 500, delivered: 400, pending: 60, notDelivered: 40 }],
  quotas: [{ channel: 'sms', percent: 85, remaining: 150, limit: 1000, warning: true, exhausted: false }],
  variants: [{ variant: 'A', ...counts }],
  series: [{ minute: '2026-12-01T10:00:00.000Z', sent: 500, delivered: 400 }],
  forecast: { remaining: 470, rate: 50, basis: 'measured', finishAt: '2026-12-01T10:10:00.000Z' },
};

describe('CampaignsPage', () => {
  it('shows live counts, skip reasons, the forecast, and pauses a running campaign', async () => {
    let status = 'running';
    const api = stubApi({
      [`GET /campaigns/${id}`]: () => campaign(status),
      [`GET /campaigns/${id}/stats`]: () => ({ ...stats, status }),
      [`POST /campaigns/${id}/pause`]: () => ((status = 'paused'), campaign(status)),
    });
    render(<CampaignsPage campaignId={id} />);
    await settle();
    expect(screen.getByText('Sending')).toBeTruthy();
    expect(screen.getByText('Opted out: 20')).toBeTruthy();
    expect(screen.getByText('Code 034: 40')).toBeTruthy();
    expect(screen.getByText(/470 left at 50 per second/)).toBeTruthy();
    expect(screen.getByText('530 of 1,000 handled')).toBeTruthy();
    expect(screen.queryByText('Opened')).toBeNull();
    expect(screen.getByText('People reached')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('The SMS bag is 85 % used.');
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    await settle();
    expect(api.callsTo(`POST /campaigns/${id}/pause`)).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Resume' })).toBeTruthy();
    // A paused campaign has no finish time to promise.
    expect(screen.getByText('470 left; paused, so no finish time until it resumes')).toBeTruthy();
  });

  it('keeps reading a finished campaign while receipts are due, and stops once none are', async () => {
    vi.setSystemTime(new Date('2026-12-01T10:20:00.000Z'));
    let pending = 60;
    const finished = { ...campaign('completed'), finishedAt: '2026-12-01T10:15:00.000Z' };
    const api = stubApi({
      [`GET /campaigns/${id}`]: () => finished,
      [`GET /campaigns/${id}/stats`]: () => ({ ...stats, status: 'completed', queued: 0, pending }),
    });
    render(<CampaignsPage campaignId={id} />);
    await settle();
    expect(screen.getByText('Finished')).toBeTruthy();
    pending = 0;
    await act(() => vi.advanceTimersByTimeAsync(3000));
    const reads = api.callsTo(`GET /campaigns/${id}/stats`).length;
    expect(reads).toBe(2);
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(api.callsTo(`GET /campaigns/${id}/stats`)).toHaveLength(reads);
  });

  it('creates a draft from the form, with local-time schedule and quiet hours', async () => {
    const api = stubApi({
      'GET /segments': () => ({
        segments: [{ id: '0190b3c4-0000-7000-8000-0000000000s1', name: 'Pacientes' }],
      }),
      'GET /templates': () => ({ items: [] }),
      'POST /campaigns': ({ body }) => ({ ...campaign('draft'), ...(body as object) }),
    });
    render(<CampaignsPage campaignId="new" />);
    await settle();
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Recordatorio' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Segment' }), {
      target: { value: '0190b3c4-0000-7000-8000-0000000000s1' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /^Text/ }), { target: { value: 'Hola' } });
    fireEvent.click(screen.getByRole('radio', { name: "At a time in each person's own timezone" }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Quiet hours/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await settle();
    expect(api.callsTo('POST /campaigns')[0]!.body).toEqual({
      name: 'Recordatorio',
      channel: 'sms',
      channels: ['sms'],
      fallbackAfterMinutes: null,
      segmentId: '0190b3c4-0000-7000-8000-0000000000s1',
      content: { text: 'Hola' },
      variants: [{ key: 'A', share: 100, content: { text: 'Hola' } }],
      ab: null,
      schedule: { mode: 'local', localTime: '09:00' },
      quietHours: { from: '21:00', to: '08:00' },
      ratePerSecond: null,
      marketing: true,
      kind: 'broadcast',
      flowId: null,
      maxConcurrentCalls: null,
      callRetries: null,
    });
  });

  it('orders channels for fallback and asks WhatsApp for its template', async () => {
    const api = stubApi({
      'GET /segments': () => ({ segments: [] }),
      'GET /templates': () => ({ items: [] }),
      'POST /campaigns': ({ body }) => ({ ...campaign('draft'), ...(body as object) }),
    });
    render(<CampaignsPage campaignId="new" />);
    await settle();
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Cita' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add WhatsApp' }));
    fireEvent.click(screen.getByRole('button', { name: 'Move WhatsApp up' }));
    expect(screen.getByRole('button', { name: 'Move WhatsApp up' })).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByRole('spinbutton', { name: /Minutes to wait/ }), {
      target: { value: '30' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'WhatsApp template name' }), {
      target: { value: 'cita_manana' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /Template parameters/ }), {
      target: { value: '{{ contact.first_name }}\n' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /^Text/ }), { target: { value: 'Hola' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await settle();
    expect(api.callsTo('POST /campaigns')[0]!.body).toMatchObject({
      channel: 'whatsapp',
      channels: ['whatsapp', 'sms'],
      fallbackAfterMinutes: 30,
      content: {
        text: 'Hola',
        whatsappTemplate: { name: 'cita_manana', language: 'es', parameters: ['{{ contact.first_name }}'] },
      },
    });
  });
});
