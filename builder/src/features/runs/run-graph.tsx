import { useEffect, useMemo, useState } from 'react';
import type { CatalogEntry, RunDetail } from '../../api/types.ts';
import { FlowCanvas } from '../canvas/flow-canvas.tsx';
import { useFlowStore } from '../canvas/flow-store.ts';
import { runHighlight } from './path-highlight.ts';

const noIssues: never[] = [];

/**
 * The graph of the version the run is pinned to, read-only, with the path it took lit, the node it
 * failed at in red and the node it is at now marked. The canvas draws the flow store's document,
 * so the graph is loaded there (once per run and version, not on every live update).
 */
export function RunGraph({
  run,
  catalog,
  onSelectNode,
}: {
  run: RunDetail;
  catalog: readonly CatalogEntry[];
  onSelectNode: (nodeId: string | null) => void;
}) {
  const graphKey = `${run.id}@${run.version}`;
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const { graph } = run;
  useEffect(() => {
    useFlowStore.getState().load(graph);
    setLoadedKey(graphKey);
    // The graph of one run and version never changes; later snapshots repeat it.
  }, [graphKey]);
  const highlight = useMemo(() => runHighlight(run), [run]);
  // Until then the store still holds whatever was open before (another flow's draft).
  if (loadedKey !== graphKey) return null;
  return (
    <FlowCanvas
      catalog={catalog}
      issues={noIssues}
      readOnly
      highlight={highlight}
      onSelectNode={onSelectNode}
    />
  );
}
