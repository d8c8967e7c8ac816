// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { DashboardPage } from './dashboard-page.tsx';
import type { LiveDashboard } from './use-live-dashboard.ts';

class FakeEventSource {
  static last: FakeEventSource | undefined;
  readonly listeners = new Map<string, ((e: MessageEvent<string>) => void)[]>();
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, listener: (e: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: unknown) {
    for (const listener of this.listeners.get(type) ?? [])
      listener(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
}

const now = new Date('2026-12-07T12:00:30Z');
const settle = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));

function snapshot(completed: number): LiveDashboard {
  return {
    at: now.toISOString(),
    timezone: 'America/Lima',
    calls: { inIvr: 3, waitingInQueue: 2, withAgent: 1, abandonedToday: 4 },
    conversations: [{ channel: 'whatsapp', open: 5 }],
    runsPerMinute: Array.from({ length: 60 }, (_, i) => ({
      minute: new Date(now.getTime() - (59 - i) * 60_000).toISOString(),
      started: i === 59 ? 2 : 0,
      completed: i === 59 ? completed : 0,
      failed: 0,
    })),
    messagesPerMinute: [],
    campaigns: [
      {
        id: 'c1',
        name: 'Recordatorio',
        kind: 'broadcast',
        targeted: 10,
        sent: 4,
        delivered: 3,
        failed: 0,
        progress: 0.4,
        remaining: 6,
        rate: 2,
        finishAt: '2026-12-07T12:01:00Z',
      },
    ],
    health: [
      {
        component: 'sms',
        kind: 'smpp',
        up: false,
        sampledAt: '2026-12-07T12:00:20Z',
        intervalMs: 30_000,
        lastSuccessAt: '2026-12-07T12:00:18Z',
        lastError: 'bind refused',
        lastErrorAt: '2026-12-07T12:00:20Z',
        stale: false,
      },
      {
        component: 'email',
        kind: 'smtp',
        up: true,
        sampledAt: '2026-12-07T12:00:20Z',
        intervalMs: 30_000,
        lastSuccessAt: '2026-12-07T12:00:20Z',
        lastError: null,
        lastErrorAt: null,
        stale: false,
      },
    ],
  };
}

beforeEach(() => {
  vi.useFakeTimers({ now });
  useLocale.getState().setLocale('en');
  FakeEventSource.last = undefined;
  vi.stubGlobal('EventSource', FakeEventSource);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('DashboardPage', () => {
  it('shows the figures, then what the stream pushes, without reading again', async () => {
    const api = stubApi({ 'GET /dashboard/live': () => snapshot(1) });
    render(<DashboardPage />);
    await settle();
    expect(screen.getByTestId('calls-in-ivr-value').textContent).toBe('3');
    expect(screen.getByTestId('calls-abandoned-value').textContent).toBe('4');
    expect(screen.getByTestId('runs-completed-value').textContent).toBe('1');
    expect(FakeEventSource.last?.url).toBe('/api/v1/dashboard/live/stream');

    act(() => FakeEventSource.last!.emit('snapshot', snapshot(7)));
    expect(screen.getByTestId('runs-completed-value').textContent).toBe('7');
    expect(api.callsTo('GET /dashboard/live')).toHaveLength(1);
    expect(screen.getByText('Recordatorio')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40');
  });

  it('lists channel health with its last success and last error, in Spanish too, counting the seconds', async () => {
    stubApi({ 'GET /dashboard/live': () => snapshot(0) });
    render(<DashboardPage />);
    await settle();
    const sms = within(document.querySelector('[data-component="sms"]') as HTMLElement);
    expect(sms.getByText(/SMS: SMPP bound/)).toBeTruthy();
    expect(sms.getByText('· Down')).toBeTruthy();
    expect(sms.getByText('last success 12 s ago')).toBeTruthy();
    expect(sms.getByText('last error 10 s ago: bind refused')).toBeTruthy();
    await settle(5_000);
    expect(sms.getByText('last success 17 s ago')).toBeTruthy();

    act(() => useLocale.getState().setLocale('es'));
    expect(sms.getByText('último éxito hace 17 s')).toBeTruthy();
    expect(sms.getByText('· Caído')).toBeTruthy();
    expect(screen.getByText(/Correo: servidor SMTP alcanzable/)).toBeTruthy();
  });

  it('says why when the figures cannot be read, and falls back to reading them every 2 s', async () => {
    let fail = true;
    stubApi({
      'GET /dashboard/live': () =>
        fail ? apiError(403, 'FORBIDDEN', 'Your role cannot see reports and dashboards') : snapshot(2),
    });
    render(<DashboardPage />);
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('Your role cannot see reports and dashboards');
    fail = false;
    await settle(2_100);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('runs-completed-value').textContent).toBe('2');
    expect(screen.getByTestId('dashboard-mode').textContent).toContain('Updating every few seconds');
  });
});
