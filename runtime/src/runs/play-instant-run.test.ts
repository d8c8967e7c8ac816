import { readFileSync } from 'node:fs';
import { builtinNodes } from '@omniflow/nodes';
import { createNodeRegistry } from '@omniflow/nodes/sdk';
import { describe, expect, it } from 'vitest';
import { compileFlow } from '../compiler/compile-flow.ts';
import { flowDocumentSchema } from '../graph/flow-schema.ts';
import { createMachineStepper, hydrateMachine } from '../machine/index.ts';
import { playInstantRun } from './play-instant-run.ts';

const registry = createNodeRegistry(builtinNodes);
const example = JSON.parse(
  readFileSync(new URL('../../../examples/flows/webhook-double.json', import.meta.url), 'utf8'),
);

/** A webhook flow: the trigger, then `middle`, wired by `wires` ([from, port, to]). */
function flow(middle: { id: string; type: string; config: object }[], wires: [string, string, string][]) {
  const nodes = [{ id: 'hook', type: 'http.webhook', config: { path: 'p', method: 'POST' } }, ...middle];
  return flowDocumentSchema.parse({
    name: 'flow',
    trigger: { node: 'hook' },
    nodes: nodes.map((n, i) => ({ version: 1, position: { x: i, y: 0 }, ...n })),
    edges: wires.map(([from, port, to], i) => ({
      id: `e${i}`,
      from: { node: from, port },
      to: { node: to },
    })),
  });
}

const start = (doc: unknown, body: unknown) => ({
  runId: '0190d6a0-0000-7000-8000-000000000001',
  workspaceId: '0190d6a0-0000-7000-8000-000000000002',
  machine: compileFlow(flowDocumentSchema.parse(doc), registry),
  input: { method: 'POST', path: 'p', query: {}, headers: {}, body },
  run: { id: 'r', flowId: 'f', version: 1, startedAt: '2026-12-07T00:00:00.000Z' },
});

describe('playInstantRun', () => {
  it('plays the webhook-double flow to its end with every step closed and the answer in the context', async () => {
    const outcome = await playInstantRun(registry, start(example, { n: 7 }));
    expect(outcome.kind).toBe('ended');
    expect(outcome.progress).toMatchObject({ status: 'completed', ended: true, currentNodes: [] });
    expect(outcome.progress.steps.map((s) => [s.seq, s.nodeId, s.port])).toEqual([
      [1, 'hook', 'next'],
      [2, 'double', 'next'],
      [3, 'check', 'big'],
      [4, 'answer', 'next'],
    ]);
    expect(outcome.progress.steps.every((s) => s.leftAt && s.temporalRunId === undefined)).toBe(true);
    expect(outcome.context.nodes.answer?.output).toMatchObject({ status: 200 });
  });

  it('runs logic.code in its sandbox here and leaves by failed when the code throws', async () => {
    const doc = flow(
      [
        { id: 'code', type: 'logic.code', config: { code: 'throw new Error("no " + input.body.n)' } },
        { id: 'ok', type: 'http.respond', config: { bodyType: 'text', body: 'ok' } },
        { id: 'bad', type: 'http.respond', config: { status: '500', bodyType: 'text', body: 'bad' } },
      ],
      [
        ['hook', 'next', 'code'],
        ['code', 'next', 'ok'],
        ['code', 'failed', 'bad'],
      ],
    );
    const outcome = await playInstantRun(registry, start(doc, { n: 3 }));
    expect(outcome.kind).toBe('ended');
    const code = outcome.progress.steps.find((s) => s.nodeId === 'code')!;
    expect(code).toMatchObject({
      port: 'failed',
      attempts: 1,
      output: { error: expect.stringContaining('no 3') },
    });
    expect(outcome.context.nodes.bad?.output).toMatchObject({ status: 500 });
  });

  it('hands over at the first node that is not pure, with its step left for the workflow', async () => {
    const doc = flow(
      [
        { id: 'answer', type: 'http.respond', config: { bodyType: 'text', body: 'ok' } },
        { id: 'pause', type: 'logic.wait', config: { duration: 'PT1S' } },
      ],
      [
        ['hook', 'next', 'answer'],
        ['answer', 'next', 'pause'],
      ],
    );
    const outcome = await playInstantRun(registry, start(doc, {}));
    expect(outcome.kind).toBe('handover');
    if (outcome.kind !== 'handover') return;
    expect(outcome.context.nodes.answer?.output).toBeDefined();
    expect(outcome.progress.steps.map((s) => s.nodeId)).toEqual(['hook', 'answer']);
    expect(outcome.resume.seq).toBe(2);
    expect(outcome.resume.commands?.map((c) => c.type)).toEqual(['openStep', 'startTimer']);
    expect(JSON.parse(JSON.stringify(outcome.resume.snapshot))).toMatchObject({ value: 'pause' });
  });

  it('leaves a snapshot that takes the handed-over activity’s result as the workflow resumes it', async () => {
    const doc = flow(
      [
        { id: 'answer', type: 'http.respond', config: { bodyType: 'text', body: 'ok' } },
        { id: 'call', type: 'http.request', config: { url: 'https://example.test/x' } },
        { id: 'done', type: 'flow.end', config: {} },
      ],
      [
        ['hook', 'next', 'answer'],
        ['answer', 'next', 'call'],
        ['call', 'success', 'done'],
        ['call', 'failed', 'done'],
      ],
    );
    const played = start(doc, {});
    const outcome = await playInstantRun(registry, played);
    if (outcome.kind !== 'handover') throw new Error('expected a handover');
    const commands = outcome.resume.commands ?? [];
    expect(commands.map((c) => c.type)).toEqual(['openStep', 'startActivity']);
    const activity = commands[1]!;
    if (activity.type !== 'startActivity') throw new Error('expected an activity');
    expect(activity.request).toMatchObject({ nodeId: 'call', nodeType: 'http.request' });
    // As flow-run.ts resumes: the persisted snapshot through JSON (workflow arguments), then the result.
    const machine = hydrateMachine(played.machine);
    const resumed = machine.resolveState(JSON.parse(JSON.stringify(outcome.resume.snapshot)));
    const done = {
      type: `xstate.done.actor.${activity.id}`,
      output: { port: 'success', output: { status: 200 }, attempts: 1 },
    };
    const [after] = createMachineStepper(machine).next(resumed, done);
    expect(after.status).toBe('done');
    expect((after.context as { nodes: Record<string, { output?: unknown }> }).nodes.call?.output).toEqual({
      status: 200,
    });
  });
});
