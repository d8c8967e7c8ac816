import { builtinNodes } from '@omniflow/nodes';
import { createNodeRegistry } from '@omniflow/nodes/sdk';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { compileFlow } from '../src/compiler/compile-flow.ts';
import { flowDocumentSchema, type FlowDocument } from '../src/graph/flow-schema.ts';
import { validateFlow } from '../src/graph/validate-flow.ts';
import { hydrateMachine } from '../src/machine/hydrate-machine.ts';
import type { RunContext } from '../src/machine/run-context.ts';

// "Save the answer as variable X" on ask, menu and gather, through the real validator, compiler,
// instruction set and XState's pure reducer (as the workflow runs it).

const registry = createNodeRegistry(builtinNodes);
const runMeta = { id: 'run-1', flowId: 'flow-1', version: 1, startedAt: '2026-01-01T00:00:00.000Z' };

type Wire = [from: string, port: string, to: string];
interface Run {
  machine: AnyStateMachine;
  snapshot: AnyMachineSnapshot;
  context: RunContext;
}

function flow(nodes: unknown[], wires: Wire[], variables: unknown[] = []): FlowDocument {
  return flowDocumentSchema.parse({
    name: 'save-answer',
    nodes,
    edges: wires.map(([from, port, to], i) => ({
      id: `e${i + 1}`,
      from: { node: from, port },
      to: { node: to },
    })),
    variables,
  });
}

function start(doc: FlowDocument, input: unknown): Run {
  expect(validateFlow(doc, registry).errors).toEqual([]);
  const machine = hydrateMachine(compileFlow(doc, registry));
  const [snapshot] = initialTransition(machine, { input, run: runMeta });
  return { machine, snapshot, context: snapshot.context as RunContext };
}

function send(run: Run, event: { type: string; [key: string]: unknown }): Run {
  const [snapshot] = transition(run.machine, run.snapshot, event as never);
  return { machine: run.machine, snapshot, context: snapshot.context as RunContext };
}

const done = (id: string, port: string, output: unknown = {}) => ({
  type: `xstate.done.actor.${id}`,
  output: { port, output },
});
const end = (id: string, output: Record<string, string> = {}) => ({
  id,
  type: 'flow.end',
  config: { output },
});

describe('save the answer as a variable', () => {
  const askFlow = (saveAs: string, expect = 'text') =>
    flow(
      [
        { id: 'hi', type: 'message.inbound', config: { channel: 'sms' } },
        {
          id: 'ask1',
          type: 'message.ask',
          config: { channel: 'sms', question: '¿Cómo te llamas?', expect, maxRetries: 0, saveAs },
        },
        end('done', { greeting: 'Hola {{ vars.name }}' }),
        end('human', { kept: '{{ vars.name }}' }),
        end('late'),
      ],
      [
        ['hi', 'next', 'ask1'],
        ['ask1', 'answered', 'done'],
        ['ask1', 'invalid', 'human'],
        ['ask1', 'timeout', 'late'],
      ],
      [{ name: 'name', type: 'string', default: 'amigo' }],
    );

  it('keeps a question’s answer in vars for every later node', () => {
    let run = start(askFlow('name'), { channel: 'sms', from: '+34600111222', text: 'hola' });
    run = send(run, done('ask1', 'sent'));
    run = send(run, { type: 'message', data: { text: '  Ana ' } });
    expect(run.snapshot.status).toBe('done');
    expect(run.context.vars.name).toBe('Ana');
    expect(run.context.output).toEqual({ greeting: 'Hola Ana' });
  });

  it('leaves the variable as it was when the reply is not a valid answer', () => {
    let run = start(askFlow('name', 'number'), { channel: 'sms', from: '+34600111222', text: 'hola' });
    run = send(run, done('ask1', 'sent'));
    run = send(run, { type: 'message', data: { text: 'no sé' } });
    expect(run.context.vars.name).toBe('amigo');
    expect(run.context.output).toEqual({ kept: 'amigo' });
  });

  it('saves nothing when no variable is named', () => {
    let run = start(askFlow(''), { channel: 'sms', from: '+34600111222', text: 'hola' });
    run = send(send(run, done('ask1', 'sent')), { type: 'message', data: { text: 'Ana' } });
    expect(run.context.vars).toEqual({ name: 'amigo' });
    expect(run.context.nodes.ask1?.output).toMatchObject({ answer: 'Ana' });
  });

  it('refuses a name that is not a variable name', () => {
    const issues = validateFlow(askFlow('mi nombre'), registry).errors;
    expect(issues).toEqual([
      expect.objectContaining({ code: 'NODE_CONFIG_INVALID', nodeId: 'ask1', path: ['saveAs'] }),
    ]);
  });

  it('keeps the option a caller chose in a key menu, and not a timeout', () => {
    const menuFlow = flow(
      [
        { id: 'call', type: 'voice.inbound-call', config: { numbers: ['+34910000000'] } },
        {
          id: 'menu',
          type: 'voice.menu',
          config: {
            prompt: 'Pulse 1 para ventas',
            options: [{ digit: '1', id: 'sales', label: 'Ventas' }],
            saveAs: 'department',
          },
        },
        end('sold', { department: '{{ vars.department }}' }),
        end('quiet', { department: '{{ vars.department }}' }),
        end('wrong'),
      ],
      [
        ['call', 'next', 'menu'],
        ['menu', 'sales', 'sold'],
        ['menu', 'timeout', 'quiet'],
        ['menu', 'invalid', 'wrong'],
      ],
    );
    const chosen = send(
      start(menuFlow, { callId: 'c1' }),
      done('menu', 'sales', { digit: '1', option: 'sales', attempts: 1 }),
    );
    expect(chosen.context.vars.department).toBe('sales');
    expect(chosen.context.output).toEqual({ department: 'sales' });
    const silent = send(
      start(menuFlow, { callId: 'c1' }),
      done('menu', 'timeout', { digit: '', attempts: 3 }),
    );
    expect(silent.context.vars.department).toBeUndefined();
  });

  it('keeps the digits a caller typed in a gather', () => {
    const gatherFlow = flow(
      [
        { id: 'call', type: 'voice.inbound-call', config: { numbers: ['+34910000000'] } },
        { id: 'pin', type: 'voice.gather', config: { prompt: 'Marque su PIN', digits: 4, saveAs: 'pin' } },
        end('ok', { pin: '{{ vars.pin }}' }),
        end('bad'),
      ],
      [
        ['call', 'next', 'pin'],
        ['pin', 'next', 'ok'],
        ['pin', 'invalid', 'bad'],
        ['pin', 'timeout', 'bad'],
      ],
    );
    const run = send(
      start(gatherFlow, { callId: 'c1' }),
      done('pin', 'next', { digits: '1234', attempts: 1 }),
    );
    expect(run.context.vars.pin).toBe('1234');
    expect(run.context.output).toEqual({ pin: '1234' });
  });
});
