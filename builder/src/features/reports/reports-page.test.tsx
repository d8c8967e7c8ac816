// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { chartOption } from './report-chart.tsx';
import { periodRange } from './report-period.ts';
import { okabeIto } from './report-palette.ts';
import { PermissionsProvider } from '../roles/permissions.tsx';
import { ReportsPage } from './reports-page.tsx';

const settle = () => act(() => vi.advanceTimersByTimeAsync(0));
const now = () => new Date(2026, 10, 20, 15, 30);

const reports = {
  items: [
    {
      name: 'call-traffic',
      title: 'Tráfico de llamadas entrantes',
      description: 'Llamadas…',
      filters: ['flow', 'queue', 'agent'],
    },
    {
      name: 'outbound-messages',
      title: 'Mensajes salientes',
      description: 'Mensajes…',
      filters: ['channel', 'flow', 'campaign'],
    },
  ],
};
const doc = {
  report: 'call-traffic',
  title: 'Tráfico de llamadas entrantes',
  language: 'es',
  generatedAt: '2026-11-20T20:30:00.000Z',
  timezone: 'America/Lima',
  filters: [],
  charts: [
    {
      title: 'Llamadas ofrecidas',
      kind: 'line',
      categories: ['2026-11-02'],
      series: [{ name: 'Ofrecidas', data: [2] }],
      valueType: 'integer',
    },
  ],
  tables: [
    {
      name: 'Llamadas',
      columns: [
        { key: 'period', label: 'Periodo', type: 'text' },
        { key: 'offered', label: 'Ofrecidas', type: 'integer' },
        { key: 'waiting', label: 'Espera media en cola (s)', type: 'duration' },
        { key: 'rate', label: 'Tasa', type: 'percent' },
      ],
      rows: [{ period: '2026-11-02', offered: 1234, waiting: 65, rate: 0.25 }],
      totals: { period: 'Total', offered: 1234, waiting: 65, rate: 0.25 },
    },
  ],
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  useLocale.getState().setLocale('es');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('ReportsPage', () => {
  it('shows the first report of the last 30 days with its chart, table and download links, in Spanish', async () => {
    const api = stubApi({
      'GET /reports': () => reports,
      'GET /reports/call-traffic': () => doc,
      'GET /flows': () => ({ items: [{ id: 'f1', name: 'Mesa de ayuda' }] }),
      'GET /campaigns': () => ({ campaigns: [] }),
    });
    render(<ReportsPage now={now} />);
    await settle();
    const asked = new URLSearchParams(api.callsTo('GET /reports/call-traffic')[0]!.path.split('?')[1]);
    expect(asked.get('bucket')).toBe('day');
    expect(Date.parse(asked.get('to')!) - Date.parse(asked.get('from')!)).toBe(30 * 86_400_000);
    expect(screen.getByRole('region', { name: 'Llamadas ofrecidas' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Llamadas' });
    const cells = within(table)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(0, 3)).toEqual(['2026-11-02', '1234', '1:05']);
    expect(cells[3]).toMatch(/^25\s%$/);
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toContain('Espera media en cola (s)');
    const links = within(screen.getByRole('navigation', { name: 'Descargar' })).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(['Excel', 'PDF', 'CSV']);
    const csv = new URL(links[2]!.getAttribute('href')!, 'http://x');
    expect(csv.pathname).toBe('/api/v1/reports/call-traffic');
    expect(csv.searchParams.get('format')).toBe('csv');
    expect(csv.searchParams.get('language')).toBe('es');
    // The call report offers the flow, queue and agent pickers, not the channel.
    expect(screen.getByLabelText('Flujo')).toBeTruthy();
    expect(screen.getByLabelText('Cola')).toBeTruthy();
    expect(screen.queryByLabelText('Canal')).toBeNull();
    // Scheduling lives next to the reports themselves.
    expect(screen.getByRole('link', { name: 'Informes programados' }).getAttribute('href')).toBe(
      '#/report-schedules',
    );
  });

  it('offers scheduled reports only to whom may manage them', async () => {
    stubApi({
      'GET /reports': () => reports,
      'GET /reports/call-traffic': () => doc,
      'GET /flows': () => ({ items: [] }),
      'GET /campaigns': () => ({ campaigns: [] }),
    });
    render(
      <PermissionsProvider permissions={['reports:read']}>
        <ReportsPage now={now} />
      </PermissionsProvider>,
    );
    await settle();
    expect(screen.getByRole('heading', { name: 'Informes' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Informes programados' })).toBeNull();
  });

  it('asks again with the channel, bucket and custom period picked', async () => {
    const api = stubApi({
      'GET /reports': () => reports,
      'GET /reports/call-traffic': () => doc,
      'GET /reports/outbound-messages': () => ({ ...doc, report: 'outbound-messages' }),
      'GET /flows': () => ({ items: [] }),
      'GET /campaigns': () => ({ campaigns: [{ id: 'c1', name: 'Black Friday' }] }),
    });
    render(<ReportsPage now={now} />);
    await settle();
    fireEvent.change(screen.getByLabelText('Informe'), { target: { value: 'outbound-messages' } });
    await settle();
    fireEvent.change(screen.getByLabelText('Canal'), { target: { value: 'sms' } });
    fireEvent.change(screen.getByLabelText('Campaña'), { target: { value: 'c1' } });
    fireEvent.change(screen.getByLabelText('Agrupar por'), { target: { value: 'week' } });
    fireEvent.change(screen.getByLabelText('Periodo'), { target: { value: 'custom' } });
    fireEvent.change(screen.getByLabelText('Desde'), { target: { value: '2026-11-02' } });
    fireEvent.change(screen.getByLabelText('Hasta (incluido)'), { target: { value: '2026-11-15' } });
    await settle();
    const last = api.callsTo('GET /reports/outbound-messages').at(-1)!;
    const asked = new URLSearchParams(last.path.split('?')[1]);
    expect(asked.get('channel')).toBe('sms');
    expect(asked.get('campaignId')).toBe('c1');
    expect(asked.get('bucket')).toBe('week');
    expect(new Date(asked.get('from')!).getTime()).toBe(new Date(2026, 10, 2).getTime());
    expect(new Date(asked.get('to')!).getTime()).toBe(new Date(2026, 10, 16).getTime());
  });

  it('shows the API’s refusal (too many buckets) instead of the report', async () => {
    stubApi({
      'GET /reports': () => reports,
      'GET /reports/call-traffic': () =>
        apiError(400, 'REPORT_FILTERS_INVALID', 'Ese periodo da 43200 intervalos, más de 1500 filas'),
      'GET /flows': () => ({ items: [] }),
      'GET /campaigns': () => ({ campaigns: [] }),
    });
    render(<ReportsPage now={now} />);
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('Ese periodo da 43200 intervalos');
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('report periods and charts', () => {
  it('turns presets into whole local days, `to` exclusive', () => {
    const range = periodRange('lastMonth', now(), { from: '', to: '' })!;
    expect(new Date(range.from).getTime()).toBe(new Date(2026, 9, 1).getTime());
    expect(new Date(range.to).getTime()).toBe(new Date(2026, 10, 1).getTime());
    expect(periodRange('custom', now(), { from: '2026-11-02', to: 'nope' })).toBeNull();
  });

  it('draws stacked bars in the colour-blind-safe palette', () => {
    const option = chartOption({
      title: 'x',
      kind: 'stacked-bar',
      categories: ['a'],
      series: [
        { name: 'Entregados', data: [1] },
        { name: 'Pendientes', data: [2] },
      ],
      valueType: 'integer',
    }) as { color: string[]; series: { stack?: string; type: string }[] };
    expect(option.color).toEqual(okabeIto);
    expect(option.series.map((s) => [s.type, s.stack])).toEqual([
      ['bar', 'total'],
      ['bar', 'total'],
    ]);
  });
});
