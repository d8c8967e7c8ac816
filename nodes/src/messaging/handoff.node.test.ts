import { describe, expect, it } from 'vitest';
import { compileNode } from '../sdk/testing.ts';
import type { StateFragment, TransitionJson } from '../sdk/types.ts';
import { conversationHandoff } from './handoff.node.ts';

describe('conversation.handoff', () => {
  it('queues the conversation, then waits for the agent to close it or the time to run out', () => {
    const fragment = compileNode(
      conversationHandoff,
      { timeout: 'PT2H' },
      { closed: 'bye', timeout: 'late' },
      'human',
    ) as StateFragment;
    expect(fragment.initial).toBe('handing');
    const waiting = fragment.states!.waiting!;
    expect((waiting.on!['conversation.closed'] as TransitionJson).target).toBe('#flow.bye');
    expect(waiting.after).toEqual({ '7200000': expect.objectContaining({ target: '#flow.late' }) });
    const handing = fragment.states!.handing!.invoke!;
    expect(handing.onDone.map((t) => t.target)).toEqual(['waiting', '#flow.__failed']);
  });

  it('needs a queue', () => {
    expect(conversationHandoff.config.safeParse({ queue: '' }).success).toBe(false);
  });
});
