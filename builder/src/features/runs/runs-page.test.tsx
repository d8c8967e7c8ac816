// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BulkJob, RunStatus } from '../../api/types.ts';
import { apiError, stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { parseRoute } from '../../parse-route.ts';
import { RunsPage } from './runs-page.tsx';
import { testSummary } from './test-runs.ts';

const counts = (c: Partial<Record<RunStatus, number>>) => {
  const all = {
    running: 0,
    waiting: 0,
    completed: 0,
    failed: 0,
    cancelled: 0,
    abandoned: 0,
    skipped: 0,
    ...c,
  };
  return { counts: all, total: Object.values(all).reduce((a, b) => a + b, 0) };
};

const settle = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));

function renderRoute(route: string) {
  const parsed = parseRoute(route);
  if (parsed.screen !== 'runs') throw new Error(route);
  return render(<RunsPage flowId={parsed.flowId} query={parsed.query} />);
}

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

describe('RunsPage', () => {
  it('lists the runs of the filter in the URL, with their status, node and expiry', async () => {
    const api = stubApi({
      'GET /runs': () => ({
        items: [
          testSummary({ id: 'r1', status: 'failed', failedNodeId: 'call', endedAt: null }),
          testSummary({
            id: 'r2',
            status: 'waiting',
            currentNodes: ['ask'],
            contact: null,
            detailsExpired: true,
          }),
        ],
        nextCursor: null,
      }),
      'GET /runs/counts': () => counts({ failed: 1, waiting: 1 }),
    });
    renderRoute('/runs?status=failed,waiting&contact=%2B34600&node=call');
    await settle();
    expect(api.callsTo('GET /runs')[0]!.path).toBe(
      '/runs?status=waiting,failed&contact=%2B34600&nodeId=call&limit=50',
    );
    // Counts are over every status, so each chip can say what pressing it would show.
    expect(api.callsTo('GET /runs/counts')[0]!.path).toBe('/runs/counts?contact=%2B34600&nodeId=call');
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByText('Failed')).toBeTruthy();
    expect(rows[0]!.textContent).toContain('Order status');
    expect(rows[0]!.textContent).toContain('Failed at ✕ call');
    expect(rows[1]!.textContent).toContain('Now at ask');
    expect(rows[1]!.textContent).toContain('Details expired');
    expect(screen.getByRole('link', { name: 'Open the Failed run r1' }).getAttribute('href')).toBe(
      '#/runs/r1',
    );
    fireEvent.click(rows[1]!);
    expect(location.hash).toBe('#/runs/r2');
  });

  it('shows a skipped mail with why it was not answered, in the person’s language', async () => {
    stubApi({
      'GET /runs': () => ({
        items: [
          testSummary({
            id: 'r3',
            status: 'skipped',
            contact: 'ana@example.org',
            skipReason: 'REPLIED_RECENTLY',
          }),
          testSummary({
            id: 'r4',
            status: 'skipped',
            contact: 'bob@example.org',
            skipReason: 'SOMETHING_NEW',
          }),
        ],
        nextCursor: null,
      }),
      'GET /runs/counts': () => counts({ skipped: 2 }),
    });
    renderRoute('/runs?status=skipped');
    await settle();
    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByText('Skipped')).toBeTruthy();
    expect(rows[0]!.textContent).toContain(
      'Not answered: this person was already answered within the period',
    );
    expect(rows[1]!.textContent).toContain('Not answered: a mail that must not be answered');
    act(() => useLocale.getState().setLocale('es'));
    expect(screen.getAllByRole('row')[1]!.textContent).toContain(
      'Sin respuesta: ya se respondió a esta persona dentro del periodo',
    );
  });

  it('keeps the status counts live and toggles statuses through the URL', async () => {
    const api = stubApi({
      'GET /runs': () => ({ items: [], nextCursor: null }),
      'GET /runs/counts': ({ call }) => counts({ failed: 2 + call, completed: 10 }),
    });
    renderRoute('/flows/f1/runs?status=failed');
    await settle();
    const failed = screen.getByRole('button', { name: /Failed/ });
    expect(failed.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('count-failed').textContent).toBe('2');
    expect(screen.getByText('12 in all')).toBeTruthy();
    await settle(3000);
    expect(screen.getByTestId('count-failed').textContent).toBe('3');
    expect(api.callsTo('GET /runs/counts')).toHaveLength(2);
    expect(api.callsTo('GET /runs/counts')[0]!.path).toBe('/runs/counts?flowId=f1');

    fireEvent.click(screen.getByRole('button', { name: /Waiting/ }));
    expect(location.hash).toBe('#/flows/f1/runs?status=waiting%2Cfailed');
    fireEvent.click(failed);
    expect(location.hash).toBe('#/flows/f1/runs');
    expect(screen.getByText('No runs match this filter.')).toBeTruthy();
  });

  it('applies the typed filters together, to the URL', async () => {
    stubApi({
      'GET /runs': () => ({ items: [], nextCursor: null }),
      'GET /runs/counts': () => counts({}),
      'GET /flows/f1': () => ({ id: 'f1', name: 'Help desk' }),
    });
    renderRoute('/flows/f1/runs?status=failed');
    await settle();
    expect(screen.getByRole('heading', { name: 'Runs of Help desk' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Version'), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('Contact'), { target: { value: ' ana@example.com ' } });
    fireEvent.change(screen.getByLabelText('Node id'), { target: { value: 'menu' } });
    expect(location.hash).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(location.hash).toBe('#/flows/f1/runs?status=failed&version=3&contact=ana%40example.com&node=menu');
  });

  it('loads the next page with the cursor and appends it', async () => {
    const api = stubApi({
      'GET /runs': ({ url }) =>
        url.searchParams.get('cursor') === 'page2'
          ? { items: [testSummary({ id: 'r3' })], nextCursor: null }
          : { items: [testSummary({ id: 'r1' }), testSummary({ id: 'r2' })], nextCursor: 'page2' },
      'GET /runs/counts': () => counts({ completed: 3 }),
    });
    renderRoute('/runs');
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await settle();
    expect(api.callsTo('GET /runs')[1]!.path).toBe('/runs?limit=50&cursor=page2');
    expect(
      screen
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.getAttribute('data-run-id')),
    ).toEqual(['r1', 'r2', 'r3']);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('shows the API’s message when the list cannot be read', async () => {
    stubApi({
      'GET /runs': () => apiError(400, 'CURSOR_INVALID', 'The cursor is not one this API gave out'),
      'GET /runs/counts': () => counts({}),
    });
    renderRoute('/runs');
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('The cursor is not one this API gave out');
  });
});

describe('bulk actions', () => {
  it('confirms with the preview count, starts one job however often it is clicked, and follows it', async () => {
    const jobs: BulkJob[] = [
      {
        id: 'j1',
        action: 'retry',
        status: 'running',
        total: 3,
        done: 1,
        succeeded: 1,
        failed: 0,
        errors: [],
      },
      {
        id: 'j1',
        action: 'retry',
        status: 'completed',
        total: 3,
        done: 3,
        succeeded: 2,
        failed: 1,
        errors: [{ runId: 'r9', message: 'The run is not failed' }],
      },
    ];
    const api = stubApi({
      'GET /runs': () => ({ items: [], nextCursor: null }),
      'GET /runs/counts': () => counts({ failed: 3 }),
      'POST /runs/bulk/preview': () => ({ count: 3, sample: [testSummary({ id: 'r7', status: 'failed' })] }),
      'POST /runs/bulk': () => ({ jobId: 'j1', total: 3 }),
      'GET /runs/bulk/j1': ({ call }) => jobs[Math.min(call, 1)],
    });
    renderRoute('/flows/f1/runs?status=failed');
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Retry from the failed step' }));
    await settle();
    const dialog = screen.getByRole('dialog', { name: 'Retry runs from their failed step' });
    expect(api.callsTo('POST /runs/bulk/preview')[0]!.body).toEqual({
      filter: { flowId: 'f1', status: ['failed'] },
      action: 'retry',
    });
    expect(within(dialog).getByTestId('bulk-count').textContent).toBe('3 run(s) match the current filter.');
    const confirm = within(dialog).getByRole('button', { name: 'Retry 3 run(s)' });
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    await settle();
    const starts = api.callsTo('POST /runs/bulk');
    expect(starts).toHaveLength(1);
    expect(starts[0]!.body).toMatchObject({ filter: { flowId: 'f1', status: ['failed'] }, action: 'retry' });
    expect((starts[0]!.body as { idempotencyKey: string }).idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);

    const bar = within(dialog).getByRole('progressbar', { name: 'Progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('1');
    expect(within(dialog).getByTestId('bulk-status').textContent).toBe('Working: 1 of 3 done');
    await settle(1000);
    expect(bar.getAttribute('aria-valuenow')).toBe('3');
    expect(within(dialog).getByTestId('bulk-status').textContent).toBe('Finished: 3 of 3 done');
    expect(dialog.textContent).toContain('2 succeeded · 1 failed');
    expect(within(dialog).getByRole('link', { name: 'r9' }).parentElement!.textContent).toBe(
      'r9: The run is not failed',
    );
    await settle(5000);
    expect(api.callsTo('GET /runs/bulk/j1')).toHaveLength(2);

    const listReads = api.callsTo('GET /runs').length;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.callsTo('GET /runs').length).toBe(listReads + 1);
  });

  it('will not start a job that matches nothing, and says why a preview failed', async () => {
    stubApi({
      'GET /runs': () => ({ items: [], nextCursor: null }),
      'GET /runs/counts': () => counts({}),
      'POST /runs/bulk/preview': ({ body }) =>
        (body as { action: string }).action === 'cancel'
          ? { count: 0, sample: [] }
          : apiError(422, 'FILTER_TOO_BROAD', 'Narrow the filter to one flow first'),
    });
    renderRoute('/runs');
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await settle();
    expect(screen.getByRole('button', { name: 'Cancel 0 run(s)' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Go back' }));
    fireEvent.click(screen.getByRole('button', { name: 'Re-run' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Narrow the filter to one flow first');
  });
});
