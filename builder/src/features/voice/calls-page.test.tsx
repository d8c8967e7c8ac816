// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { CallDetailPage } from './call-detail-page.tsx';
import { CallsPage } from './calls-page.tsx';
import { flowId, testCall, testRecording } from './test-voice.ts';

const settle = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const flows = { items: [{ id: flowId, name: 'Help desk IVR' }] };
const volume = {
  bucket: 'day',
  timeZone: 'UTC',
  items: [
    { period: '2030-03-01', total: 3, answered: 2, abandoned: 1 },
    { period: '2030-03-02', total: 1, answered: 0, abandoned: 1 },
  ],
};

beforeEach(() => {
  vi.useFakeTimers();
  useLocale.getState().setLocale('en');
  location.hash = '';
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('CallsPage', () => {
  it('lists calls with translated hang-up side, flow name and run link; a row opens the call', async () => {
    const api = stubApi({
      'GET /calls': () => ({
        items: [
          testCall(),
          testCall({ id: 'c2', hangupSide: null, durationMs: null, runId: null, flowId: null }),
        ],
        nextCursor: null,
      }),
      'GET /calls/volume': () => volume,
      'GET /flows': () => flows,
    });
    render(<CallsPage query={new URLSearchParams(`number=%2B34600111222&flow=${flowId}`)} />);
    await settle();
    expect(api.callsTo('GET /calls')[0]!.path).toBe(`/calls?number=%2B34600111222&flowId=${flowId}&limit=50`);
    const volumePath = api.callsTo('GET /calls/volume')[0]!.path;
    expect(volumePath).toContain('bucket=day');
    expect(volumePath).toContain(`flowId=${flowId}`);
    // No start date searched: the chart covers the last 30 days.
    const from = Date.parse(new URLSearchParams(volumePath.split('?')[1]).get('from')!);
    expect(Date.now() - from).toBe(30 * 86_400_000);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Caller');
    expect(rows[0]!.textContent).toContain('1 min 30 s');
    expect(rows[0]!.textContent).toContain('Help desk IVR');
    expect(within(rows[0]!).getByRole('link', { name: 'Run' }).getAttribute('href')).toBe('#/runs/r1');
    expect(rows[1]!.textContent).toContain('On the line');
    fireEvent.click(rows[1]!);
    expect(location.hash).toBe('#/calls/c2');
  });

  it('draws calls per day with the answered and abandoned split, and switches to hours', async () => {
    const api = stubApi({
      'GET /calls': () => ({ items: [], nextCursor: null }),
      'GET /calls/volume': ({ url }) => ({ ...volume, bucket: url.searchParams.get('bucket') }),
      'GET /flows': () => flows,
    });
    render(<CallsPage query={new URLSearchParams()} />);
    await settle();
    expect(screen.getByText('No calls match this search.')).toBeTruthy();
    const chart = screen.getByRole('region', { name: 'Calls per day' });
    expect(within(chart).getByLabelText('Mar 1: 3 calls, 2 answered, 1 abandoned')).toBeTruthy();
    fireEvent.click(within(chart).getByRole('button', { name: 'By hour' }));
    await settle();
    expect(api.callsTo('GET /calls/volume').at(-1)!.path).toContain('bucket=hour');
    expect(screen.getByRole('region', { name: 'Calls per hour' })).toBeTruthy();
  });

  it('searches through the URL and shows the API’s refusal', async () => {
    stubApi({
      'GET /calls': () => apiError(422, 'RANGE_INVALID', 'from (x) must be before to (y)'),
      'GET /calls/volume': () => volume,
      'GET /flows': () => flows,
    });
    render(<CallsPage query={new URLSearchParams()} />);
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('from (x) must be before to (y)');
    fireEvent.change(screen.getByLabelText('Number'), { target: { value: '+34 600' } });
    fireEvent.change(screen.getByLabelText('Flow'), { target: { value: flowId } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(location.hash).toBe(`#/calls?number=%2B34+600&flow=${flowId}`);
  });
});

describe('CallDetailPage', () => {
  it('shows times, the path with node titles, digits with their node and the call’s recordings', async () => {
    const api = stubApi({
      'GET /calls/c1': () =>
        testCall({ digits: [{ nodeId: 'menu', digits: '1', at: '2030-03-01T10:00:10.000Z' }] }),
      'GET /recordings': () => ({ items: [testRecording()], nextCursor: null }),
      [`GET /flows/${flowId}`]: () => ({
        id: flowId,
        name: 'Help desk IVR',
        draft: {
          nodes: [
            { id: 'start', type: 'voice.inbound-call', label: 'Incoming call' },
            { id: 'menu', type: 'voice.menu', label: 'Main menu' },
          ],
          edges: [],
        },
      }),
    });
    render(<CallDetailPage callId="c1" />);
    await settle();
    expect(api.callsTo('GET /recordings')[0]!.path).toBe('/recordings?callRecordId=c1&limit=200');
    expect(screen.getByRole('heading', { name: 'Call from +34600111222 to 900100200' })).toBeTruthy();
    const path = screen.getByRole('region', { name: 'Path through the flow' });
    expect(within(path).getByRole('list').textContent).toBe('Incoming call→Main menu→sales');
    const digits = screen.getByRole('region', { name: 'Digits pressed' });
    expect(digits.textContent).toContain('1at Main menu');
    const recordings = screen.getByRole('region', { name: 'Recordings' });
    const audio = recordings.querySelector('audio')!;
    expect(audio.getAttribute('src')).toBe('/api/v1/recordings/rec1/audio');
    expect(within(recordings).getByRole('link', { name: 'Download' }).getAttribute('href')).toBe(
      '/api/v1/recordings/rec1/audio?download=1',
    );
    expect(screen.getByRole('link', { name: 'Open its run' }).getAttribute('href')).toBe('#/runs/r1');
    expect(screen.getByRole('link', { name: 'Help desk IVR' }).getAttribute('href')).toBe(
      `#/flows/${flowId}`,
    );
  });

  it('says when a call is missing, with a way back', async () => {
    stubApi({
      'GET /calls/c9': () => apiError(404, 'NOT_FOUND', 'Call c9 does not exist'),
      'GET /recordings': () => ({ items: [], nextCursor: null }),
    });
    render(<CallDetailPage callId="c9" />);
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('Call c9 does not exist');
    expect(screen.getByRole('link', { name: /All calls/ }).getAttribute('href')).toBe('#/calls');
  });
});
