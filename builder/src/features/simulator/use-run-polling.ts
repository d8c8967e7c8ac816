import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { RunDetail, RunStep } from '../../api/types.ts';

export type { RunStep };

/** The part of a run the simulator reads (GET /runs/:id answers the whole RunDetail). */
export type RunView = Pick<RunDetail, 'id' | 'status' | 'currentNodes' | 'output' | 'error' | 'steps'>;

/** Reads a run every half second until it has ended; `refresh` asks at once (after an event). */
export function useRunPolling(runId: string | null) {
  const [run, setRun] = useState<RunView | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!runId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      let next: RunView;
      try {
        next = await ok(client.GET('/runs/{id}', { params: { path: { id: runId } } }));
      } catch {
        // A call's run is named before it starts (the browser phone): ask again shortly.
        if (!stopped) timer = setTimeout(poll, 500);
        return;
      }
      if (stopped) return;
      setRun(next);
      if (next.status === 'running' || next.status === 'waiting') timer = setTimeout(poll, 500);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [runId, tick]);
  return { run, refresh: () => setTick((t) => t + 1) };
}
