import { ReactFlowProvider } from '@xyflow/react';
import type { CatalogEntry, ValidationIssue } from '../../api/types.ts';
import { FlowCanvasView } from './flow-canvas-view.tsx';
import type { NodeBadges, RunHighlight } from './types.ts';

export interface FlowCanvasProps {
  catalog: readonly CatalogEntry[];
  /** Validation issues; those with a nodeId or edgeId are drawn on that node or edge. */
  issues: readonly ValidationIssue[];
  /** The path a run took: these nodes and edges light up. */
  highlight?: RunHighlight;
  readOnly?: boolean;
  /** Runs at each node right now: a count badge on the node. */
  badges?: NodeBadges;
  /** Where a node's badge leads (a hash href); without it badges are not links. */
  badgeHref?: (nodeId: string) => string;
  /** The single selected node, or null when none or several are selected. */
  onSelectNode?: (id: string | null) => void;
}

/** The flow document of `useFlowStore` as an editable graph, with minimap, controls and toolbar. */
export function FlowCanvas(props: FlowCanvasProps) {
  return (
    <ReactFlowProvider>
      <FlowCanvasView {...props} />
    </ReactFlowProvider>
  );
}
