// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InflightCounts } from '../../api/types.ts';
import { stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { testCatalog } from '../canvas/test-catalog.ts';
import { orderGraph } from '../runs/test-runs.ts';
import { FlowEditorPage } from './flow-editor-page.tsx';

// Screens loaded on first use need a module transform: slow on a busy machine.
const lazyLoad = { timeout: 15_000 };
const settle = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));

function stubEditor(inflight: (call: number) => InflightCounts, extra: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    'GET /flows/f1': () => ({ id: 'f1', name: orderGraph.name, draft: orderGraph }),
    'GET /nodes': () => ({ items: testCatalog }),
    'POST /flows/f1/validate': () => ({ errors: [], warnings: [] }),
    'GET /flows/f1/versions': () => ({
      items: [{ version: 2, notes: '', publishedAt: '2025-01-01T00:00:00Z' }],
    }),
    'GET /flows/f1/inflight': ({ call }) => inflight(call),
    ...extra,
  });
}

async function open() {
  render(
    <div style={{ width: 1400, height: 900 }}>
      <FlowEditorPage flowId="f1" />
    </div>,
  );
  await settle();
}

beforeEach(() => {
  vi.useFakeTimers();
  useLocale.getState().setLocale('en');
  localStorage.clear();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('FlowEditorPage and runs', () => {
  it('badges the nodes where runs are now, refreshing every 5 s, each badge opening those runs', async () => {
    const api = stubEditor((call) => ({
      total: 3 + call,
      byNode: { ask: 3 + call },
      byVersion: [{ version: 2, total: 3 + call, byNode: { ask: 3 + call } }],
    }));
    await open();
    const badge = screen.getByLabelText('3 run(s) here now: show them');
    expect(screen.getByTestId('rf__node-ask').contains(badge)).toBe(true);
    expect(badge.getAttribute('href')).toBe('#/flows/f1/runs?status=running%2Cwaiting&node=ask');
    expect(screen.getByTestId('inflight-total').textContent).toBe('3 in flight');
    expect(screen.getByRole('link', { name: 'Runs' }).getAttribute('href')).toBe('#/flows/f1/runs');

    await settle(5000);
    expect(api.callsTo('GET /flows/f1/inflight')).toHaveLength(2);
    expect(screen.getByLabelText('4 run(s) here now: show them')).toBeTruthy();
  });

  it('publishes with the chosen in-flight policy and says how many runs were cancelled', async () => {
    const api = stubEditor(
      () => ({ total: 2, byNode: { ask: 2 }, byVersion: [{ version: 2, total: 2, byNode: { ask: 2 } }] }),
      {
        'POST /flows/f1/publish': () => ({ version: 3, hash: 'h', cancelled: 2 }),
      },
    );
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByTestId('inflight-total').textContent).toContain(
      '2 run(s) running or waiting now',
    );
    fireEvent.click(within(dialog).getByRole('radio', { name: /Cancel in-flight runs/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Publish' }));
    await settle();
    expect(api.callsTo('POST /flows/f1/publish')[0]!.body).toEqual({ notes: '', inflight: 'cancel' });
    expect(screen.getByText('Version 3 published; 2 in-flight run(s) cancelled')).toBeTruthy();
  });

  it('offers what-if next to the simulator and lights the draft path of a chosen run', async () => {
    stubEditor(() => ({ total: 0, byNode: {}, byVersion: [] }), {
      'PUT /flows/f1': ({ body }) => ({ id: 'f1', draft: body }),
      'POST /flows/f1/what-if': () => ({
        total: 1,
        changedCount: 1,
        results: [
          {
            runId: 'r1',
            changed: true,
            status: 'completed',
            originalPath: ['start', 'call', 'ask'],
            draftPath: ['start', 'call', 'done'],
            divergedAt: { index: 2, originalNodeId: 'ask', draftNodeId: 'done' },
          },
        ],
      }),
    });
    await open();
    expect(screen.queryByTestId('inflight-total')).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'What if' }));
    // The panel is loaded on first use.
    const replay = await vi.waitFor(
      () => screen.getByRole('button', { name: 'Replay against the draft' }),
      lazyLoad,
    );
    fireEvent.click(replay);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: /Different path/ }));
    const lit = [...document.querySelectorAll('[data-highlighted="true"]')].map((el) =>
      el.closest('[data-id]')!.getAttribute('data-id'),
    );
    expect(lit).toEqual(['start', 'call', 'done']);
  });
});
