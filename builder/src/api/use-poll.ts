import { useEffect, useRef, useState } from 'react';

export interface Poll<T> {
  data: T | undefined;
  /** The message of the last failed read; cleared by the next good one. */
  error: string | null;
}

/**
 * Reads `load` now and then every `intervalMs` after each answer (never two at once), until
 * `done(answer)` says it is over or the component goes away. A new `load` (its inputs changed)
 * starts again. A failed read is reported and retried at the next tick: a poll outlives a blip.
 * Pass `null` to stop.
 */
export function usePoll<T>(
  load: (() => Promise<T>) | null,
  intervalMs: number,
  done: (answer: T) => boolean = () => false,
): Poll<T> {
  const [state, setState] = useState<Poll<T>>({ data: undefined, error: null });
  // A predicate of the answer: a new function object each render must not restart the poll.
  const isDone = useRef(done);
  isDone.current = done;

  useEffect(() => {
    setState({ data: undefined, error: null });
    if (!load) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      let finished = false;
      try {
        const data = await load();
        if (stopped) return;
        setState({ data, error: null });
        finished = isDone.current(data);
      } catch (e) {
        if (stopped) return;
        setState((s) => ({ data: s.data, error: (e as Error).message }));
      }
      if (!finished) timer = setTimeout(() => void tick(), intervalMs);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [load, intervalMs]);

  return state;
}
