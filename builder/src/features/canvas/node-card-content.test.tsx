// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../api/types.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { createElementConverter } from './flow-elements.ts';
import { nodeTypes } from './flow-node.tsx';
import { nodeSize, rowHandleTopPx } from './node-geometry.ts';
import { testCatalog } from './test-catalog.ts';

// The card of a node shows its content (node-summary.ts) between its header and its ports, and
// its ports' handles sit lower by as much.
const doc: FlowDocument = {
  schemaVersion: 1,
  name: 'Cards',
  description: '',
  trigger: { node: 'call' },
  nodes: [
    {
      id: 'call',
      type: 'voice.inbound-call',
      version: 1,
      config: { numbers: ['1000'] },
      position: { x: 0, y: 0 },
    },
    {
      id: 'menu',
      type: 'voice.menu',
      version: 1,
      config: {
        prompt: 'Pulse 1 para ventas, 2 para soporte',
        options: [
          { digit: '1', id: 'sales', label: 'Ventas' },
          { digit: '2', id: 'support', label: 'Soporte' },
        ],
      },
      position: { x: 300, y: 0 },
    },
    { id: 'wait', type: 'logic.wait', version: 1, config: { duration: 'PT5M' }, position: { x: 600, y: 0 } },
    { id: 'bye', type: 'voice.hangup', version: 1, config: {}, position: { x: 900, y: 0 } },
  ],
  edges: [],
  variables: [],
};

function toNodes() {
  return createElementConverter().toNodes({
    doc,
    catalog: testCatalog,
    issues: [],
    highlight: undefined,
    selected: [],
    sizes: {},
  });
}

function renderCanvas() {
  return render(
    <div style={{ width: 1400, height: 600 }}>
      <ReactFlowProvider>
        <ReactFlow nodes={toNodes()} edges={[]} nodeTypes={nodeTypes} />
      </ReactFlowProvider>
    </div>,
  );
}

const summaryOf = (id: string) =>
  [...screen.getByTestId(`rf__node-${id}`).querySelectorAll('[data-node-summary] li')].map(
    (li) => li.textContent,
  );

beforeEach(() => useLocale.getState().setLocale('es'));
afterEach(cleanup);

describe('a node card shows its content', () => {
  it('reads the menu, the wait and the number without the inspector, in Spanish', () => {
    renderCanvas();
    expect(summaryOf('menu')).toEqual(['Pulse 1 para ventas, 2 para soporte', '1 · Ventas', '2 · Soporte']);
    expect(summaryOf('wait')).toEqual(['Espera: 5 minutos']);
    expect(summaryOf('call')).toEqual(['Números: 1000']);
    // Nothing to say: no empty block either.
    expect(screen.getByTestId('rf__node-bye').querySelector('[data-node-summary]')).toBeNull();
    // The full text is in the tooltip when the line is cut.
    expect(screen.getByTitle('Pulse 1 para ventas, 2 para soporte')).toBeTruthy();
  });

  it('follows the language', () => {
    renderCanvas();
    act(() => useLocale.getState().setLocale('en'));
    expect(summaryOf('wait')).toEqual(['Waits: 5 minutes']);
    expect(summaryOf('call')).toEqual(['Numbers: 1000']);
  });

  it('is taller by its lines, and its port handles sit below them', () => {
    const menu = toNodes().find((n) => n.id === 'menu')!;
    expect(menu.data.summaryLines).toBe(3);
    expect(menu.measured).toEqual(nodeSize(4, 3));
    expect(nodeSize(4, 3).height - nodeSize(4, 0).height).toBe(3 * 16 + 8);
    const sales = menu.handles!.find((h) => h.id === 'sales')!;
    expect(sales.y).toBe(2 + rowHandleTopPx(0, 3) - 6);
    expect(rowHandleTopPx(0, 3) - rowHandleTopPx(0, 0)).toBe(3 * 16 + 8);
  });

  it('places each drawn handle where the geometry says', () => {
    renderCanvas();
    const handle = screen
      .getByTestId('rf__node-menu')
      .querySelector<HTMLElement>('[data-handleid="support"]')!;
    expect(handle.style.top).toBe(`${rowHandleTopPx(1, 3)}px`);
  });
});
