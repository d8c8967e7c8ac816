type Listener = (workspaceIds: ReadonlySet<string>) => void;

const listeners = new Set<Listener>();

/**
 * In-process word that runs of some workspaces just ended (their progress is written): the live
 * dashboard reads those workspaces again at once instead of at its next tick. When the worker runs
 * in another process nobody hears it here and the dashboard's ticks still carry the change.
 */
export function signalRunsEnded(workspaceIds: Iterable<string>): void {
  const ids = new Set(workspaceIds);
  if (ids.size === 0) return;
  for (const listener of listeners) {
    try {
      listener(ids);
    } catch (error) {
      // A listener's fault must not fail the progress write that merely announced it.
      console.warn(`Runs-ended listener: ${String(error)}`);
    }
  }
}

/** Hears every signalRunsEnded in this process; returns the unsubscribe. */
export function onRunsEnded(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
