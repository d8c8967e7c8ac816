import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { RunDetail, RunStatus } from '../../api/types.ts';

/** How the page keeps up: the server's event stream, polling after the stream failed, or not at all. */
export type LiveMode = 'stream' | 'polling' | 'ended';

const pollEveryMs = 2000;
export const isLive = (status: RunStatus) => status === 'running' || status === 'waiting';

/**
 * A run, kept current while it runs or waits: `GET /runs/:id` first (it carries error messages an
 * EventSource cannot), then the `/stream` of full RunDetail snapshots until `end`; if the stream
 * fails, the run is polled every 2 s until it finishes. `watch()` starts again (after a retry).
 */
export function useLiveRun(runId: string) {
  const [run, setRun] = useState<RunDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mode, setMode] = useState<LiveMode>('ended');
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let stopped = false;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => ok(client.GET('/runs/{id}', { params: { path: { id: runId } } }));

    const take = (next: RunDetail) => {
      setRun(next);
      setError(null);
    };

    const poll = async () => {
      try {
        const next = await read();
        if (stopped) return;
        take(next);
        if (!isLive(next.status)) return setMode('ended');
      } catch (e) {
        if (stopped) return;
        setError((e as Error).message);
      }
      timer = setTimeout(() => void poll(), pollEveryMs);
    };

    const fallBackToPolling = () => {
      source?.close();
      source = null;
      if (stopped) return;
      setMode('polling');
      timer = setTimeout(() => void poll(), pollEveryMs);
    };

    const stream = () => {
      source = new EventSource(`/api/v1/runs/${encodeURIComponent(runId)}/stream`);
      setMode('stream');
      source.addEventListener('run', (e) => {
        try {
          take(JSON.parse((e as MessageEvent<string>).data) as RunDetail);
        } catch {
          fallBackToPolling();
        }
      });
      source.addEventListener('end', () => {
        source?.close();
        source = null;
        // One last read, so the final state is shown even if its `run` event was lost.
        void poll();
      });
      source.onerror = fallBackToPolling;
    };

    read().then(
      (first) => {
        if (stopped) return;
        take(first);
        if (!isLive(first.status)) setMode('ended');
        else if (typeof EventSource === 'function') stream();
        else fallBackToPolling();
      },
      (e: unknown) => !stopped && setError((e as Error).message),
    );

    return () => {
      stopped = true;
      source?.close();
      clearTimeout(timer);
    };
  }, [runId, generation]);

  return { run, error, mode, watch: () => setGeneration((g) => g + 1) };
}
