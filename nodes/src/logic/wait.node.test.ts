import { describe, expect, it } from 'vitest';
import { compileNode } from '../sdk/testing.ts';
import { logicWait } from './wait.node.ts';

describe('logic.wait config', () => {
  it('accepts a duration alone', () => {
    expect(logicWait.config.parse({ duration: 'PT2H' })).toEqual({ duration: 'PT2H' });
  });

  it('accepts an until template alone', () => {
    expect(logicWait.config.parse({ until: '{{ input.callAt }}' })).toEqual({ until: '{{ input.callAt }}' });
  });

  it.each([
    [{ duration: 'PT1H', until: '2030-01-01T00:00:00Z' }, 'both'],
    [{}, 'neither'],
  ])('rejects %j (%s) asking for exactly one', (config, _which) => {
    const result = logicWait.config.safeParse(config);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Set either a duration or an "until" date-time, not both');
  });

  it('rejects a calendar duration such as P1M with the duration hint', () => {
    const result = logicWait.config.safeParse({ duration: 'P1M' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['duration']);
    expect(result.error?.issues[0]?.message).toMatch(/ISO-8601 duration/);
  });

  it('rejects an empty until', () => {
    const result = logicWait.config.safeParse({ until: '' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['until']);
  });
});

describe('logic.wait definition', () => {
  it('is a waiting node with a single "next" port', () => {
    expect(logicWait.waits).toBe(true);
    expect(logicWait.ports).toEqual(['next']);
  });
});

describe('logic.wait compile', () => {
  it.each([
    ['P3D', '259200000'],
    ['PT2H', '7200000'],
    ['PT0.5S', '500'],
    ['P1W', '604800000'],
  ])('waits %s as a delayed transition of %s ms', (duration, ms) => {
    const fragment = compileNode(logicWait, { duration }, { next: 'remind' }, 'pause');
    expect(fragment).toEqual({
      after: {
        [ms]: {
          target: 'remind',
          actions: [{ type: 'leaveNode', params: { nodeId: 'pause', port: 'next' } }],
        },
      },
    });
  });

  it('completes the run after the wait when "next" is not wired', () => {
    expect(compileNode(logicWait, { duration: 'PT1M' }).after).toEqual({
      '60000': {
        target: '__completed',
        actions: [{ type: 'leaveNode', params: { nodeId: 'node', port: 'next' } }],
      },
    });
  });

  it('with until: a named delay, and a guard that fails the run on an unreadable date', () => {
    const until = '{{ input.callAt }}';
    const fragment = compileNode(logicWait, { until }, { next: 'call' }, 'pause');
    expect(fragment.meta).toEqual({ until });
    expect(fragment.always).toEqual({
      guard: { type: 'untilInvalid', params: { until } },
      target: '__failed',
      actions: [{ type: 'fail', params: { nodeId: 'pause', code: 'WAIT_UNTIL_INVALID', until } }],
    });
    expect(fragment.after).toEqual({
      'until:pause': {
        target: 'call',
        actions: [{ type: 'leaveNode', params: { nodeId: 'pause', port: 'next' } }],
      },
    });
  });
});
