// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { CampaignsPage } from './campaigns-page.tsx';
import { durationOf } from './campaign-ab-fields.tsx';

useComponentTestHooks();
afterEach(() => useLocale.getState().setLocale('en'));

const id = '0190b3c4-0000-7000-8000-0000000000c2';
const segmentId = '0190b3c4-0000-7000-8000-0000000000s2';
const counts = (variant: string, sent: number, opened: number) => ({
  variant,
  targeted: sent,
  skipped: 0,
  skippedByReason: {},
  held: 0,
  queued: 0,
  sent,
  delivered: 0,
  pending: sent,
  undelivered: 0,
  undeliveredByCode: {},
  failed: 0,
  opened,
  clicked: 0,
  bounced: 0,
  unsubscribed: 0,
  replied: 0,
});
const campaign = {
  id,
  name: 'Oferta de verano',
  kind: 'broadcast',
  status: 'completed',
  channel: 'email',
  segmentId,
  content: { subject: 'Solo hoy', text: 'Hola' },
  variants: [
    { key: 'A', share: 50, content: { subject: 'Solo hoy', text: 'Hola' } },
    { key: 'B', share: 50, content: { subject: 'Tu regalo', text: 'Hola' } },
  ],
  ab: {
    metric: 'open',
    testMinutes: 120,
    testShare: 40,
    winner: 'A',
    decision: 'tie',
    results: [
      { key: 'A', sent: 40, hits: 10, rate: 0.25 },
      { key: 'B', sent: 40, hits: 10, rate: 0.25 },
    ],
  },
  schedule: { mode: 'now' },
  quietHours: null,
  ratePerSecond: null,
  marketing: true,
  createdAt: '2026-12-01T10:00:00.000Z',
  startedAt: '2026-12-01T10:00:00.000Z',
  finishedAt: '2026-12-01T12:05:00.000Z',
};
const a = counts('A', 160, 30);
const b = counts('B', 40, 10);
const total = { ...counts('', 200, 40) };
const stats = {
  status: 'completed',
  ...total,
  variants: [a, b],
  series: [],
  reached: 0,
  channels: [],
  quotas: [],
  forecast: { remaining: 0, rate: null, basis: 'none', finishAt: null },
};

describe('campaign A/B', () => {
  it('shows each variant’s counts and rate, the winner, and that a tie went to the first', async () => {
    stubApi({
      [`GET /campaigns/${id}`]: () => campaign,
      [`GET /campaigns/${id}/stats`]: () => stats,
    });
    render(<CampaignsPage campaignId={id} />);
    await settle();
    const section = screen.getByRole('region', { name: 'A/B test' });
    expect(section.textContent).toContain(
      'Winner by open rate, after 2 hours, tested on 40 % of the audience.',
    );
    expect(section.textContent).toContain(
      'Winner: variant A. The best variants tied, so the first of them was chosen.',
    );
    const cells = screen
      .getAllByRole('row')
      .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(cells[0]).toEqual([
      'Variant',
      'Targeted',
      'Sent',
      'Delivered',
      'Opened',
      'Clicked',
      'Replied',
      'Rate',
      'Rate in the test',
    ]);
    // Rate: opens of those sent now (the rest got A); in the test: what the winner was picked on.
    expect(cells[1]).toEqual(['Variant A', '160', '160', '0', '30', '0', '0', '18.8%', '25%']);
    expect(cells[2]).toEqual(['Variant B', '40', '40', '0', '10', '0', '0', '25%', '25%']);
    expect(screen.getByRole('img', { name: 'Rate per variant' })).toBeTruthy();
    expect(section.textContent).not.toMatch(/PT\d|P\d/);
  });

  it('says it in Spanish', async () => {
    useLocale.getState().setLocale('es');
    stubApi({
      [`GET /campaigns/${id}`]: () => ({
        ...campaign,
        ab: { ...campaign.ab, decision: 'no_data', winner: 'A' },
      }),
      [`GET /campaigns/${id}/stats`]: () => ({ ...stats, held: 0 }),
    });
    render(<CampaignsPage campaignId={id} />);
    await settle();
    const section = screen.getByRole('region', { name: 'Prueba A/B' });
    expect(section.textContent).toContain('Ganadora por tasa de apertura, tras 2 horas');
    expect(section.textContent).toContain(
      'No se envió nada durante la prueba, así que se eligió la primera variante.',
    );
  });

  it('sends variants with their shares, the metric and the test period from the form', async () => {
    const api = stubApi({
      'GET /segments': () => ({ segments: [{ id: segmentId, name: 'Clientes' }] }),
      'GET /templates': () => ({ items: [] }),
      'POST /campaigns': ({ body }) => ({ ...campaign, status: 'draft', ...(body as object) }),
    });
    render(<CampaignsPage campaignId="new" />);
    await settle();
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Recordatorio' } });
    fireEvent.change(screen.getByRole('textbox', { name: /^Text/ }), { target: { value: 'Corto' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /A\/B test/ }));
    // SMS: opens and clicks cannot be measured, so they are not offered.
    const metric = screen.getByRole('combobox', { name: 'Pick the winner by' });
    expect([...metric.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Delivery rate',
      'Reply rate',
    ]);
    const texts = screen.getAllByRole('textbox', { name: /^Text/ });
    fireEvent.change(texts[1]!, { target: { value: 'Un texto más largo' } });
    const shares = screen.getAllByRole('spinbutton', { name: 'Share of the test (%)' });
    fireEvent.change(shares[0]!, { target: { value: '60' } });
    fireEvent.change(shares[1]!, { target: { value: '30' } });
    expect(screen.getByRole('alert').textContent).toBe(
      'The shares add up to 90 %: make them add up to 100 %.',
    );
    fireEvent.change(shares[1]!, { target: { value: '40' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.change(metric, { target: { value: 'reply' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: /People in the test/ }), {
      target: { value: '30' },
    });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Test lasts' }), { target: { value: '2' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Test lasts' }), { target: { value: 'days' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await settle();
    const body = api.callsTo('POST /campaigns')[0]!.body as Record<string, unknown>;
    expect(body.variants).toEqual([
      { key: 'A', share: 60, content: { text: 'Corto' } },
      { key: 'B', share: 40, content: { text: 'Un texto más largo' } },
    ]);
    expect(body.ab).toEqual({ metric: 'reply', testShare: 30, testMinutes: 2880 });
  });

  it('offers opens and clicks on email, and falls back to delivery when the campaign moves to SMS', async () => {
    stubApi({
      'GET /segments': () => ({ segments: [] }),
      'GET /templates': () => ({ items: [] }),
    });
    render(<CampaignsPage campaignId="new" />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Add Email' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove SMS' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /A\/B test/ }));
    const metric = () => screen.getByRole('combobox', { name: 'Pick the winner by' }) as HTMLSelectElement;
    expect([...metric().options].map((o) => o.value)).toEqual(['delivery', 'open', 'click', 'reply']);
    fireEvent.change(metric(), { target: { value: 'open' } });
    expect(metric().value).toBe('open');
    fireEvent.click(screen.getByRole('button', { name: 'Add SMS' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove Email' }));
    await settle();
    expect(metric().value).toBe('delivery');
  });

  it('shows a test period in its largest whole unit', () => {
    expect(durationOf(2880)).toEqual({ amount: 2, unit: 'days' });
    expect(durationOf(90)).toEqual({ amount: 90, unit: 'minutes' });
    expect(durationOf(120)).toEqual({ amount: 2, unit: 'hours' });
  });
});
