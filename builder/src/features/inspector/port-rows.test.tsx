// @vitest-environment happy-dom
import catalogJson from '@omniflow/nodes/catalog.json';
import type { NodeCategory } from '@omniflow/nodes/sdk';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogEntry, FlowDocument } from '../../api/types.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { useFlowStore } from '../canvas/flow-store.ts';
import { InspectorPanel } from './inspector-panel.tsx';

const categories: readonly string[] = ['flow', 'logic', 'http', 'messaging', 'voice', 'email', 'data'];
const isCategory = (value: string): value is NodeCategory => categories.includes(value);
function entryOf(type: string): CatalogEntry {
  const entry = catalogJson.find((e) => e.type === type);
  if (!entry || !isCategory(entry.category)) throw new Error(`No ${type} in nodes/catalog.json`);
  return { ...entry, category: entry.category };
}

function flowWith(type: string, config: Record<string, unknown>, wiredPorts: string[] = []): FlowDocument {
  return {
    schemaVersion: 1,
    name: 'Test',
    description: '',
    nodes: [
      { id: 'n1', type, version: 1, config, position: { x: 0, y: 0 } },
      { id: 'end', type: 'flow.end', version: 1, config: {}, position: { x: 300, y: 0 } },
    ],
    edges: wiredPorts.map((port, i) => ({ id: `e${i}`, from: { node: 'n1', port }, to: { node: 'end' } })),
    variables: [],
  };
}

function Harness({ type }: { type: string }) {
  const node = useFlowStore((s) => s.doc?.nodes.find((n) => n.id === 'n1'));
  if (!node) return null;
  return (
    <InspectorPanel
      entry={entryOf(type)}
      node={node}
      issues={[]}
      variables={[]}
      onConfigChange={(config) => useFlowStore.getState().updateConfig('n1', config)}
      onLabelChange={() => {}}
    />
  );
}

const rows = (name: string) => within(screen.getByRole('group', { name }));
const configOf = () => useFlowStore.getState().doc?.nodes.find((n) => n.id === 'n1')?.config;

beforeEach(() => useLocale.getState().setLocale('es'));
afterEach(cleanup);

describe('port rows (menu options, split branches)', () => {
  it('makes a new option’s port id from its label, with the id out of sight', async () => {
    useFlowStore.getState().load(flowWith('voice.menu', { prompt: 'Hola', options: [] }));
    const user = userEvent.setup();
    render(<Harness type="voice.menu" />);
    await user.click(screen.getByRole('button', { name: 'Añadir fila a Opciones' }));
    await user.type(rows('Opciones').getByRole('textbox', { name: /^Tecla/ }), '1');
    await user.type(rows('Opciones').getByRole('textbox', { name: /^Etiqueta$/ }), 'Atención al cliente');
    expect(configOf()?.options).toEqual([
      { digit: '1', id: 'atencion-al-cliente', label: 'Atención al cliente' },
    ]);
    // The id sits in a closed "Avanzado" section; nobody is asked for it.
    const advanced = screen.getByText('Avanzado').closest('details')!;
    expect(advanced.open).toBe(false);
    expect(within(advanced).getByRole('textbox', { name: /Id del puerto/ })).toBeTruthy();
    expect(screen.queryByText('Este campo es obligatorio')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Añadir fila a Opciones' }));
    const labels = rows('Opciones').getAllByRole('textbox', { name: /^Etiqueta$/ });
    await user.type(labels[1]!, 'Atención al cliente');
    const options = configOf()?.options as { id: string }[];
    expect(options.map((o) => o.id)).toEqual(['atencion-al-cliente', 'atencion-al-cliente-2']);
  });

  it('keeps the id of an option an edge already leaves by', async () => {
    useFlowStore
      .getState()
      .load(
        flowWith('voice.menu', { prompt: 'Hola', options: [{ digit: '1', id: 'ventas', label: 'Ventas' }] }, [
          'ventas',
        ]),
      );
    const user = userEvent.setup();
    render(<Harness type="voice.menu" />);
    const label = rows('Opciones').getByRole('textbox', { name: /^Etiqueta$/ });
    await user.clear(label);
    await user.type(label, 'Comercial');
    expect(configOf()?.options).toEqual([{ digit: '1', id: 'ventas', label: 'Comercial' }]);
  });

  it('never takes a port the node has of its own, and opens "Advanced" when the id has a problem', async () => {
    useFlowStore.getState().load(flowWith('logic.split', { branches: [] }));
    const user = userEvent.setup();
    render(<Harness type="logic.split" />);
    await user.click(screen.getByRole('button', { name: 'Añadir fila a Ramas' }));
    await user.type(rows('Ramas').getAllByRole('textbox', { name: /^Etiqueta$/ })[0]!, 'Else');
    const [branch] = configOf()?.branches as { id: string }[];
    expect(branch?.id).toBe('else-2');
    cleanup();
    render(
      <InspectorPanel
        entry={entryOf('logic.split')}
        node={{
          id: 'n1',
          type: 'logic.split',
          version: 1,
          config: { branches: [{ id: 'x y', label: 'A' }] },
          position: { x: 0, y: 0 },
        }}
        issues={[
          {
            code: 'NODE_CONFIG_INVALID',
            severity: 'error',
            nodeId: 'n1',
            path: ['branches', 0, 'id'],
            message: 'A branch id has only letters, digits, - and _',
          },
        ]}
        variables={[]}
        onConfigChange={() => {}}
        onLabelChange={() => {}}
      />,
    );
    expect(screen.getByText('Avanzado').closest('details')!.open).toBe(true);
  });
});

describe('answer ids (an ask’s options, a message’s buttons)', () => {
  it('makes an option’s id from its button text, out of sight under "Avanzado"', async () => {
    useFlowStore.getState().load(flowWith('message.ask', { question: '¿Qué día?', choices: [] }));
    const user = userEvent.setup();
    render(<Harness type="message.ask" />);
    await user.click(screen.getByRole('button', { name: 'Añadir fila a Opciones' }));
    await user.type(
      rows('Opciones').getByRole('textbox', { name: /^Texto del botón/ }),
      'Mañana por la tarde',
    );
    expect(configOf()?.choices).toEqual([{ id: 'manana-por-la-tarde', title: 'Mañana por la tarde' }]);
    const advanced = screen.getByText('Avanzado').closest('details')!;
    expect(advanced.open).toBe(false);
    expect(within(advanced).getByRole('textbox', { name: /^Id \(se guarda como respuesta\)/ })).toBeTruthy();
    expect(within(advanced).getByText(/es lo que se guarda como respuesta/)).toBeTruthy();
    expect(screen.queryByText('Este campo es obligatorio')).toBeNull();

    // Two options with the same text still save different answers.
    await user.click(screen.getByRole('button', { name: 'Añadir fila a Opciones' }));
    await user.type(
      rows('Opciones').getAllByRole('textbox', { name: /^Texto del botón/ })[1]!,
      'Mañana por la tarde',
    );
    const choices = configOf()?.choices as { id: string }[];
    expect(choices.map((c) => c.id)).toEqual(['manana-por-la-tarde', 'manana-por-la-tarde-2']);
  });

  it('keeps an id someone wrote when the text changes, and does the same for a message’s buttons', async () => {
    useFlowStore
      .getState()
      .load(
        flowWith('message.ask', { question: '¿Confirmas?', choices: [{ id: 'confirmado', title: 'Vale' }] }),
      );
    const user = userEvent.setup();
    render(<Harness type="message.ask" />);
    const title = rows('Opciones').getByRole('textbox', { name: /^Texto del botón/ });
    await user.clear(title);
    await user.type(title, 'Sí, confirmo');
    expect(configOf()?.choices).toEqual([{ id: 'confirmado', title: 'Sí, confirmo' }]);
    cleanup();

    useFlowStore.getState().load(flowWith('message.send', { text: 'Hola', buttons: [] }));
    render(<Harness type="message.send" />);
    await user.click(screen.getByRole('button', { name: 'Añadir fila a Botones' }));
    await user.type(rows('Botones').getByRole('textbox', { name: /^Texto del botón/ }), 'Ver pedido');
    expect(configOf()?.buttons).toEqual([{ id: 'ver-pedido', title: 'Ver pedido' }]);
  });
});
