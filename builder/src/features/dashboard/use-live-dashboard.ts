import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { components } from '../../api/api-schema.ts';

export type LiveDashboard = components['schemas']['LiveDashboard'];
export type DashboardMode = 'stream' | 'polling';

const pollEveryMs = 2000;

/**
 * The live figures: `GET /dashboard/live` first (its errors carry a message), then the server's
 * event stream, which pushes the whole snapshot whenever a figure changes; if the stream fails,
 * the snapshot is read every 2 s instead.
 */
export function useLiveDashboard() {
  const [snapshot, setSnapshot] = useState<LiveDashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mode, setMode] = useState<DashboardMode>('stream');

  useEffect(() => {
    let stopped = false;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => ok(client.GET('/dashboard/live'));
    const take = (next: LiveDashboard) => {
      setSnapshot(next);
      setError(null);
    };
    const poll = async () => {
      try {
        const next = await read();
        if (!stopped) take(next);
      } catch (e) {
        if (!stopped) setError((e as Error).message);
      }
      if (!stopped) timer = setTimeout(() => void poll(), pollEveryMs);
    };
    const fallBackToPolling = () => {
      source?.close();
      source = null;
      if (stopped) return;
      setMode('polling');
      timer = setTimeout(() => void poll(), pollEveryMs);
    };
    const stream = () => {
      source = new EventSource('/api/v1/dashboard/live/stream');
      setMode('stream');
      source.addEventListener('snapshot', (e) => {
        try {
          take(JSON.parse((e as MessageEvent<string>).data) as LiveDashboard);
        } catch {
          fallBackToPolling();
        }
      });
      source.onerror = fallBackToPolling;
    };
    read().then(
      (first) => {
        if (stopped) return;
        take(first);
        if (typeof EventSource === 'function') stream();
        else fallBackToPolling();
      },
      (e: unknown) => {
        if (stopped) return;
        setError((e as Error).message);
        fallBackToPolling();
      },
    );
    return () => {
      stopped = true;
      source?.close();
      clearTimeout(timer);
    };
  }, []);

  return { snapshot, error, mode };
}
