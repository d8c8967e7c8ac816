import { builtinNodes } from '@omniflow/nodes';
import { createNodeRegistry } from '@omniflow/nodes/sdk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { compileFlow } from '../src/compiler/compile-flow.ts';
import { flowDocumentSchema, type FlowDocument } from '../src/graph/flow-schema.ts';
import { validateFlow } from '../src/graph/validate-flow.ts';
import { hydrateMachine } from '../src/machine/hydrate-machine.ts';
import type { RunContext } from '../src/machine/run-context.ts';

// Each pure node driven through the real validator, compiler and instruction set, with XState's
// pure reducer as the workflow uses it (DESIGN.md §6).

const registry = createNodeRegistry(builtinNodes);
const runMeta = { id: 'run-1', flowId: 'flow-1', version: 1, startedAt: '2026-01-01T00:00:00.000Z' };

interface NodeSpec {
  id: string;
  type: string;
  config?: Record<string, unknown>;
}
type Wire = [from: string, port: string, to: string];
interface Action {
  type: string;
  params?: Record<string, unknown>;
}

function flow(nodes: NodeSpec[], wires: Wire[], variables: unknown[] = []): FlowDocument {
  return flowDocumentSchema.parse({
    name: 'behaviour',
    nodes: nodes.map((n) => ({ version: 1, config: {}, ...n })),
    edges: wires.map(([from, port, to], i) => ({
      id: `e${i + 1}`,
      from: { node: from, port },
      to: { node: to },
    })),
    variables,
  });
}

interface Run {
  machine: AnyStateMachine;
  snapshot: AnyMachineSnapshot;
  actions: Action[];
  context: RunContext;
}

function asRun(machine: AnyStateMachine, [snapshot, actions]: [AnyMachineSnapshot, unknown[]]): Run {
  return { machine, snapshot, actions: actions as Action[], context: snapshot.context as RunContext };
}

function start(doc: FlowDocument, input: unknown = {}): Run {
  const validation = validateFlow(doc, registry);
  expect(validation.errors).toEqual([]);
  const machine = hydrateMachine(compileFlow(doc, registry));
  return asRun(machine, initialTransition(machine, { input, run: runMeta }));
}

function send(run: Run, event: { type: string; [key: string]: unknown }): Run {
  return asRun(run.machine, transition(run.machine, run.snapshot, event as never));
}

const leftPorts = (run: Run, nodeId: string) =>
  run.actions.filter((a) => a.type === 'leaveNode' && a.params?.nodeId === nodeId).map((a) => a.params?.port);
const raises = (run: Run) => run.actions.filter((a) => a.type === 'xstate.raise');

const startNode: NodeSpec = { id: 'start', type: 'flow.start' };
const end = (id: string, output: Record<string, string> = {}): NodeSpec => ({
  id,
  type: 'flow.end',
  config: { output },
});

describe('flow.start and flow.end', () => {
  it('saves the input as the start node output and sets the run output from templates, keeping types', () => {
    const doc = flow(
      [
        startNode,
        end('done', {
          total: '{{ input.amount }}',
          text: 'Hi {{ input.name }}',
          items: '{{ input.items }}',
          fixed: 'ok',
        }),
      ],
      [['start', 'next', 'done']],
    );
    const run = start(doc, { amount: 12.5, name: 'Ana', items: ['a'] });
    expect(run.snapshot.status).toBe('done');
    expect(run.snapshot.value).toBe('done');
    expect(run.context.nodes.start?.output).toEqual({ amount: 12.5, name: 'Ana', items: ['a'] });
    expect(run.context.output).toEqual({ total: 12.5, text: 'Hi Ana', items: ['a'], fixed: 'ok' });
    expect(run.context.nodes.done?.output).toEqual(run.context.output);
    expect(run.context.error).toBeUndefined();
  });

  it('emits enter and leave step markers in order', () => {
    const run = start(flow([startNode, end('done')], [['start', 'next', 'done']]));
    expect(
      run.actions
        .filter((a) => a.type === 'enterNode' || a.type === 'leaveNode')
        .map((a) => [a.type, a.params]),
    ).toEqual([
      ['enterNode', { nodeId: 'start', nodeType: 'flow.start' }],
      ['leaveNode', { nodeId: 'start', port: 'next' }],
      ['enterNode', { nodeId: 'done', nodeType: 'flow.end' }],
    ]);
  });

  it('completes through __completed when the start node is not wired', () => {
    const run = start(flow([startNode], []));
    expect(run.snapshot.value).toBe('__completed');
    expect(run.snapshot.status).toBe('done');
  });
});

describe('logic.set', () => {
  const setFlow = (assignments: unknown[], variables: unknown[] = []) =>
    flow(
      [startNode, { id: 'set', type: 'logic.set', config: { assignments } }, end('done')],
      [
        ['start', 'next', 'set'],
        ['set', 'next', 'done'],
      ],
      variables,
    );

  it('keeps the types of single-expression templates and JSON values', () => {
    const run = start(
      setFlow([
        { name: 'amount', value: '{{ input.amount }}' },
        { name: 'vip', value: '{{ input.customer.vip }}' },
        { name: 'customer', value: '{{ input.customer }}' },
        { name: 'label', value: 'Order {{ input.amount }}' },
        { name: 'limits', value: { max: 3, tags: ['a', 'b'] } },
        { name: 'retries', value: 2 },
        { name: 'off', value: false },
        { name: 'order', value: { id: '{{ input.customer.id }}', total: '{{ input.amount | times: 2 }}' } },
      ]),
      { amount: 150, customer: { id: 'c1', vip: true } },
    );
    expect(run.context.vars).toEqual({
      amount: 150,
      vip: true,
      customer: { id: 'c1', vip: true },
      label: 'Order 150',
      limits: { max: 3, tags: ['a', 'b'] },
      retries: 2,
      off: false,
      order: { id: 'c1', total: 300 },
    });
    expect(run.snapshot.value).toBe('done');
    expect(leftPorts(run, 'set')).toEqual(['next']);
  });

  it('lets a later assignment see an earlier one and overwrite it', () => {
    const run = start(
      setFlow([
        { name: 'first', value: '{{ input.name | capitalize }}' },
        { name: 'greeting', value: 'Hola {{ vars.first }}' },
        { name: 'first', value: '{{ vars.greeting }}!' },
      ]),
      { name: 'ana' },
    );
    expect(run.context.vars).toEqual({ first: 'Hola Ana!', greeting: 'Hola Ana' });
    expect(run.context.nodes.set?.output).toEqual({ first: 'Hola Ana!', greeting: 'Hola Ana' });
  });

  it('starts from the declared variable defaults and leaves untouched ones alone', () => {
    const run = start(
      setFlow(
        [{ name: 'b', value: '{{ vars.a }}' }],
        [{ name: 'a', type: 'number', default: 5 }, { name: 'c' }],
      ),
    );
    expect(run.context.vars).toEqual({ a: 5, b: 5, c: null });
  });

  it('makes the variables visible to later nodes', () => {
    const doc = flow(
      [
        startNode,
        {
          id: 'set',
          type: 'logic.set',
          config: { assignments: [{ name: 'who', value: '{{ input.name | upcase }}' }] },
        },
        end('done', { who: '{{ vars.who }}' }),
      ],
      [
        ['start', 'next', 'set'],
        ['set', 'next', 'done'],
      ],
    );
    expect(start(doc, { name: 'luz' }).context.output).toEqual({ who: 'LUZ' });
  });
});

describe('logic.split', () => {
  const splitFlow = (branches: unknown[]) => {
    const ids = (branches as { id: string }[]).map((b) => b.id);
    return flow(
      [
        startNode,
        { id: 'split', type: 'logic.split', config: { branches } },
        ...ids.map((id) => end(`to_${id}`)),
        end('to_else'),
      ],
      [
        ['start', 'next', 'split'],
        ...ids.map((id): Wire => ['split', id, `to_${id}`]),
        ['split', 'else', 'to_else'],
      ],
    );
  };
  const single = (operator: string, right?: string) =>
    splitFlow([
      {
        id: 'hit',
        conditions: [{ left: '{{ input.value }}', operator, ...(right === undefined ? {} : { right }) }],
      },
    ]);

  it.each([
    ['equals', '7', 7, 8],
    ['equals', 'ana', 'ana', 'Ana'],
    ['not_equals', 'ana', 'bob', 'ana'],
    ['contains', 'vip', ['new', 'vip'], ['new']],
    ['contains', 'help', 'I need help', 'hello'],
    ['starts_with', '+34', '+34600111222', '+51999'],
    ['gt', '100', 150, 100],
    ['gte', '100', 100, 99],
    ['lt', '10', '9', '10'],
    ['lte', '10', 10, 11],
    ['is_empty', undefined, [], [0]],
    ['is_not_empty', undefined, 'x', ''],
    ['matches_regex', '^ORD-\\d+$', 'ORD-42', 'ord-42'],
  ])('%s %j: takes the branch for %j and else for %j', (operator, right, matching, other) => {
    const doc = single(operator, right);
    const hit = start(doc, { value: matching });
    expect(hit.snapshot.value).toBe('to_hit');
    expect(hit.context.nodes.split?.output).toEqual({ branch: 'hit' });
    expect(leftPorts(hit, 'split')).toEqual(['hit']);
    const miss = start(doc, { value: other });
    expect(miss.snapshot.value).toBe('to_else');
    expect(miss.context.nodes.split?.output).toEqual({ branch: 'else' });
    expect(leftPorts(miss, 'split')).toEqual(['else']);
  });

  it('picks the first matching branch in order', () => {
    const doc = splitFlow([
      { id: 'big', conditions: [{ left: '{{ input.amount }}', operator: 'gt', right: '1000' }] },
      { id: 'medium', conditions: [{ left: '{{ input.amount }}', operator: 'gt', right: '100' }] },
      { id: 'any', conditions: [{ left: '{{ input.amount }}', operator: 'gt', right: '0' }] },
    ]);
    expect(start(doc, { amount: 5000 }).snapshot.value).toBe('to_big');
    expect(start(doc, { amount: 500 }).snapshot.value).toBe('to_medium');
    expect(start(doc, { amount: 5 }).snapshot.value).toBe('to_any');
    expect(start(doc, { amount: -5 }).snapshot.value).toBe('to_else');
  });

  it('"all" needs every condition, "any" needs one', () => {
    const conditions = [
      { left: '{{ input.country }}', operator: 'equals', right: 'PE' },
      { left: '{{ input.age }}', operator: 'gte', right: '18' },
    ];
    const all = splitFlow([{ id: 'ok', match: 'all', conditions }]);
    const any = splitFlow([{ id: 'ok', match: 'any', conditions }]);
    const halfTrue = { country: 'PE', age: 15 };
    expect(start(all, halfTrue).snapshot.value).toBe('to_else');
    expect(start(any, halfTrue).snapshot.value).toBe('to_ok');
    expect(start(all, { country: 'PE', age: 30 }).snapshot.value).toBe('to_ok');
    expect(start(any, { country: 'MX', age: 15 }).snapshot.value).toBe('to_else');
  });

  it('compares against variables set earlier', () => {
    const doc = flow(
      [
        startNode,
        { id: 'set', type: 'logic.set', config: { assignments: [{ name: 'limit', value: 100 }] } },
        {
          id: 'split',
          type: 'logic.split',
          config: {
            branches: [
              {
                id: 'over',
                conditions: [{ left: '{{ input.amount }}', operator: 'gt', right: '{{ vars.limit }}' }],
              },
            ],
          },
        },
        end('to_over'),
        end('to_else'),
      ],
      [
        ['start', 'next', 'set'],
        ['set', 'next', 'split'],
        ['split', 'over', 'to_over'],
        ['split', 'else', 'to_else'],
      ],
    );
    expect(start(doc, { amount: 101 }).snapshot.value).toBe('to_over');
    expect(start(doc, { amount: 100 }).snapshot.value).toBe('to_else');
  });

  it('treats a condition that cannot be evaluated (bad regex) as not matching', () => {
    const run = start(single('matches_regex', '('), { value: '(' });
    expect(run.snapshot.value).toBe('to_else');
    expect(run.context.error).toBeUndefined();
  });

  it('completes the run through an unwired branch', () => {
    const doc = flow(
      [
        startNode,
        {
          id: 'split',
          type: 'logic.split',
          config: { branches: [{ id: 'a', conditions: [{ left: 'x', operator: 'is_not_empty' }] }] },
        },
        end('to_else'),
      ],
      [
        ['start', 'next', 'split'],
        ['split', 'else', 'to_else'],
      ],
    );
    const run = start(doc);
    expect(run.snapshot.value).toBe('__completed');
    expect(leftPorts(run, 'split')).toEqual(['a']);
  });
});

describe('logic.wait', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const waitFlow = (config: Record<string, unknown>) =>
    flow(
      [startNode, { id: 'pause', type: 'logic.wait', config }, end('after', { at: 'woke' })],
      [
        ['start', 'next', 'pause'],
        ['pause', 'next', 'after'],
      ],
    );

  it('waits a duration: schedules a raise with the delay in ms and moves on when it fires', () => {
    const run = start(waitFlow({ duration: 'PT2H' }));
    expect(run.snapshot.value).toBe('pause');
    expect(run.snapshot.status).toBe('active');
    const [timer, ...others] = raises(run);
    expect(others).toEqual([]);
    expect(timer?.params?.delay).toBe(7_200_000);
    const event = timer?.params?.event as { type: string };
    const woke = send(run, event);
    expect(woke.snapshot.value).toBe('after');
    expect(woke.context.output).toEqual({ at: 'woke' });
    expect(leftPorts(woke, 'pause')).toEqual(['next']);
  });

  it('ignores unrelated events while waiting', () => {
    const run = start(waitFlow({ duration: 'P3D' }));
    expect(raises(run)[0]?.params?.delay).toBe(259_200_000);
    expect(run.snapshot.can({ type: 'approved' })).toBe(false);
    expect(send(run, { type: 'approved' }).snapshot.value).toBe('pause');
  });

  it('waits until a templated date-time: the delay is the time left', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T10:00:00.000Z'));
    const run = start(waitFlow({ until: '{{ input.callAt }}' }), { callAt: '2026-03-01T11:30:00Z' });
    expect(run.snapshot.value).toBe('pause');
    expect(raises(run).map((r) => r.params?.delay)).toEqual([90 * 60_000]);
    const woke = send(run, raises(run)[0]?.params?.event as { type: string });
    expect(woke.snapshot.value).toBe('after');
  });

  it('does not wait for a date-time in the past', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T10:00:00.000Z'));
    const run = start(waitFlow({ until: '2026-02-01T00:00:00Z' }));
    expect(raises(run).map((r) => r.params?.delay)).toEqual([0]);
  });

  it('fails the run with WAIT_UNTIL_INVALID when until does not render to a date-time', () => {
    const run = start(waitFlow({ until: '{{ input.callAt }}' }), { callAt: 'next tuesday-ish' });
    expect(run.snapshot.value).toBe('__failed');
    expect(run.snapshot.status).toBe('done');
    expect(run.context.error).toMatchObject({ code: 'WAIT_UNTIL_INVALID', nodeId: 'pause' });
    expect(run.context.error?.message).toContain('next tuesday-ish');
    expect(run.context.output).toBeUndefined();
  });
});

describe('logic.wait-for-event', () => {
  const approvalFlow = flow(
    [
      startNode,
      { id: 'approval', type: 'logic.wait-for-event', config: { event: 'approved', timeout: 'P3D' } },
      end('done', { by: '{{ nodes.approval.output.by }}', result: 'approved' }),
      end('expired', { result: 'expired' }),
    ],
    [
      ['start', 'next', 'approval'],
      ['approval', 'received', 'done'],
      ['approval', 'timeout', 'expired'],
    ],
  );

  it('waits at the node, accepting only its event type', () => {
    const run = start(approvalFlow);
    expect(run.snapshot.value).toBe('approval');
    expect(run.snapshot.can({ type: 'approved' })).toBe(true);
    expect(run.snapshot.can({ type: 'rejected' })).toBe(false);
    expect(raises(run).map((r) => r.params?.delay)).toEqual([259_200_000]);
  });

  it('moves to received on the event, saving its data as the node output', () => {
    const run = send(start(approvalFlow), { type: 'approved', data: { by: 'marta', note: 'ok' } });
    expect(run.snapshot.value).toBe('done');
    expect(run.context.nodes.approval?.output).toEqual({ by: 'marta', note: 'ok' });
    expect(run.context.output).toEqual({ by: 'marta', result: 'approved' });
    expect(leftPorts(run, 'approval')).toEqual(['received']);
    expect(run.actions.some((a) => a.type === 'xstate.cancel')).toBe(true);
  });

  it('saves an empty object when the event has no data', () => {
    const run = send(start(approvalFlow), { type: 'approved' });
    expect(run.context.nodes.approval?.output).toEqual({});
  });

  it('stays put on another event type', () => {
    const run = send(start(approvalFlow), { type: 'rejected', data: { by: 'x' } });
    expect(run.snapshot.value).toBe('approval');
    expect(run.context.nodes.approval).toBeUndefined();
  });

  it('leaves by timeout when the timer fires', () => {
    const waiting = start(approvalFlow);
    const run = send(waiting, raises(waiting)[0]?.params?.event as { type: string });
    expect(run.snapshot.value).toBe('expired');
    expect(run.context.output).toEqual({ result: 'expired' });
    expect(leftPorts(run, 'approval')).toEqual(['timeout']);
    expect(run.snapshot.can({ type: 'approved' })).toBe(false);
  });
});

describe('message.ask', () => {
  const askFlow = () =>
    flow(
      [
        { id: 'hi', type: 'message.inbound', config: { channel: 'sms' } },
        {
          id: 'qty',
          type: 'message.ask',
          config: { channel: 'sms', question: '¿Cuántas?', expect: 'number', maxRetries: 1, timeout: 'PT1H' },
        },
        end('done', { qty: '{{ nodes.qty.output.answer }}' }),
        end('human'),
        end('late'),
      ],
      [
        ['hi', 'next', 'qty'],
        ['qty', 'answered', 'done'],
        ['qty', 'invalid', 'human'],
        ['qty', 'timeout', 'late'],
      ],
    );
  const sent = (id: string) => ({ type: `xstate.done.actor.${id}`, output: { port: 'sent', output: {} } });
  const reply = (text: string) => ({ type: 'message', data: { text } });

  it('takes a reply that came while the question was still being sent, once it is sent', () => {
    let run = start(askFlow(), { channel: 'sms', from: '+34600111222', text: 'hola' });
    run = send(run, reply('12'));
    // Held, not lost: the question's send has not finished.
    expect(run.context.held).toEqual({ qty: { text: '12' } });
    expect(run.snapshot.status).toBe('active');
    run = send(run, reply('13'));
    expect(run.context.held).toEqual({ qty: { text: '12' } });
    run = send(run, sent('qty'));
    expect(run.snapshot.status).toBe('done');
    expect(run.context.output).toEqual({ qty: 12 });
    expect(run.context.held).toEqual({});
  });

  it('asks again on an early reply that is not valid, and still waits for the next one', () => {
    let run = start(askFlow(), { channel: 'sms', from: '+34600111222', text: 'hola' });
    run = send(send(run, reply('muchas')), sent('qty'));
    expect(run.context.nodes.qty?.output).toMatchObject({ retries: 1 });
    expect(run.context.held).toEqual({});
    run = send(run, sent('qty.retry'));
    expect(run.snapshot.status).toBe('active');
    run = send(run, reply('3'));
    expect(run.context.output).toEqual({ qty: 3 });
  });

  it('waits as before when nothing came early', () => {
    let run = send(start(askFlow(), { channel: 'sms', from: '+34600111222' }), sent('qty'));
    expect(run.snapshot.status).toBe('active');
    expect(run.context.held).toBeUndefined();
    run = send(run, reply('7'));
    expect(run.context.output).toEqual({ qty: 7 });
  });
});
