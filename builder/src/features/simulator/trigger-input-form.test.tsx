// @vitest-environment happy-dom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FlowDocument } from '../../api/types.ts';
import { stubApi } from '../../api/test-api.ts';
import { useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { declaredInputs } from './declared-inputs.ts';
import { SimulatorPanel } from './simulator-panel.tsx';

const settle = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));

const startFlow = (inputs?: unknown): FlowDocument => ({
  schemaVersion: 1,
  name: 'Alta',
  description: '',
  trigger: { node: 'start' },
  nodes: [
    {
      id: 'start',
      type: 'flow.start',
      version: 1,
      config: inputs === undefined ? {} : { inputs },
      position: { x: 0, y: 0 },
    },
  ],
  edges: [],
  variables: [],
});

const declared = [
  { label: 'Nombre del cliente', name: 'name', type: 'text' },
  { label: 'Edad', name: 'age', type: 'number' },
  { label: 'Es socio', name: 'member', type: 'boolean' },
];

useComponentTestHooks();

describe('the test run’s inputs', () => {
  it('asks for each declared input by its label and sends them typed, with no JSON in sight', async () => {
    const api = stubApi({
      'POST /flows/f1/test-runs': () => ({ id: 'run-1', version: 0, status: 'running' }),
      'GET /runs/run-1': () => ({
        id: 'run-1',
        status: 'completed',
        currentNodes: [],
        steps: [],
        output: null,
        error: null,
      }),
    });
    render(
      <SimulatorPanel flowId="f1" doc={startFlow(declared)} beforeRun={async () => {}} onPath={() => {}} />,
    );
    fireEvent.change(screen.getByRole('textbox', { name: 'Nombre del cliente' }), {
      target: { value: 'Ana' },
    });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Edad' }), { target: { value: '42' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Es socio' }));
    // The raw JSON box is there for experts, folded away.
    expect(screen.getByText('Trigger input (JSON)').closest('details')?.open).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Run the draft' }));
    await settle();
    expect(api.callsTo('POST /flows/f1/test-runs')[0]?.body).toEqual({
      input: { name: 'Ana', age: 42, member: true },
    });
  });

  it('says where to declare inputs when the start has none', () => {
    render(<SimulatorPanel flowId="f1" doc={startFlow()} beforeRun={async () => {}} onPath={() => {}} />);
    expect(screen.getByText(/The start takes no inputs/)).toBeTruthy();
  });

  it('still refuses advanced JSON that is not an object, without starting a run', async () => {
    const api = stubApi({});
    render(
      <SimulatorPanel flowId="f1" doc={startFlow(declared)} beforeRun={async () => {}} onPath={() => {}} />,
    );
    fireEvent.change(screen.getByRole('textbox', { name: 'Trigger input (JSON)' }), {
      target: { value: '[1' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Run the draft' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('The input must be a JSON object');
    expect(api.callsTo('POST /flows/f1/test-runs')).toHaveLength(0);
  });

  it('reads only well-formed declarations, and none from a trigger that is not the start', () => {
    expect(
      declaredInputs(startFlow([{ label: '', name: 'x', type: 'weird' }, { label: 'No name' }, 'junk'])),
    ).toEqual([{ name: 'x', label: 'x', type: 'text', required: false }]);
    const call: FlowDocument = {
      ...startFlow(),
      trigger: { node: 'in' },
      nodes: [{ id: 'in', type: 'voice.inbound-call', version: 1, config: {}, position: { x: 0, y: 0 } }],
    };
    expect(declaredInputs(call)).toBeUndefined();
  });

  const required = [
    { label: 'Nombre del cliente', name: 'name', type: 'text', required: true },
    { label: 'Edad', name: 'age', type: 'number', required: true },
    { label: 'Apodo', name: 'nick', type: 'text' },
    { label: 'Es socio', name: 'member', type: 'boolean', required: true },
  ];
  const ended = () => ({
    id: 'run-1',
    status: 'completed',
    currentNodes: [],
    steps: [],
    output: null,
    error: null,
  });

  it('marks the required inputs, for the eye and for a screen reader', () => {
    render(
      <SimulatorPanel flowId="f1" doc={startFlow(required)} beforeRun={async () => {}} onPath={() => {}} />,
    );
    const name = screen.getByRole('textbox', { name: 'Nombre del cliente' });
    expect(name.getAttribute('aria-required')).toBe('true');
    expect((name as HTMLInputElement).required).toBe(true);
    expect(screen.getByRole('spinbutton', { name: 'Edad' }).getAttribute('aria-required')).toBe('true');
    const nick = screen.getByRole('textbox', { name: 'Apodo' });
    expect(nick.getAttribute('aria-required')).toBeNull();
    expect(name.closest('label')?.textContent).toBe('Nombre del cliente*');
    expect(nick.closest('label')?.textContent).toBe('Apodo');
    expect(screen.getByText('* marks what the run must be given')).toBeTruthy();
  });

  it('refuses to start while a required input is empty, naming it by its label, and starts once filled', async () => {
    const api = stubApi({
      'POST /flows/f1/test-runs': () => ({ id: 'run-1', version: 0, status: 'running' }),
      'GET /runs/run-1': ended,
    });
    render(
      <SimulatorPanel flowId="f1" doc={startFlow(required)} beforeRun={async () => {}} onPath={() => {}} />,
    );
    const name = screen.getByRole('textbox', { name: 'Nombre del cliente' });
    // Blank text is as good as nothing.
    fireEvent.change(name, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run the draft' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe(
      'Fill in what the run must be given before running it: Nombre del cliente, Edad',
    );
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(api.callsTo('POST /flows/f1/test-runs')).toHaveLength(0);

    fireEvent.change(name, { target: { value: 'Ana' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run the draft' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe(
      'Fill in what the run must be given before running it: Edad',
    );
    expect(name.getAttribute('aria-invalid')).toBeNull();
    expect(api.callsTo('POST /flows/f1/test-runs')).toHaveLength(0);

    fireEvent.change(screen.getByRole('spinbutton', { name: 'Edad' }), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run the draft' }));
    await settle();
    expect(screen.queryByRole('alert')).toBeNull();
    // An unticked required yes/no is its "no"; an optional input left empty is not sent.
    expect(api.callsTo('POST /flows/f1/test-runs')[0]?.body).toEqual({
      input: { name: 'Ana', age: 0, member: false },
    });
  });

  it('takes a required input given in the advanced JSON instead', async () => {
    const api = stubApi({
      'POST /flows/f1/test-runs': () => ({ id: 'run-1', version: 0, status: 'running' }),
      'GET /runs/run-1': ended,
    });
    render(
      <SimulatorPanel flowId="f1" doc={startFlow(required)} beforeRun={async () => {}} onPath={() => {}} />,
    );
    fireEvent.change(screen.getByRole('textbox', { name: 'Trigger input (JSON)' }), {
      target: { value: '{"name": "Luis", "age": 30}' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Run the draft' }));
    await settle();
    expect(api.callsTo('POST /flows/f1/test-runs')[0]?.body).toEqual({
      input: { name: 'Luis', age: 30, member: false },
    });
  });

  it('says what is missing in Spanish to a Spanish designer', async () => {
    useLocale.getState().setLocale('es');
    const api = stubApi({});
    render(
      <SimulatorPanel flowId="f1" doc={startFlow(required)} beforeRun={async () => {}} onPath={() => {}} />,
    );
    expect(screen.getByText('* indica lo que la ejecución debe recibir')).toBeTruthy();
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Edad' }), { target: { value: '42' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ejecutar el borrador' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe(
      'Rellena lo que la ejecución debe recibir antes de ejecutarla: Nombre del cliente',
    );
    expect(api.callsTo('POST /flows/f1/test-runs')).toHaveLength(0);
  });
});
