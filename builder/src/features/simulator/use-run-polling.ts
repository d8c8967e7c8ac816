import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';

export interface RunStep {
  seq: number;
  nodeId: string;
  nodeType: string;
  enteredAt: string;
  leftAt: string | null;
  port: string | null;
  input: unknown;
  output: unknown;
  error: unknown;
}

export interface RunView {
  id: string;
  status: 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled';
  currentNodes: string[];
  output: unknown;
  error: unknown;
  steps: RunStep[];
}

/** Reads a run every half second until it has ended; `refresh` asks at once (after an event). */
export function useRunPolling(runId: string | null) {
  const [run, setRun] = useState<RunView | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!runId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      const next = await api<RunView>('GET', `/runs/${runId}`);
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
