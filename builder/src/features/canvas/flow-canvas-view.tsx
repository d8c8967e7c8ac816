import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  type Connection,
  type OnConnectEnd,
  type Edge,
  type FitViewOptions,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import { CanvasToolbar } from './canvas-toolbar.tsx';
import { connectionProblem } from './connection-rules.ts';
import { refusedConnectionNotice } from './refused-connection.ts';
import type { FlowCanvasProps } from './flow-canvas.tsx';
import { nodeTypes } from './flow-node.tsx';
import { useFlowStore } from './flow-store.ts';
import { needsLayout } from './needs-layout.ts';
import { openingView, openingViewport } from './opening-view.ts';
import { NodeBadgeLink } from './node-badge-link.ts';
import { nodePorts } from './node-ports.ts';
import { ShortcutsDialog } from './shortcuts-dialog.tsx';
import type { CanvasNode } from './types.ts';
import { useAriaLabelConfig } from './use-aria-label-config.ts';
import { useCanvasShortcuts } from './use-canvas-shortcuts.ts';
import { useFlowElements } from './use-flow-elements.ts';
import { usePaletteDrop } from './use-palette-drop.ts';
import { useSelectedNode } from './use-selected-node.ts';
import { useAnalyticsEdges } from '../analytics/use-analytics-edges.ts';

// Module scope: React Flow compares these props by identity.
// The right margin is wider than the minimap (200 px + its 15 px inset), so after "Arrange" or
// "Fit" no node sits under it; the left one clears the zoom controls.
const fitViewOptions: FitViewOptions = {
  padding: { top: '8%', bottom: '8%', left: '64px', right: '240px' },
  maxZoom: 1.2,
};

/** Past this many nodes only the visible ones are mounted, so panning stays smooth. */
const virtualiseAbove = 100;
/** Half a node, so "the centre of the view" puts the node's middle there. */
const halfNode = { x: 112, y: 40 };

const minimapColour = (node: CanvasNode) =>
  node.data.errorCount > 0 || node.data.runMark === 'failed'
    ? '#fca5a5'
    : node.data.runMark === 'current'
      ? '#fcd34d'
      : node.data.highlighted
        ? '#6ee7b7'
        : '#cbd5e1';

/** The canvas inside its ReactFlowProvider (see flow-canvas.tsx). */
export function FlowCanvasView({
  catalog,
  issues,
  highlight,
  readOnly = false,
  badges,
  badgeHref,
  onSelectNode,
}: FlowCanvasProps) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const { fitView, screenToFlowPosition, setCenter, getZoom, setViewport, getNode, getNodesBounds } =
    useReactFlow();
  const [helpOpen, setHelpOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { nodes, edges } = useFlowElements(catalog, issues, highlight, badges);
  const shownEdges = useAnalyticsEdges(edges);
  const loadCount = useFlowStore((s) => s.loadCount);
  const ariaLabelConfig = useAriaLabelConfig();

  const fit = useCallback(() => void fitView(fitViewOptions), [fitView]);
  const autoLayout = useCallback(() => {
    void useFlowStore
      .getState()
      .autoLayout(catalog)
      .then(() => fitView(fitViewOptions));
  }, [catalog, fitView]);
  const showHelp = useCallback(() => setHelpOpen(true), []);
  useCanvasShortcuts(container, readOnly, { fitView: fit, autoLayout, showHelp });

  const refuseTrigger = useCallback(() => setNotice(t('canvas.notice.triggerExists')), [t]);
  const { onDragOver, onDrop } = usePaletteDrop(catalog, readOnly, refuseTrigger);
  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(() => setNotice(null), 5000);
    return () => clearTimeout(timer);
  }, [notice]);

  // A newly opened document (another version, a restored draft) is shown whole, or from its start
  // when it is too big to read whole (opening-view.ts); one whose nodes all sit on one spot (made
  // through the API without positions) is laid out first.
  useEffect(() => {
    if (loadCount === 0) return;
    const doc = useFlowStore.getState().doc;
    if (needsLayout(doc)) {
      autoLayout();
      return;
    }
    const opening = doc ? openingView(doc) : null;
    const pane = container.current?.getBoundingClientRect();
    const start = opening && getNode(opening[0]!);
    if (!opening || !start || !pane) return void fitView(fitViewOptions);
    void setViewport(openingViewport(getNodesBounds(opening), start.position, pane));
    // Only a new load decides this (autoLayout is left out on purpose): edits never re-arrange.
  }, [loadCount, fitView, setViewport, getNode, getNodesBounds]);

  // The problems panel asks for a node: centre it, keeping the zoom unless it is too far out to read.
  const focusRequest = useFlowStore((s) => s.focusRequest);
  useEffect(() => {
    if (!focusRequest) return;
    const { doc, sizes } = useFlowStore.getState();
    const node = doc?.nodes.find((n) => n.id === focusRequest.id);
    if (!node) return;
    const size = sizes[node.id] ?? { width: 224, height: 80 };
    void setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, {
      zoom: Math.max(getZoom(), 0.8),
      duration: 300,
    });
  }, [focusRequest, setCenter, getZoom]);

  useSelectedNode(onSelectNode);

  const entries = useMemo(() => new Map(catalog.map((c) => [`${c.type}@${c.version}`, c])), [catalog]);
  const isValidConnection = useCallback(
    (connection: Connection | Edge) => {
      const doc = useFlowStore.getState().doc;
      const source = doc?.nodes.find((n) => n.id === connection.source);
      if (!doc || !source) return false;
      const entry = entries.get(`${source.type}@${source.version}`);
      const ports = entry ? nodePorts(entry, source.config) : undefined;
      return connectionProblem(doc, connection, ports) === null;
    },
    [entries],
  );
  // React Flow just drops a refused connection; the designer is told why.
  const onConnectEnd = useCallback<OnConnectEnd>(
    (_event, state) => {
      const key = refusedConnectionNotice(useFlowStore.getState().doc, state);
      if (key) setNotice(t(key));
    },
    [t],
  );
  const onConnect = useCallback(
    (connection: Connection) => void useFlowStore.getState().connect(connection),
    [],
  );

  const updateViewCentre = useCallback(() => {
    const box = container.current?.getBoundingClientRect();
    if (!box) return;
    const centre = screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
    useFlowStore.getState().setViewCentre({ x: centre.x - halfNode.x, y: centre.y - halfNode.y });
  }, [screenToFlowPosition]);

  return (
    <div ref={container} className="relative h-full w-full" onDragOver={onDragOver} onDrop={onDrop}>
      <NodeBadgeLink value={badgeHref ?? null}>
        <ReactFlow<CanvasNode>
          aria-label={t('canvas.label')}
          nodes={nodes}
          edges={shownEdges}
          nodeTypes={nodeTypes}
          onNodesChange={useFlowStore.getState().applyNodeChanges}
          onEdgesChange={useFlowStore.getState().applyEdgeChanges}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          // Deleting goes through the store (use-canvas-shortcuts.ts) so it is one undoable step.
          deleteKeyCode={null}
          onlyRenderVisibleElements={nodes.length > virtualiseAbove}
          minZoom={0.05}
          maxZoom={2}
          onInit={updateViewCentre}
          onMoveEnd={updateViewCentre}
          ariaLabelConfig={ariaLabelConfig}
        >
          <Background />
          <Controls showInteractive={false} fitViewOptions={fitViewOptions} />
          <MiniMap<CanvasNode>
            pannable
            zoomable
            nodeColor={minimapColour}
            ariaLabel={t('canvas.aria.minimap')}
          />
          <Panel position="top-right">
            <CanvasToolbar
              readOnly={readOnly}
              onFitView={fit}
              onAutoLayout={autoLayout}
              onShowShortcuts={showHelp}
            />
          </Panel>
          {notice !== null && (
            <Panel position="top-center">
              <p role="status" className="rounded-md bg-amber-100 px-3 py-2 text-sm text-amber-900 shadow">
                {notice}
              </p>
            </Panel>
          )}
        </ReactFlow>
      </NodeBadgeLink>
      {helpOpen && <ShortcutsDialog onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
