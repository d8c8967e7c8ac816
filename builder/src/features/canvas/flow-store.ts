import type { EdgeChange, NodeChange } from '@xyflow/react';
import { create } from 'zustand';
import type { CatalogEntry, FlowDocument, FlowNodeDoc } from '../../api/types.ts';
import { copyElements, pasteElements, type Clipboard } from './clipboard.ts';
import { connectionProblem } from './connection-rules.ts';
import { layoutFlow } from './layout-flow.ts';
import { nextEdgeId, nextNodeId } from './node-id.ts';
import { nodePorts } from './node-ports.ts';
import { nodeSummary } from './node-summary.ts';
import type { PortConnection, Point, Size } from './types.ts';

const historyLimit = 100;

export interface FlowState {
  doc: FlowDocument | null;
  selectedNodes: string[];
  selectedEdges: string[];
  /** Earlier documents, oldest first (at most 100). */
  past: FlowDocument[];
  /** Undone documents, next redo first. */
  future: FlowDocument[];
  /** Bumped on every document change, loads included; the page autosaves on it. */
  revision: number;
  /** Bumped on every `load`, so the canvas fits the view to a newly opened document. */
  loadCount: number;
  /** Node sizes React Flow measured. View state: not part of the document, not in history. */
  sizes: Record<string, Size>;
  clipboard: Clipboard | null;
  /** A node drag is under way and its single history entry is already recorded. */
  dragging: boolean;
  layingOut: boolean;
  /** Centre of the visible canvas in flow coordinates; where the palette's Enter adds a node. */
  viewCentre: Point;
  /** Key of the last edit that may merge with the next one (typing in one field of one node). */
  lastEdit: string | null;
  /** A node the canvas should bring into view (the problems panel asks); `n` makes repeats count. */
  focusRequest: { id: string; n: number } | null;

  /** Opens a document: clears history and selection. */
  load(doc: FlowDocument): void;
  rename(name: string): void;
  /** The language the flow speaks to people; default texts follow it. */
  setLanguage(language: 'es' | 'en'): void;
  /** Whether other flows may call this one as a subflow (listed in their palette once published). */
  setReusable(reusable: boolean): void;
  /** Adds a node of that type with an empty config; undefined when it is a second trigger. */
  /** `preset`: config chosen already (a reusable subflow's flow). */
  addNode(entry: CatalogEntry, position: Point, preset?: Record<string, unknown>): string | undefined;
  /** Draws an edge from an output port; false when `connectionProblem` refuses it. */
  connect(connection: PortConnection): boolean;
  /** Deletes the selected nodes (with their edges) and edges; deleting the trigger unsets it. */
  removeSelected(): void;
  updateConfig(id: string, config: Record<string, unknown>): void;
  /** Sets the node's display label; an empty label removes it. */
  updateLabel(id: string, label: string): void;
  select(nodes: readonly string[], edges: readonly string[]): void;
  selectAll(): void;
  undo(): void;
  redo(): void;
  copySelected(): void;
  /** Pastes the clipboard and selects the copies; returns their ids. */
  paste(): string[];
  applyNodeChanges(changes: readonly NodeChange[]): void;
  applyEdgeChanges(changes: readonly EdgeChange[]): void;
  /** Arranges the nodes left to right (ELK layered); one history entry. */
  autoLayout(catalog?: readonly CatalogEntry[]): Promise<void>;
  setViewCentre(point: Point): void;
  /** Selects a node and asks the canvas to centre it. */
  focusNode(id: string): void;
}

const blank = {
  doc: null,
  selectedNodes: [],
  selectedEdges: [],
  past: [],
  future: [],
  revision: 0,
  loadCount: 0,
  sizes: {},
  clipboard: null,
  dragging: false,
  layingOut: false,
  viewCentre: { x: 0, y: 0 },
  lastEdit: null,
  focusRequest: null,
} satisfies Partial<FlowState>;

export const useFlowStore = create<FlowState>()((set, get) => {
  /**
   * Replaces the document and records the previous one for undo. Edits sharing `mergeKey` with
   * the previous edit (keystrokes in one field) merge into one history entry.
   */
  function commit(next: FlowDocument, extra: Partial<FlowState> = {}, mergeKey: string | null = null) {
    const { doc, past, lastEdit, revision } = get();
    if (!doc) return;
    const merge = mergeKey !== null && mergeKey === lastEdit;
    set({
      doc: next,
      past: merge ? past : [...past, doc].slice(-historyLimit),
      future: [],
      revision: revision + 1,
      lastEdit: mergeKey,
      ...extra,
    });
  }

  function updateNode(id: string, update: (node: FlowNodeDoc) => FlowNodeDoc, mergeKey: string) {
    const { doc } = get();
    if (!doc || !doc.nodes.some((n) => n.id === id)) return;
    commit({ ...doc, nodes: doc.nodes.map((n) => (n.id === id ? update(n) : n)) }, {}, mergeKey);
  }

  /** Selection without ids that no longer exist (after undo, redo, removal). */
  function keepExisting(doc: FlowDocument): Pick<FlowState, 'selectedNodes' | 'selectedEdges'> {
    const nodes = new Set(doc.nodes.map((n) => n.id));
    const edges = new Set(doc.edges.map((e) => e.id));
    const { selectedNodes, selectedEdges } = get();
    return {
      selectedNodes: selectedNodes.filter((id) => nodes.has(id)),
      selectedEdges: selectedEdges.filter((id) => edges.has(id)),
    };
  }

  return {
    ...blank,

    load(doc) {
      set({
        ...blank,
        doc,
        clipboard: get().clipboard,
        viewCentre: get().viewCentre,
        revision: get().revision + 1,
        loadCount: get().loadCount + 1,
      });
    },

    rename(name) {
      const { doc } = get();
      if (doc && doc.name !== name) commit({ ...doc, name }, {}, 'name');
    },

    setLanguage(language) {
      const { doc } = get();
      if (doc && doc.language !== language) commit({ ...doc, language }, {}, 'language');
    },

    setReusable(reusable) {
      const { doc } = get();
      if (doc && (doc.reusable ?? false) !== reusable) commit({ ...doc, reusable }, {}, 'reusable');
    },

    addNode(entry, position, preset) {
      const { doc } = get();
      if (!doc) return undefined;
      if (entry.trigger && hasTrigger(doc, entry.type)) return undefined;
      const id = nextNodeId(entry.type, new Set(doc.nodes.map((n) => n.id)));
      const node: FlowNodeDoc = {
        id,
        type: entry.type,
        version: entry.version,
        config: { ...preset },
        position: freeSpot(doc, position),
      };
      commit(
        { ...doc, nodes: [...doc.nodes, node], ...(entry.trigger ? { trigger: { node: id } } : {}) },
        { selectedNodes: [id], selectedEdges: [] },
      );
      return id;
    },

    connect(connection) {
      const { doc } = get();
      if (!doc || !connection.sourceHandle || connectionProblem(doc, connection) !== null) return false;
      const id = nextEdgeId(new Set(doc.edges.map((e) => e.id)));
      const edge = {
        id,
        from: { node: connection.source, port: connection.sourceHandle },
        to: { node: connection.target },
      };
      commit({ ...doc, edges: [...doc.edges, edge] });
      return true;
    },

    removeSelected() {
      const { doc, selectedNodes, selectedEdges } = get();
      if (!doc) return;
      const nodes = new Set(selectedNodes);
      const edges = new Set(selectedEdges);
      const keptNodes = doc.nodes.filter((n) => !nodes.has(n.id));
      const keptEdges = doc.edges.filter(
        (e) => !edges.has(e.id) && !nodes.has(e.from.node) && !nodes.has(e.to.node),
      );
      if (keptNodes.length === doc.nodes.length && keptEdges.length === doc.edges.length) return;
      // The trigger may go: swapping a start node for another trigger type means deleting it
      // first. Validation then reports NO_TRIGGER until one is added, and undo brings it back.
      const { trigger, ...rest } = doc;
      const next: FlowDocument =
        trigger && !nodes.has(trigger.node)
          ? { ...rest, trigger, nodes: keptNodes, edges: keptEdges }
          : { ...rest, nodes: keptNodes, edges: keptEdges };
      commit(next, { selectedNodes: [], selectedEdges: [] });
    },

    updateConfig(id, config) {
      updateNode(id, (node) => ({ ...node, config }), `config:${id}`);
    },

    updateLabel(id, label) {
      const trimmed = label.trim();
      updateNode(
        id,
        ({ label: _old, ...node }) => (trimmed === '' ? node : { ...node, label }),
        `label:${id}`,
      );
    },

    select(nodes, edges) {
      set({ selectedNodes: [...nodes], selectedEdges: [...edges], lastEdit: null });
    },

    selectAll() {
      const { doc } = get();
      if (!doc) return;
      set({
        selectedNodes: doc.nodes.map((n) => n.id),
        selectedEdges: doc.edges.map((e) => e.id),
        lastEdit: null,
      });
    },

    undo() {
      const { doc, past, future, revision } = get();
      const previous = past.at(-1);
      if (!doc || !previous) return;
      set({
        doc: previous,
        past: past.slice(0, -1),
        future: [doc, ...future].slice(0, historyLimit),
        revision: revision + 1,
        lastEdit: null,
        dragging: false,
        ...keepExisting(previous),
      });
    },

    redo() {
      const { doc, past, future, revision } = get();
      const next = future[0];
      if (!doc || !next) return;
      set({
        doc: next,
        past: [...past, doc].slice(-historyLimit),
        future: future.slice(1),
        revision: revision + 1,
        lastEdit: null,
        dragging: false,
        ...keepExisting(next),
      });
    },

    copySelected() {
      const { doc, selectedNodes } = get();
      const clipboard = doc ? copyElements(doc, selectedNodes) : null;
      if (clipboard) set({ clipboard });
    },

    paste() {
      const { doc, clipboard } = get();
      if (!doc || !clipboard) return [];
      const result = pasteElements(doc, clipboard);
      if (result.pasted.length === 0) return [];
      commit(result.doc, { clipboard: result.clipboard, selectedNodes: result.pasted, selectedEdges: [] });
      return result.pasted;
    },

    applyNodeChanges(changes) {
      const state = get();
      if (!state.doc) return;
      let moved: Map<string, Point> | undefined;
      let selection: Set<string> | undefined;
      let sizes: Record<string, Size> | undefined;
      let dragGoingOn = false;
      for (const change of changes) {
        if (change.type === 'position') {
          if (change.position) (moved ??= new Map()).set(change.id, change.position);
          dragGoingOn ||= change.dragging === true;
        } else if (change.type === 'select') {
          selection ??= new Set(state.selectedNodes);
          if (change.selected) selection.add(change.id);
          else selection.delete(change.id);
        } else if (change.type === 'dimensions' && change.dimensions) {
          const { width, height } = change.dimensions;
          const known = (sizes ?? state.sizes)[change.id];
          if (known?.width !== width || known.height !== height) {
            sizes ??= { ...state.sizes };
            sizes[change.id] = { width, height };
          }
        }
        // 'add', 'remove' and 'replace' are not taken from React Flow: nodes come and go through
        // addNode/paste/removeSelected, which check the flow's rules and record history.
      }
      const patch: Partial<FlowState> = {};
      if (selection) {
        patch.selectedNodes = [...selection];
        patch.lastEdit = null;
      }
      if (sizes) patch.sizes = sizes;
      const doc = moved ? moveNodes(state.doc, moved) : state.doc;
      if (doc !== state.doc) {
        // One history entry per drag: the document as it was before the first moved pixel.
        if (!state.dragging) {
          patch.past = [...state.past, state.doc].slice(-historyLimit);
          patch.future = [];
        }
        patch.doc = doc;
        patch.revision = state.revision + 1;
        patch.lastEdit = null;
        patch.dragging = dragGoingOn;
      } else if (!dragGoingOn && state.dragging && moved) {
        patch.dragging = false;
      }
      if (Object.keys(patch).length > 0) set(patch);
    },

    applyEdgeChanges(changes) {
      const { selectedEdges } = get();
      let selection: Set<string> | undefined;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        selection ??= new Set(selectedEdges);
        if (change.selected) selection.add(change.id);
        else selection.delete(change.id);
      }
      if (selection) set({ selectedEdges: [...selection], lastEdit: null });
    },

    async autoLayout(catalog = []) {
      const { doc, loadCount, sizes, layingOut } = get();
      if (!doc || doc.nodes.length === 0 || layingOut) return;
      const entries = new Map(catalog.map((c) => [`${c.type}@${c.version}`, c]));
      set({ layingOut: true });
      try {
        const positions = await layoutFlow(doc, {
          sizes,
          portsOf: (node) => nodePorts(entries.get(`${node.type}@${node.version}`), node.config),
          summaryLinesOf: (node) =>
            nodeSummary(entries.get(`${node.type}@${node.version}`), node.config, 'en').length,
        });
        const current = get().doc;
        // A document opened while ELK worked is not the one it laid out.
        if (!current || get().loadCount !== loadCount) return;
        const next = moveNodes(current, positions);
        if (next !== current) commit(next);
      } finally {
        set({ layingOut: false });
      }
    },

    setViewCentre(point) {
      set({ viewCentre: point });
    },

    focusNode(id) {
      if (!get().doc?.nodes.some((n) => n.id === id)) return;
      set({
        selectedNodes: [id],
        selectedEdges: [],
        focusRequest: { id, n: (get().focusRequest?.n ?? 0) + 1 },
      });
    },
  };
});

/** Whether the flow has its trigger (or a node of this trigger type: old drafts may lack `trigger`). */
function hasTrigger(doc: FlowDocument, type: string): boolean {
  const trigger = doc.trigger?.node;
  return doc.nodes.some((n) => n.id === trigger || n.type === type);
}

/** The same document when nothing actually moved, so callers can skip a history entry. */
function moveNodes(doc: FlowDocument, positions: ReadonlyMap<string, Point>): FlowDocument {
  let changed = false;
  const nodes = doc.nodes.map((node) => {
    const to = positions.get(node.id);
    if (!to || (to.x === node.position.x && to.y === node.position.y)) return node;
    changed = true;
    return { ...node, position: { x: to.x, y: to.y } };
  });
  return changed ? { ...doc, nodes } : doc;
}

/** Nudges a new node off another one at the same spot (adding twice at the view centre). */
function freeSpot(doc: FlowDocument, position: Point): Point {
  const step = 32;
  let spot = { x: Math.round(position.x), y: Math.round(position.y) };
  for (let i = 0; i < 50; i++) {
    const occupied = doc.nodes.some(
      (n) => Math.abs(n.position.x - spot.x) < step / 2 && Math.abs(n.position.y - spot.y) < step / 2,
    );
    if (!occupied) break;
    spot = { x: spot.x + step, y: spot.y + step };
  }
  return spot;
}
