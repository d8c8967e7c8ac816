// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument, ValidationIssue } from '../../api/types.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { useTechnicalDetails } from '../inspector/use-technical-details.ts';
import { createElementConverter } from './flow-elements.ts';
import { nodeTypes } from './flow-node.tsx';
import { NodeBadgeLink } from './node-badge-link.ts';
import { testCatalog } from './test-catalog.ts';
import type { NodeBadges, RunHighlight } from './types.ts';

const doc: FlowDocument = {
  schemaVersion: 1,
  name: 'Nodes',
  description: '',
  trigger: { node: 'start' },
  nodes: [
    { id: 'start', type: 'flow.start', version: 1, config: {}, position: { x: 0, y: 0 } },
    {
      id: 'split1',
      type: 'logic.split',
      version: 1,
      config: { branches: [{ id: 'vip' }, { id: 'regular' }] },
      position: { x: 300, y: 0 },
      label: 'Customer kind',
    },
    { id: 'call', type: 'logic.wait-for-event', version: 1, config: {}, position: { x: 600, y: 0 } },
  ],
  edges: [{ id: 'e1', from: { node: 'call', port: 'received' }, to: { node: 'split1' } }],
  variables: [],
};

const labelledDoc: FlowDocument = {
  ...doc,
  nodes: [
    doc.nodes[0]!,
    {
      id: 'menu',
      type: 'voice.menu',
      version: 1,
      config: {
        prompt: 'Pulse 1 o 2',
        options: [
          { digit: '1', id: 'ventas-y-pedidos', label: 'Ventas y pedidos' },
          { digit: '2', id: 'soporte', label: '  Soporte técnico ' },
          { digit: '3', id: 'sin-etiqueta' },
        ],
      },
      position: { x: 300, y: 0 },
      label: 'Main menu',
    },
    {
      id: 'split2',
      type: 'logic.split',
      version: 1,
      config: {
        branches: [{ id: 'vip', label: 'Clientes VIP' }, { id: 'regular', label: ' ' }, { label: 'Sin id' }],
      },
      position: { x: 600, y: 0 },
    },
  ],
  edges: [],
};

function renderCanvas(
  issues: ValidationIssue[] = [],
  highlight?: RunHighlight,
  badges?: NodeBadges,
  badgeHref?: (nodeId: string) => string,
  shown: FlowDocument = doc,
) {
  const nodes = createElementConverter().toNodes({
    doc: shown,
    catalog: testCatalog,
    issues,
    highlight,
    selected: [],
    sizes: {},
    badges,
  });
  return render(
    <div style={{ width: 1000, height: 600 }}>
      <NodeBadgeLink value={badgeHref ?? null}>
        <ReactFlowProvider>
          <ReactFlow nodes={nodes} edges={[]} nodeTypes={nodeTypes} />
        </ReactFlowProvider>
      </NodeBadgeLink>
    </div>,
  );
}

const nodeElement = (id: string) => screen.getByTestId(`rf__node-${id}`);

beforeEach(() => useLocale.getState().setLocale('en'));
afterEach(cleanup);

describe('FlowNode', () => {
  it('shows the localized title, the label and id, and one named handle per port', () => {
    renderCanvas();
    const split = nodeElement('split1');
    expect(split.textContent).toContain('Split');
    expect(split.textContent).toContain('Customer kind');
    expect(split.textContent).not.toContain('split1');
    act(() => useTechnicalDetails.getState().setShown(true));
    expect(split.textContent).toContain('Customer kind · split1');
    act(() => useTechnicalDetails.getState().setShown(false));
    expect(screen.getByLabelText('Input of Customer kind')).toBeTruthy();
    for (const port of ['vip', 'regular', 'else']) {
      expect(screen.getByLabelText(`Output “${port}” of Customer kind`)).toBeTruthy();
    }
    expect(split.querySelectorAll('.react-flow__handle.source')).toHaveLength(3);
    expect([...split.querySelectorAll('[data-port]')].map((row) => row.textContent)).toEqual([
      'vip',
      'regular',
      'else',
    ]);
  });

  it('names a menu’s option ports by the labels the designer typed, ids only in technical details', () => {
    renderCanvas([], undefined, undefined, undefined, labelledDoc);
    const menu = nodeElement('menu');
    const rows = () => [...menu.querySelectorAll('[data-port]')].map((row) => row.textContent);
    expect(rows()).toEqual(['Ventas y pedidos', 'Soporte técnico', 'sin-etiqueta', 'timeout', 'invalid']);
    expect(screen.getByLabelText('Output “Ventas y pedidos” of Main menu')).toBeTruthy();
    // The handle keeps the id: edges and the engine go by it.
    expect(menu.querySelector('.react-flow__handle.source[data-handleid="ventas-y-pedidos"]')).toBeTruthy();
    expect(menu.textContent).not.toContain('ventas-y-pedidos');
    act(() => useLocale.getState().setLocale('es'));
    expect(rows()).toEqual([
      'Ventas y pedidos',
      'Soporte técnico',
      'sin-etiqueta',
      'tiempo agotado',
      'no válida',
    ]);
    act(() => useTechnicalDetails.getState().setShown(true));
    expect(rows()).toEqual([
      'Ventas y pedidosventas-y-pedidos',
      'Soporte técnicosoporte',
      'sin-etiqueta',
      'tiempo agotado',
      'no válida',
    ]);
    act(() => useTechnicalDetails.getState().setShown(false));
  });

  it('names a split’s branch ports by their labels, and a half-edited row by nothing it cannot trust', () => {
    renderCanvas([], undefined, undefined, undefined, labelledDoc);
    const rows = [...nodeElement('split2').querySelectorAll('[data-port]')].map((row) => row.textContent);
    // A blank label falls back to the id; a row without an id draws no port at all.
    expect(rows).toEqual(['Clientes VIP', 'regular', 'else']);
  });

  it('gives a trigger node outputs but no input', () => {
    renderCanvas();
    expect(screen.queryByLabelText('Input of start')).toBeNull();
    expect(screen.getByLabelText('Output “next” of start')).toBeTruthy();
  });

  it('names the built-in ports in the designer’s language', () => {
    renderCanvas();
    act(() => useLocale.getState().setLocale('es'));
    expect(nodeElement('split1').textContent).toContain('Bifurcación');
    expect(screen.getByLabelText('Salida «si no» de Customer kind')).toBeTruthy();
    expect(screen.getByLabelText('Salida «vip» de Customer kind')).toBeTruthy();
  });

  it('marks a required port that is not wired', () => {
    renderCanvas();
    const call = nodeElement('call');
    const failed = call.querySelector('[data-port="timeout"]')!;
    const success = call.querySelector('[data-port="received"]')!;
    expect(failed.textContent).toContain('Required: connect this port');
    expect(success.textContent).not.toContain('Required');
  });

  it('shows its validation problems: red, counted, described and aria-invalid', () => {
    renderCanvas([
      {
        code: 'REQUIRED_PORT_UNWIRED',
        severity: 'error',
        nodeId: 'call',
        message: 'Connect the "timeout" port',
        params: { node: 'Incoming call', nodeEs: 'Llamada entrante', port: 'timeout' },
      },
      { code: 'NODE_CONFIG_INVALID', severity: 'error', nodeId: 'call', message: 'url: Required' },
      { code: 'UNREACHABLE_NODE', severity: 'error', nodeId: 'split1', message: 'Never reached' },
    ]);
    const card = nodeElement('call').firstElementChild!;
    expect(card.getAttribute('aria-invalid')).toBe('true');
    // In the reader's words where the catalog has a sentence, else the server's message.
    expect(card.getAttribute('title')).toBe(
      'Connect the exit “timeout” of “Incoming call”: say what happens then\nurl: Required',
    );
    expect(card.textContent).toContain('2 problem(s)');
    expect(card.className).toContain('ring-red-500');
    expect(nodeElement('start').firstElementChild!.getAttribute('aria-invalid')).toBeNull();
  });

  it('lights up when a run went through it', () => {
    renderCanvas([], { nodes: ['start'], edges: [] });
    expect(nodeElement('start').firstElementChild!.getAttribute('data-highlighted')).toBe('true');
    expect(nodeElement('start').textContent).toContain('Taken by the run');
    expect(nodeElement('call').firstElementChild!.getAttribute('data-highlighted')).toBeNull();
  });

  it('marks where a run failed and where it is now', () => {
    renderCanvas([], {
      nodes: ['start', 'call', 'split1'],
      edges: [],
      failed: ['call'],
      current: ['split1'],
    });
    const call = nodeElement('call').firstElementChild!;
    expect(call.getAttribute('data-run-mark')).toBe('failed');
    expect(call.className).toContain('ring-red-500');
    expect(call.textContent).toContain('The run failed here');
    expect(nodeElement('split1').firstElementChild!.getAttribute('data-run-mark')).toBe('current');
    expect(nodeElement('split1').textContent).toContain('The run is here now');
    expect(nodeElement('start').firstElementChild!.getAttribute('data-run-mark')).toBeNull();
  });

  it('shows how many runs are at a node as a badge linking to them', () => {
    renderCanvas([], undefined, { split1: 7, call: 0 }, (id) => `#/flows/f1/runs?node=${id}`);
    // Nodes React Flow has not measured are hidden from roles in happy-dom: query by label.
    const badge = screen.getByLabelText('7 run(s) here now: show them');
    expect(badge.tagName).toBe('A');
    expect(badge.textContent).toBe('7');
    expect(badge.getAttribute('href')).toBe('#/flows/f1/runs?node=split1');
    expect(nodeElement('split1').contains(badge)).toBe(true);
    expect(screen.getAllByTestId('inflight-badge')).toHaveLength(1);
  });

  it('shows a badge that is not a link when the canvas gives no destination', () => {
    renderCanvas([], undefined, { start: 2 });
    const badge = screen.getByTestId('inflight-badge');
    expect(badge.tagName).toBe('SPAN');
    expect(nodeElement('start').contains(badge)).toBe(true);
    expect(badge.textContent).toContain('2 run(s) here now');
  });
});
