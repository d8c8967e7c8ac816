// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { WhatIfResult } from '../../api/types.ts';
import { stubApi } from '../../api/test-api.ts';
import { orderGraph } from './test-runs.ts';
import { WhatIfPanel } from './what-if-panel.tsx';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';

const versions = [
  { version: 3, notes: '', publishedAt: '2025-03-01T00:00:00Z' },
  { version: 2, notes: '', publishedAt: '2025-02-01T00:00:00Z' },
];

const result: WhatIfResult = {
  total: 2,
  changedCount: 1,
  results: [
    {
      runId: 'r1',
      changed: true,
      status: 'completed',
      originalPath: ['start', 'call', 'ask', 'done'],
      draftPath: ['start', 'call', 'done'],
      divergedAt: { index: 2, originalNodeId: 'ask', draftNodeId: 'done' },
      assumed: [],
    },
    {
      runId: 'r2',
      changed: false,
      status: 'failed',
      originalPath: ['start', 'call'],
      draftPath: ['start', 'call'],
      divergedAt: null,
      assumed: [],
    },
  ],
};

useComponentTestHooks();

function renderPanel(onHighlight = vi.fn(), beforeRun = vi.fn(async () => {})) {
  render(
    <WhatIfPanel
      flowId="f1"
      doc={orderGraph}
      versions={versions}
      beforeRun={beforeRun}
      onHighlight={onHighlight}
    />,
  );
  return { onHighlight, beforeRun };
}

describe('WhatIfPanel', () => {
  it('replays the latest version’s last 100 runs against the saved draft and sums up the changes', async () => {
    let answer: (value: WhatIfResult) => void = () => {};
    const api = stubApi({ 'POST /flows/f1/what-if': () => new Promise((resolve) => (answer = resolve)) });
    const { beforeRun } = renderPanel();
    expect((screen.getByLabelText('Runs of version') as HTMLSelectElement).value).toBe('3');
    expect((screen.getByLabelText('Recent runs') as HTMLInputElement).value).toBe('100');
    fireEvent.click(screen.getByRole('button', { name: 'Replay against the draft' }));
    await settle();
    expect(beforeRun).toHaveBeenCalled();
    expect(api.callsTo('POST /flows/f1/what-if')[0]!.body).toEqual({ version: 3, limit: 100 });
    expect(screen.getByRole('status').textContent).toBe('Replaying up to 100 runs of v3 against the draft…');
    expect(screen.getByRole('button', { name: 'Replay against the draft' }).hasAttribute('disabled')).toBe(
      true,
    );

    await act(async () => answer(result));
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByTestId('what-if-summary').textContent).toBe('1 of 2 runs would take a different path');
    const items = [...document.querySelectorAll('li[data-run-id]')];
    expect(items.map((li) => [li.getAttribute('data-run-id'), li.getAttribute('data-changed')])).toEqual([
      ['r1', 'true'],
      ['r2', 'false'],
    ]);
  });

  it('draws the two paths of a changed run, parting at the divergence, and lights the draft path', async () => {
    stubApi({ 'POST /flows/f1/what-if': () => result });
    const { onHighlight } = renderPanel();
    fireEvent.change(screen.getByLabelText('Runs of version'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Replay against the draft' }));
    await settle();
    const original = screen.getByRole('list', { name: 'As run (v2)' });
    const draft = screen.getByRole('list', { name: 'Draft' });
    const states = (list: HTMLElement) =>
      [...list.children].map(
        (li) =>
          `${li.textContent!.replace(/^→|\(the paths part here\)$/g, '')}:${li.getAttribute('data-state')}`,
      );
    expect(states(original)).toEqual(['start:same', 'Look up order:same', 'ask:diverged', 'done:after']);
    expect(states(draft)).toEqual(['start:same', 'Look up order:same', 'done:diverged']);

    fireEvent.click(screen.getByRole('button', { name: /Different path/ }));
    expect(onHighlight).toHaveBeenLastCalledWith({ nodes: ['start', 'call', 'done'], edges: ['e1', 'e4'] });
    fireEvent.click(screen.getByRole('button', { name: /Different path/ }));
    expect(onHighlight).toHaveBeenLastCalledWith(null);

    fireEvent.click(screen.getByLabelText('Only runs that would change'));
    expect(document.querySelectorAll('li[data-run-id]')).toHaveLength(1);
  });

  it('refuses more than 500 runs, and needs a published version', () => {
    renderPanel();
    fireEvent.change(screen.getByLabelText('Recent runs'), { target: { value: '501' } });
    expect(screen.getByText('Choose from 1 to 500 runs')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Replay against the draft' }).hasAttribute('disabled')).toBe(
      true,
    );
    cleanup();
    render(
      <WhatIfPanel
        flowId="f1"
        doc={orderGraph}
        versions={[]}
        beforeRun={async () => {}}
        onHighlight={() => {}}
      />,
    );
    expect(screen.getByText(/Publish a version first/)).toBeTruthy();
  });
});
