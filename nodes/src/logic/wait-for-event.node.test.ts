import { describe, expect, it } from 'vitest';
import { compileNode } from '../sdk/testing.ts';
import { logicWaitForEvent } from './wait-for-event.node.ts';

describe('logic.wait-for-event config', () => {
  it('accepts an event name and a timeout', () => {
    expect(logicWaitForEvent.config.parse({ event: 'order.paid', timeout: 'P3D' })).toEqual({
      event: 'order.paid',
      timeout: 'P3D',
    });
  });

  it.each(['1st', 'has space', '', 'xstate.done.actor.x'])('rejects the event name %j', (event) => {
    const result = logicWaitForEvent.config.safeParse({ event, timeout: 'PT1H' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['event']);
    expect(result.error?.issues[0]?.message).toMatch(/starts with a letter|reserved/);
  });

  it('reserves names starting with "xstate."', () => {
    const result = logicWaitForEvent.config.safeParse({ event: 'xstate.init', timeout: 'PT1H' });
    expect(result.error?.issues[0]?.message).toMatch(/"xstate\." are reserved/);
  });

  it('requires a timeout, and a valid one', () => {
    expect(logicWaitForEvent.config.safeParse({ event: 'go' }).error?.issues[0]?.path).toEqual(['timeout']);
    const bad = logicWaitForEvent.config.safeParse({ event: 'go', timeout: 'P1Y' });
    expect(bad.error?.issues[0]?.message).toMatch(/ISO-8601 duration/);
  });
});

describe('logic.wait-for-event definition', () => {
  it('waits, and requires its timeout port to be wired', () => {
    expect(logicWaitForEvent.waits).toBe(true);
    expect(logicWaitForEvent.ports).toEqual(['received', 'timeout']);
    expect(logicWaitForEvent.requiredPorts).toEqual(['timeout']);
  });
});

describe('logic.wait-for-event compile', () => {
  it('listens for the event, saving its data, and times out after the duration in ms', () => {
    const fragment = compileNode(
      logicWaitForEvent,
      { event: 'approved', timeout: 'P3D' },
      { received: 'done', timeout: 'expired' },
      'approval',
    );
    expect(fragment).toEqual({
      on: {
        approved: {
          target: 'done',
          actions: [
            { type: 'saveEvent', params: { nodeId: 'approval' } },
            { type: 'leaveNode', params: { nodeId: 'approval', port: 'received' } },
          ],
        },
      },
      after: {
        '259200000': {
          target: 'expired',
          actions: [{ type: 'leaveNode', params: { nodeId: 'approval', port: 'timeout' } }],
        },
      },
    });
  });

  it('completes the run on an unwired port', () => {
    const fragment = compileNode(logicWaitForEvent, { event: 'go', timeout: 'PT30S' }, { timeout: 'late' });
    expect(fragment.on?.go).toMatchObject({ target: '__completed' });
    expect(fragment.after?.['30000']).toMatchObject({ target: 'late' });
  });
});
