import { describe, expect, it } from 'vitest';
import { compileNode } from '../sdk/testing.ts';
import { answersCall, voiceInboundCall } from './inbound-call.node.ts';

describe('voice.inbound-call', () => {
  it('answers calls to its numbers, ignoring spaces and dashes', () => {
    const config = voiceInboundCall.config.parse({ numbers: ['1000', '+34 911-000-000'] });
    expect(answersCall(config, '1000')).toBe(true);
    expect(answersCall(config, '+34911000000')).toBe(true);
    expect(answersCall(config, '1001')).toBe(false);
  });

  it('needs at least one number', () => {
    expect(voiceInboundCall.config.safeParse({ numbers: [] }).success).toBe(false);
  });

  it('starts the run with the call as its input', () => {
    expect(compileNode(voiceInboundCall, { numbers: ['1000'] }, { next: 'menu' })).toEqual({
      entry: [{ type: 'saveInput', params: { nodeId: 'node' } }],
      always: { target: 'menu', actions: [{ type: 'leaveNode', params: { nodeId: 'node', port: 'next' } }] },
    });
  });
});
