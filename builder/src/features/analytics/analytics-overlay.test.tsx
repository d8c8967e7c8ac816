// @vitest-environment happy-dom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FlowAnalytics, FlowDocument } from '../../api/types.ts';
import { openEditor, setUpEditorTests, settle, stubEditor } from '../editor/test-editor.tsx';
import { apiError } from '../../api/test-api.ts';

const ivr: FlowDocument = {
  schemaVersion: 1,
  name: 'Central',
  description: '',
  trigger: { node: 'call' },
  nodes: [
    {
      id: 'call',
      type: 'voice.inbound-call',
      version: 1,
      config: { numbers: ['+34910000000'] },
      position: { x: 0, y: 0 },
    },
    {
      id: 'menu',
      type: 'voice.menu',
      version: 1,
      config: {
        prompt: 'Pulse 1 o 2',
        options: [
          { digit: '1', id: 'sales', label: 'Ventas' },
          { digit: '2', id: 'support', label: 'Soporte' },
        ],
      },
      position: { x: 300, y: 0 },
      label: 'Menú principal',
    },
    {
      id: 'sales',
      type: 'voice.say',
      version: 1,
      config: { text: 'Ventas' },
      position: { x: 600, y: -100 },
      label: 'Ventas',
    },
    {
      id: 'support',
      type: 'voice.say',
      version: 1,
      config: { text: 'Soporte' },
      position: { x: 600, y: 100 },
      label: 'Soporte',
    },
  ],
  edges: [
    { id: 'e1', from: { node: 'call', port: 'next' }, to: { node: 'menu' } },
    { id: 'e2', from: { node: 'menu', port: 'sales' }, to: { node: 'sales' } },
    { id: 'e3', from: { node: 'menu', port: 'support' }, to: { node: 'support' } },
  ],
  variables: [],
};

const node = (
  nodeId: string,
  rest: Partial<FlowAnalytics['nodes'][number]>,
): FlowAnalytics['nodes'][number] => ({
  nodeId,
  nodeType: '',
  entered: 0,
  visits: 0,
  avgSeconds: null,
  ended: 0,
  abandoned: 0,
  failed: 0,
  cancelled: 0,
  inProgress: 0,
  ports: [],
  delivery: null,
  ...rest,
});

const figures = (version: number | null, scale: number): FlowAnalytics => ({
  flowId: 'f1',
  version,
  from: '2026-05-01T00:00:00.000Z',
  to: '2026-05-08T00:00:00.000Z',
  graphVersion: 2,
  runs: {
    total: 1234 * scale,
    completed: 1200 * scale,
    failed: 0,
    abandoned: 12 * scale,
    cancelled: 0,
    inProgress: 22 * scale,
  },
  nodes: [
    node('call', { entered: 1234 * scale, avgSeconds: 1, ports: [{ port: 'next', count: 1234 * scale }] }),
    node('menu', {
      entered: 1234 * scale,
      abandoned: 12 * scale,
      avgSeconds: 8,
      ports: [
        { port: 'sales', count: 1000 * scale },
        { port: 'support', count: 200 * scale },
      ],
    }),
    node('sales', {
      entered: 1000 * scale,
      ended: 1000 * scale,
      avgSeconds: 65,
      delivery: { sent: 1000, delivered: 950, read: 700, replied: 120, failed: 50 },
    }),
    node('support', { entered: 200 * scale, ended: 200 * scale, avgSeconds: 2.5 }),
  ],
  menus: [],
  funnels: [
    {
      endNodeId: 'sales',
      stages: [
        { nodeId: 'call', runs: 1234 * scale },
        { nodeId: 'menu', runs: 1234 * scale },
        { nodeId: 'sales', runs: 1000 * scale },
      ],
    },
  ],
});

const versions = {
  'GET /flows/f1/versions': () => ({
    items: [
      { version: 2, notes: '', publishedAt: '2026-05-02T00:00:00Z', hash: 'b' },
      { version: 1, notes: '', publishedAt: '2026-04-01T00:00:00Z', hash: 'a' },
    ],
  }),
};

const captionOf = (id: string) => document.querySelector(`[data-testid="node-analytics"][data-node="${id}"]`);
const portCount = (nodeId: string, port: string) =>
  document.querySelector(
    `.react-flow__node[data-id="${nodeId}"] [data-testid="port-count"][data-port="${port}"]`,
  );
const edgeLabels = () => [...document.querySelectorAll('.react-flow__edge-text')].map((e) => e.textContent);

setUpEditorTests('es');

describe('analytics mode on the canvas', () => {
  it('draws counts on nodes, option counts on menu rows and edge widths, in Spanish', async () => {
    const api = stubEditor(ivr, {
      ...versions,
      'GET /flows/f1/analytics': ({ url }) => figures(url.searchParams.get('version') === '1' ? 1 : null, 1),
    });
    await openEditor();
    expect(captionOf('menu')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Analítica' }));
    await settle();
    expect(captionOf('menu')?.textContent).toBe('1.234 entraron · 12 abandonaron · 8 s de media');
    expect(captionOf('sales')?.textContent).toBe(
      '1.000 entraron · 1 min 5 s de media950 entregados · 700 leídos · 120 respondidos',
    );
    expect(captionOf('support')?.textContent).toBe('200 entraron · 2,5 s de media');
    expect(portCount('menu', 'sales')?.textContent).toBe('1.000');
    expect(portCount('menu', 'support')?.getAttribute('title')).toBe('200 veces');
    const panel = screen.getByTestId('analytics-panel');
    expect(within(panel).getByTestId('analytics-totals').textContent).toBe(
      '1.234 ejecuciones empezaron en el periodo: 1.200 terminadas, 12 abandonadas, 0 fallidas, 22 en curso',
    );
    expect(
      within(panel)
        .getAllByTestId('funnel-stage')
        .map((s) => s.textContent),
    ).toEqual([
      'Llamada entrante: 1.234 (100\u00a0%)',
      'Menú principal: 1.234 (100\u00a0%)',
      'Ventas: 1.000 (81\u00a0%)',
    ]);
    // The busiest port (call → menu, 1.234 runs) draws the widest edge; the others in proportion.
    const width = (id: string) =>
      (
        document.querySelector(
          `.react-flow__edge[data-id="${id}"] path.react-flow__edge-path`,
        ) as SVGElement | null
      )?.style.strokeWidth;
    expect([width('e1'), width('e2'), width('e3')]).toEqual(['12', '10', '3.2']);
    expect(edgeLabels()).toEqual(['1.234', '1.000', '200']);
    const asked = api.callsTo('GET /flows/f1/analytics')[0]!.path;
    expect(asked).toContain('version=all');
    expect(new URL(asked, 'http://x').searchParams.get('from')).toBeTruthy();

    // Choosing version 1 asks for it; the period picker too.
    fireEvent.change(within(panel).getByRole('combobox', { name: 'Versión' }), { target: { value: '1' } });
    await settle();
    expect(api.calls.at(-1)!.path).toContain('version=1');
    fireEvent.change(within(panel).getByRole('combobox', { name: 'Periodo' }), { target: { value: '30' } });
    await settle();
    const last = new URL(api.calls.at(-1)!.path, 'http://x').searchParams;
    expect(Date.parse(last.get('to')!) - Date.parse(last.get('from')!)).toBe(30 * 86_400_000);

    // Leaving analytics mode takes every figure off the canvas.
    fireEvent.click(screen.getByRole('button', { name: 'Analítica' }));
    await settle();
    expect(captionOf('menu')).toBeNull();
    expect(portCount('menu', 'sales')).toBeNull();
  });

  it('compares two versions on one canvas with A and B figures', async () => {
    stubEditor(ivr, {
      ...versions,
      'GET /flows/f1/analytics': ({ url }) =>
        figures(Number(url.searchParams.get('version')), url.searchParams.get('version') === '1' ? 2 : 1),
    });
    await openEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Analítica' }));
    await settle();
    const panel = screen.getByTestId('analytics-panel');
    fireEvent.change(within(panel).getByRole('combobox', { name: 'Versión' }), { target: { value: '2' } });
    fireEvent.click(within(panel).getByRole('checkbox', { name: 'Comparar con otra versión' }));
    await settle();
    expect(within(panel).getByRole('combobox', { name: 'Versión comparada' })).toHaveProperty('value', '1');
    expect(within(panel).getByTestId('analytics-legend').textContent).toBe('A: Versión 2 · B: Versión 1');
    const lines = [...captionOf('menu')!.querySelectorAll('p')].map((p) => p.textContent);
    expect(lines).toEqual([
      'A1.234 entraron · 12 abandonaron · 8 s de media',
      'B2.468 entraron · 24 abandonaron · 8 s de media',
    ]);
    expect(portCount('menu', 'sales')?.textContent).toBe('1.000 | 2.000');
  });

  it('says why when the analytics cannot be read', async () => {
    stubEditor(ivr, {
      ...versions,
      'GET /flows/f1/analytics': () => apiError(403, 'FORBIDDEN', 'Tu rol no puede ver informes y paneles'),
    });
    await openEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Analítica' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe(
      'No se pudo leer la analítica: Tu rol no puede ver informes y paneles',
    );
    expect(captionOf('menu')).toBeNull();
  });
});
