import { describe, expect, it } from 'vitest';
import { compileNode } from '../sdk/testing.ts';
import { flowStart } from './start.node.ts';

describe('flow.start config', () => {
  it('defaults to being started by the API', () => {
    expect(flowStart.config.parse({})).toEqual({ trigger: 'api' });
  });

  it('accepts a manual start', () => {
    expect(flowStart.config.parse({ trigger: 'manual' })).toEqual({ trigger: 'manual' });
  });

  it('rejects an unknown trigger kind, naming the allowed ones', () => {
    const result = flowStart.config.safeParse({ trigger: 'webhook' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['trigger']);
    expect(result.error?.issues[0]?.message).toMatch(/api.*manual/);
  });
});

describe('flow.start definition', () => {
  it('is the trigger with a single "next" port', () => {
    expect(flowStart.trigger).toBe(true);
    expect(flowStart.ports).toEqual(['next']);
    expect(flowStart.activity).toBeUndefined();
  });
});

describe('flow.start compile', () => {
  it('saves the run input as its output and moves on to the wired node', () => {
    const fragment = compileNode(flowStart, {}, { next: 'greet' }, 'start');
    expect(fragment.entry).toEqual([{ type: 'saveInput', params: { nodeId: 'start' } }]);
    expect(fragment.always).toEqual({
      target: 'greet',
      actions: [{ type: 'leaveNode', params: { nodeId: 'start', port: 'next' } }],
    });
  });

  it('completes the run when "next" is not wired', () => {
    const fragment = compileNode(flowStart, {}, {}, 'start');
    expect(fragment.always).toMatchObject({ target: '__completed' });
  });

  it('produces JSON only', () => {
    const fragment = compileNode(flowStart, { trigger: 'manual' }, { next: 'a' });
    expect(JSON.parse(JSON.stringify(fragment))).toEqual(fragment);
  });
});

describe('flow.start inputs', () => {
  it('declares the inputs a run is given, with their kind', () => {
    const config = flowStart.config.parse({ inputs: [{ label: 'Nombre', name: 'name' }] });
    expect(config.inputs).toEqual([{ label: 'Nombre', name: 'name', type: 'text', required: false }]);
  });

  it('marks an input a calling flow must give', () => {
    const config = flowStart.config.parse({
      inputs: [{ label: 'Id', name: 'id', type: 'number', required: true }],
    });
    expect(config.inputs?.[0]?.required).toBe(true);
    expect(
      flowStart.config.safeParse({ inputs: [{ label: 'Id', name: 'id', required: 'yes' }] }).success,
    ).toBe(false);
  });

  it('refuses a name the flow could not use and a name given twice', () => {
    expect(flowStart.config.safeParse({ inputs: [{ label: 'A', name: '1a' }] }).success).toBe(false);
    const twice = flowStart.config.safeParse({
      inputs: [
        { label: 'A', name: 'a' },
        { label: 'B', name: 'a' },
      ],
    });
    expect(twice.error?.issues[0]?.message).toBe('Each name once');
  });
});
