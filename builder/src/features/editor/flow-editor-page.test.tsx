// @vitest-environment happy-dom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { InflightCounts } from '../../api/types.ts';
import type { stubApi } from '../../api/test-api.ts';
import { orderGraph } from '../runs/test-runs.ts';
import { openEditor as open, setUpEditorTests, settle, stubEditor as stubDraft } from './test-editor.tsx';

// Screens loaded on first use need a module transform: slow on a busy machine.
const lazyLoad = { timeout: 15_000 };

function stubEditor(inflight: (call: number) => InflightCounts, extra: Parameters<typeof stubApi>[0] = {}) {
  return stubDraft(orderGraph, {
    'GET /flows/f1/versions': () => ({
      items: [{ version: 2, notes: '', publishedAt: '2025-01-01T00:00:00Z' }],
    }),
    'GET /flows/f1/inflight': ({ call }) => inflight(call),
    ...extra,
  });
}

setUpEditorTests('en');

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
