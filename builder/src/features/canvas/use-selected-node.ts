import { useEffect, useRef } from 'react';
import { useFlowStore } from './flow-store.ts';

/** Tells the page which single node is selected (null for none or several). */
export function useSelectedNode(onSelectNode: ((id: string | null) => void) | undefined) {
  const only = useFlowStore((s) => (s.selectedNodes.length === 1 ? (s.selectedNodes[0] ?? null) : null));
  const latest = useRef(onSelectNode);
  latest.current = onSelectNode;
  useEffect(() => latest.current?.(only), [only]);
}
