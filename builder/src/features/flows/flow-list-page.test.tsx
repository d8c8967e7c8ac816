// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { FlowListPage } from './flow-list-page.tsx';

const settle = () => act(() => vi.advanceTimersByTimeAsync(0));

beforeEach(() => {
  vi.useFakeTimers();
  useLocale.getState().setLocale('en');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('FlowListPage', () => {
  it('makes one flow when "Start from blank" is double-clicked', async () => {
    let answer: (value: unknown) => void = () => {};
    const api = stubApi({
      'GET /flows': () => ({ items: [] }),
      'GET /flow-templates': () => ({ items: [] }),
      'POST /flows': () => new Promise((resolve) => (answer = resolve)),
    });
    render(<FlowListPage />);
    await settle();
    // No flows yet: the gallery is the page, its last card an empty canvas.
    const create = screen.getByRole('button', { name: 'Start from blank' });
    fireEvent.click(create);
    fireEvent.click(create);
    await settle();
    answer({ id: 'f9', name: 'x', draft: {} });
    await settle();
    expect(api.callsTo('POST /flows')).toHaveLength(1);
    expect(location.hash).toBe('#/flows/f9');
  });

  it('clears an earlier import error when another file is imported', async () => {
    const api = stubApi({
      'GET /flows': () => ({ items: [] }),
      'GET /flow-templates': () => ({ items: [] }),
      'POST /flows': () => ({ id: 'f2', name: 'ok', draft: {} }),
    });
    render(<FlowListPage />);
    await settle();
    const input = screen.getByLabelText('Import JSON', { selector: 'input' });
    const bad = new File(['{"name":"x"}'], 'bad.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [bad] } });
    await vi.waitFor(() => expect(screen.getByRole('alert')).toBeTruthy());

    const good = new File(['{"name":"ok","nodes":[],"edges":[]}'], 'good.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [good] } });
    await vi.waitFor(() => expect(api.callsTo('POST /flows')).toHaveLength(1));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
