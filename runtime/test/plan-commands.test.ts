import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MachineJson } from '../src/compiler/machine-json.ts';
import { hydrateMachine } from '../src/machine/hydrate-machine.ts';
import { createMachineStepper } from '../src/machine/machine-stepper.ts';
import { planCommands } from '../src/temporal/workflows/plan-commands.ts';

// The pure half of a workflow step: the actions XState returns become the commands flowRun
// carries out. Tested on golden machines stepped by the real reducer, no Temporal involved.

const run = { id: 'run-1', flowId: 'flow-1', version: 1, startedAt: '2026-01-01T00:00:00.000Z' };

/** An event as the workflow sends it: a type and whatever the sender added. */
const event = (e: { type: string; [key: string]: unknown }) => e;

function stepperFor(name: string) {
  const json: MachineJson = JSON.parse(
    readFileSync(new URL(`./golden/${name}.machine.json`, import.meta.url), 'utf8'),
  );
  return createMachineStepper(hydrateMachine(json));
}

describe('planCommands', () => {
  it('opens and closes a step per node passed, and starts a durable timer for a wait', () => {
    const stepper = stepperFor('approval');
    const [waiting, actions] = stepper.initial({ input: { amount: 150, name: 'ana' }, run });
    const threeDays = 3 * 86_400_000;
    expect(planCommands(actions)).toEqual([
      { type: 'openStep', nodeId: 'start', nodeType: 'flow.start' },
      { type: 'closeStep', nodeId: 'start', port: 'next' },
      { type: 'openStep', nodeId: 'set', nodeType: 'logic.set' },
      { type: 'closeStep', nodeId: 'set', port: 'next' },
      { type: 'openStep', nodeId: 'check', nodeType: 'logic.split' },
      { type: 'closeStep', nodeId: 'check', port: 'big' },
      { type: 'openStep', nodeId: 'approval', nodeType: 'logic.wait-for-event' },
      {
        type: 'startTimer',
        id: `xstate.after.${threeDays}.flow.approval`,
        event: { type: `xstate.after.${threeDays}.flow.approval` },
        delayMs: threeDays,
      },
    ]);

    const [, received] = stepper.next(waiting, event({ type: 'approved', data: { by: 'boss' } }));
    expect(planCommands(received)).toEqual([
      { type: 'cancelTimer', id: `xstate.after.${threeDays}.flow.approval` },
      { type: 'closeStep', nodeId: 'approval', port: 'received' },
      { type: 'openStep', nodeId: 'done', nodeType: 'flow.end' },
    ]);
  });

  it('starts an activity for a node with side effects, and stops it when the machine leaves the node', () => {
    const stepper = stepperFor('http-fallback');
    const [calling, actions] = stepper.initial({ input: { contactId: 'c1', phone: '+34600000000' }, run });
    const commands = planCommands(actions);
    expect(commands.slice(0, 3).map((c) => c.type)).toEqual(['openStep', 'closeStep', 'openStep']);
    expect(commands[3]).toEqual({
      type: 'startActivity',
      id: 'lookup',
      request: {
        nodeId: 'lookup',
        nodeType: 'http.request',
        version: 1,
        config: expect.objectContaining({ method: 'POST' }),
        options: {
          startToCloseTimeout: '5m',
          retry: { maximumAttempts: 3, initialInterval: '1s', backoffCoefficient: 2 },
        },
      },
    });

    const [, failed] = stepper.next(
      calling,
      event({ type: 'xstate.error.actor.lookup', error: { message: 'down' } }),
    );
    expect(planCommands(failed).slice(0, 2)).toEqual([
      { type: 'stopActivity', id: 'lookup' },
      { type: 'closeStep', nodeId: 'lookup', port: 'failed' },
    ]);
  });

  it('ignores actions the transition already applied, and keeps the order of the rest', () => {
    expect(
      planCommands([
        { type: 'setVars', params: { nodeId: 'set' } },
        { type: 'xstate.raise', params: { id: 'now', event: { type: 'go' } } },
        { type: 'xstate.stopChild', params: { actorRef: { id: 'ask' } } },
        { type: 'xstate.stopChild', params: { id: 'menu' } },
        { type: 'xstate.cancel', params: { sendId: 'later' } },
        { type: 'xstate.raise', params: { id: 'later', event: { type: 'tick' }, delay: 5 } },
      ]),
    ).toEqual([
      { type: 'stopActivity', id: 'ask' },
      { type: 'stopActivity', id: 'menu' },
      { type: 'cancelTimer', id: 'later' },
      { type: 'startTimer', id: 'later', event: { type: 'tick' }, delayMs: 5 },
    ]);
  });

  it('refuses a spawn that carries no node activity request, naming what it got', () => {
    expect(() =>
      planCommands([{ type: 'xstate.spawnChild', params: { id: 'x', input: { nodeId: 'x' } } }]),
    ).toThrow(/without a node activity request: \{"nodeId":"x"\}/);
  });
});
