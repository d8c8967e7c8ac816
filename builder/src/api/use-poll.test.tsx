// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { usePoll } from './use-poll.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('usePoll', () => {
  it('reads at once, then every interval after each answer, until done', async () => {
    let n = 0;
    const load = vi.fn(async () => ++n);
    const { result } = renderHook(() => usePoll(load, 1000, (value) => value >= 3));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(result.current.data).toBe(1);
    await act(() => vi.advanceTimersByTimeAsync(999));
    expect(load).toHaveBeenCalledTimes(1);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(result.current.data).toBe(2);
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(result.current.data).toBe(3);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('reports a failed read, keeps the last answer and tries again', async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockResolvedValueOnce('first')
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue('back');
    const { result } = renderHook(() => usePoll(load, 500));
    await act(() => vi.advanceTimersByTimeAsync(0));
    await act(() => vi.advanceTimersByTimeAsync(500));
    expect(result.current).toEqual({ data: 'first', error: 'offline' });
    await act(() => vi.advanceTimersByTimeAsync(500));
    expect(result.current).toEqual({ data: 'back', error: null });
  });

  it('stops when unmounted or given null', async () => {
    const load = vi.fn(async () => 1);
    const { rerender, unmount } = renderHook(({ on }) => usePoll(on ? load : null, 100), {
      initialProps: { on: true },
    });
    await act(() => vi.advanceTimersByTimeAsync(0));
    rerender({ on: false });
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(load).toHaveBeenCalledTimes(1);
    unmount();
  });
});
