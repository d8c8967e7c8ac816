import { useMemo } from 'react';
import type { CatalogEntry } from '../../api/types.ts';
import { useFlowStore } from '../canvas/flow-store.ts';
import type { PortRowsInfo } from './form-context.ts';

/** What the rows of a menu or split need to make port ids: the node's own ports and the wired ones. */
export function usePortRows(entry: CatalogEntry, nodeId: string): PortRowsInfo | undefined {
  const edges = useFlowStore((s) => s.doc?.edges);
  return useMemo(() => {
    if (!entry.portRows) return undefined;
    const wired = new Set((edges ?? []).filter((e) => e.from.node === nodeId).map((e) => e.from.port));
    return { list: entry.portRows, reserved: entry.ports, wired };
  }, [entry, nodeId, edges]);
}
