// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubApi } from '../../api/test-api.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { CampaignsPage } from './campaigns-page.tsx';

useComponentTestHooks();

const id = '0190b3c4-0000-7000-8000-0000000000d1';
const segmentId = '0190b3c4-0000-7000-8000-0000000000s1';
const flowId = '0190b3c4-0000-7000-8000-0000000000f1';
const campaign = (over: object = {}) => ({
  id,
  name: 'Bienvenida',
  kind: 'journey',
  status: 'running',
  channel: 'sms',
  segmentId,
  flowId,
  parentId: null,
  content: {},
  schedule: { mode: 'now', recurrence: 'weekly' },
  quietHours: null,
  ratePerSecond: null,
  marketing: true,
  createdAt: '2026-12-01T10:00:00.000Z',
  startedAt: '2026-12-01T10:00:00.000Z',
  finishedAt: null,
  ...over,
});
const counts = {
  targeted: 50,
  skipped: 0,
  skippedByReason: {},
  queued: 0,
  sent: 0,
  delivered: 0,
  pending: 0,
  undelivered: 0,
  undeliveredByCode: {},
  failed: 0,
  opened: 0,
  clicked: 0,
  bounced: 0,
  unsubscribed: 0,
  replied: 0,
};

describe('journeys and recurring campaigns in the Campaigns pages', () => {
  it('creates a weekly journey on a published flow, without a text', async () => {
    const api = stubApi({
      'GET /segments': () => ({ segments: [{ id: segmentId, name: 'Nuevos' }] }),
      'GET /templates': () => ({ items: [] }),
      'GET /flows': () => ({
        items: [
          { id: flowId, name: 'Bienvenida SMS + correo', latestVersion: 2 },
          { id: '0190b3c4-0000-7000-8000-0000000000f2', name: 'Borrador', latestVersion: null },
        ],
      }),
      'POST /campaigns': ({ body }) => ({ ...campaign({ status: 'draft' }), ...(body as object) }),
    });
    render(<CampaignsPage campaignId="new" />);
    await settle();
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Bienvenida' } });
    fireEvent.click(screen.getByRole('radio', { name: /A journey/ }));
    const flows = screen.getByRole('combobox', { name: /^Flow/ });
    // Only published flows can be picked.
    expect(screen.queryByRole('option', { name: 'Borrador' })).toBeNull();
    fireEvent.change(flows, { target: { value: flowId } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Segment' }), { target: { value: segmentId } });
    fireEvent.change(screen.getByRole('combobox', { name: /^Repeat/ }), { target: { value: 'weekly' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await settle();
    expect(api.callsTo('POST /campaigns')[0]!.body).toMatchObject({
      name: 'Bienvenida',
      kind: 'journey',
      flowId,
      segmentId,
      schedule: { mode: 'now', recurrence: 'weekly' },
    });
  });

  it("shows where people's journeys are and the series' sendings", async () => {
    stubApi({
      [`GET /campaigns/${id}`]: () => campaign(),
      [`GET /campaigns/${id}/stats`]: () => ({
        status: 'running',
        ...counts,
        variants: [],
        series: [],
        reached: 0,
        channels: [],
        quotas: [],
        forecast: { remaining: 0, rate: null, basis: 'none', finishAt: null },
        journeys: { started: 50, running: 45, completed: 4, failed: 1 },
      }),
      [`GET /campaigns/${id}/occurrences`]: () => ({
        occurrences: [
          campaign({
            id: '0190b3c4-0000-7000-8000-0000000000o2',
            parentId: id,
            status: 'scheduled',
            schedule: { mode: 'at', at: '2026-12-08T10:00:00.000Z' },
          }),
          campaign({
            id: '0190b3c4-0000-7000-8000-0000000000o1',
            parentId: id,
            status: 'completed',
            schedule: { mode: 'at', at: '2026-12-01T10:00:00.000Z' },
          }),
        ],
      }),
    });
    render(<CampaignsPage campaignId={id} />);
    await settle();
    const journeys = screen.getByRole('region', { name: 'Journeys' });
    expect(journeys.textContent).toContain('Going on45');
    expect(journeys.textContent).toContain('Finished4');
    expect(journeys.textContent).toContain('Failed or stopped1');
    const sendings = screen.getByRole('region', { name: 'Sendings of this campaign' });
    const links = sendings.querySelectorAll('a');
    expect(links).toHaveLength(2);
    expect(links[0]!.getAttribute('href')).toBe('#/campaigns/0190b3c4-0000-7000-8000-0000000000o2');
    expect(sendings.textContent).toContain('Scheduled');
    expect(sendings.textContent).toContain('Finished');
    // No ids on screen: dates and states only.
    expect(sendings.textContent).not.toContain('0190b3c4');
  });
});
