// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunDetail } from '../../api/types.ts';
import { testRun } from './test-runs.ts';
import { useLiveRun } from './use-live-run.ts';

/** The part of EventSource the hook uses, driven by the test. */
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
  emit(type: string, data: unknown = '') {
    const event = new MessageEvent(type, { data: JSON.stringify(data) });
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

let answers: RunDetail[];
const fetchMock = vi.fn(async (request: Request) => {
  const next = answers.length > 1 ? answers.shift()! : answers[0]!;
  expect(new URL(request.url).pathname).toBe('/api/v1/runs/run-1');
  return new Response(JSON.stringify(next), { status: 200 });
});

beforeEach(() => {
  vi.useFakeTimers();
  FakeEventSource.last = undefined;
  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal('EventSource', FakeEventSource);
  fetchMock.mockClear();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const settle = () => act(() => vi.advanceTimersByTimeAsync(0));

describe('useLiveRun', () => {
  it('reads the run, then follows its stream until the end, then reads the final state once', async () => {
    answers = [testRun(), testRun({ status: 'completed', currentNodes: [] })];
    const { result } = renderHook(() => useLiveRun('run-1'));
    await settle();
    expect(result.current.run?.status).toBe('waiting');
    expect(result.current.mode).toBe('stream');
    const source = FakeEventSource.last!;
    expect(source.url).toBe('/api/v1/runs/run-1/stream');

    act(() => source.emit('run', testRun({ status: 'running', currentNodes: ['done'] })));
    expect(result.current.run?.currentNodes).toEqual(['done']);

    act(() => source.emit('end'));
    await settle();
    expect(source.closed).toBe(true);
    expect(result.current.run?.status).toBe('completed');
    expect(result.current.mode).toBe('ended');
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('falls back to polling every 2 s when the stream fails, until the run finishes', async () => {
    answers = [testRun(), testRun(), testRun({ status: 'failed', currentNodes: [] })];
    const { result } = renderHook(() => useLiveRun('run-1'));
    await settle();
    act(() => FakeEventSource.last!.onerror?.());
    expect(FakeEventSource.last!.closed).toBe(true);
    expect(result.current.mode).toBe('polling');
    await act(() => vi.advanceTimersByTimeAsync(1999));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(result.current.run?.status).toBe('failed');
    expect(result.current.mode).toBe('ended');
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('opens no stream for a run that has already ended, and watches again when asked', async () => {
    answers = [testRun({ status: 'completed', currentNodes: [] }), testRun()];
    const { result } = renderHook(() => useLiveRun('run-1'));
    await settle();
    expect(FakeEventSource.last).toBeUndefined();
    expect(result.current.mode).toBe('ended');
    act(() => result.current.watch());
    await settle();
    expect(result.current.run?.status).toBe('waiting');
    expect(FakeEventSource.last).toBeDefined();
  });

  it('shows why the run could not be read', async () => {
    fetchMock.mockImplementationOnce(
      async () =>
        new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Run run-1 not found' } }), {
          status: 404,
        }),
    );
    const { result } = renderHook(() => useLiveRun('run-1'));
    await settle();
    expect(result.current.error).toBe('Run run-1 not found');
    expect(result.current.run).toBeNull();
  });
});
