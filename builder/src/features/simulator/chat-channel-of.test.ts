import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../api/types.ts';
import { chatChannelOf } from './chat-channel-of.ts';

const flowStartingWith = (type: string, config: Record<string, unknown>): FlowDocument => ({
  schemaVersion: 1,
  name: 'Bot',
  description: '',
  trigger: { node: 'in' },
  nodes: [{ id: 'in', type, version: 1, config, position: { x: 0, y: 0 } }],
  edges: [],
  variables: [],
});

describe('chatChannelOf', () => {
  it('tests a flow on the channel its trigger takes, email included', () => {
    expect(chatChannelOf(flowStartingWith('message.inbound', { channel: 'email' }))).toBe('email');
    expect(chatChannelOf(flowStartingWith('message.inbound', { channel: 'sms' }))).toBe('sms');
    expect(chatChannelOf(flowStartingWith('message.inbound', { channel: 'any' }))).toBe('any');
  });

  it('has no chat channel for a flow that does not start on a message', () => {
    expect(chatChannelOf(flowStartingWith('flow.start', {}))).toBeNull();
  });
});
