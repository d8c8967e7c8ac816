import { describe, expect, it } from 'vitest';
import { compileNode } from '../sdk/testing.ts';
import { flowEnd } from './end.node.ts';

describe('flow.end config', () => {
  it('defaults to an empty output', () => {
    expect(flowEnd.config.parse({})).toEqual({ output: {} });
  });

  it('keeps output templates', () => {
    const output = { result: 'ok', name: '{{ input.name }}' };
    expect(flowEnd.config.parse({ output })).toEqual({ output });
  });

  it('rejects non-text output values at their path', () => {
    const result = flowEnd.config.safeParse({ output: { count: 3 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['output', 'count']);
    expect(result.error?.issues[0]?.message).toMatch(/string/);
  });

  it('rejects an output that is not a map', () => {
    expect(flowEnd.config.safeParse({ output: ['a'] }).success).toBe(false);
  });
});

describe('flow.end definition', () => {
  it('has no output ports and no activity', () => {
    expect(flowEnd.ports).toEqual([]);
    expect(flowEnd.requiredPorts ?? []).toEqual([]);
    expect(flowEnd.activity).toBeUndefined();
  });
});

describe('flow.end compile', () => {
  it('is a final state that sets the run output from the templates', () => {
    const output = { result: 'approved {{ vars.who }}' };
    const fragment = compileNode(flowEnd, { output }, {}, 'done');
    expect(fragment).toEqual({
      type: 'final',
      entry: [{ type: 'setOutput', params: { nodeId: 'done', output } }],
    });
  });

  it('has no transitions out', () => {
    const fragment = compileNode(flowEnd, {});
    expect(fragment.always).toBeUndefined();
    expect(fragment.on).toBeUndefined();
    expect(fragment.after).toBeUndefined();
    expect(fragment.entry).toEqual([{ type: 'setOutput', params: { nodeId: 'node', output: {} } }]);
  });
});
