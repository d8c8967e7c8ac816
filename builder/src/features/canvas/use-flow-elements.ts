import { useCallback, useMemo, useState } from 'react';
import type { CatalogEntry, FlowEdgeDoc, ValidationIssue } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { createElementConverter } from './flow-elements.ts';
import { useFlowStore } from './flow-store.ts';
import type { NodeBadges, RunHighlight } from './types.ts';
import { usePortName } from './use-port-name.ts';

/** React Flow nodes and edges of the store's document, rebuilt only where something changed. */
export function useFlowElements(
  catalog: readonly CatalogEntry[],
  issues: readonly ValidationIssue[],
  highlight: RunHighlight | undefined,
  badges?: NodeBadges,
) {
  const doc = useFlowStore((s) => s.doc);
  const selectedNodes = useFlowStore((s) => s.selectedNodes);
  const selectedEdges = useFlowStore((s) => s.selectedEdges);
  const sizes = useFlowStore((s) => s.sizes);
  const t = useT();
  const portName = usePortName();
  const [converter] = useState(createElementConverter);

  const describeEdge = useCallback(
    (edge: FlowEdgeDoc) =>
      t('canvas.edge.label', {
        source: edge.from.node,
        port: portName(edge.from.port),
        target: edge.to.node,
      }),
    [t, portName],
  );

  const nodes = useMemo(
    () =>
      doc
        ? converter.toNodes({ doc, catalog, issues, highlight, selected: selectedNodes, sizes, badges })
        : [],
    [converter, doc, catalog, issues, highlight, selectedNodes, sizes, badges],
  );
  const docEdges = doc?.edges;
  const edges = useMemo(
    () =>
      docEdges
        ? converter.toEdges({ edges: docEdges, issues, highlight, selected: selectedEdges, describeEdge })
        : [],
    [converter, docEdges, issues, highlight, selectedEdges, describeEdge],
  );
  return { nodes, edges };
}
