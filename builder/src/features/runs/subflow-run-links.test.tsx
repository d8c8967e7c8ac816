// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useLocale } from '../../i18n/use-i18n.ts';
import { RunHeader } from './run-header.tsx';
import { testRun } from './test-runs.ts';

beforeEach(() => useLocale.getState().setLocale('en'));
afterEach(cleanup);

describe('subflow links on a run', () => {
  it('links a subflow run to the run that called it', () => {
    render(<RunHeader run={testRun({ parentRunId: 'run-parent' })} mode="ended" />);
    const up = screen.getByRole('link', { name: 'the run that called this subflow' });
    expect(up.getAttribute('href')).toBe('#/runs/run-parent');
    act(() => useLocale.getState().setLocale('es'));
    expect(screen.getByRole('link', { name: 'la ejecución que llamó a este subflujo' })).toBeTruthy();
  });

  it('links a calling run to each subflow run by flow name and status', () => {
    render(
      <RunHeader
        run={testRun({
          childRuns: [
            { id: 'run-c1', flowId: 'f2', flowName: 'Find customer', nodeId: 'call', status: 'completed' },
            { id: 'run-c2', flowId: 'f3', flowName: 'Send invoice', nodeId: 'call2', status: 'failed' },
          ],
        })}
        mode="ended"
      />,
    );
    expect(screen.getByText('Subflow runs')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Find customer (Completed)' }).getAttribute('href')).toBe(
      '#/runs/run-c1',
    );
    expect(screen.getByRole('link', { name: 'Send invoice (Failed)' }).getAttribute('href')).toBe(
      '#/runs/run-c2',
    );
    expect(screen.queryByText('Called by')).toBeNull();
  });

  it('shows neither for a run that is no subflow and called none', () => {
    render(<RunHeader run={testRun({ parentRunId: null, childRuns: [] })} mode="ended" />);
    expect(screen.queryByText('Called by')).toBeNull();
    expect(screen.queryByText('Subflow runs')).toBeNull();
  });
});
