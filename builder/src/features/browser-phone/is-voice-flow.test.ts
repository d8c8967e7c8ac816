import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../api/types.ts';
import { isVoiceFlow } from './is-voice-flow.ts';

const doc = (nodes: Array<{ id: string; type: string }>, trigger?: string) =>
  ({
    name: 'f',
    nodes: nodes.map((n) => ({ ...n, config: {} })),
    edges: [],
    ...(trigger ? { trigger: { node: trigger } } : {}),
  }) as unknown as FlowDocument;

describe('isVoiceFlow', () => {
  it('looks at the named trigger, else the first node', () => {
    expect(isVoiceFlow(doc([{ id: 'a', type: 'voice.inbound-call' }]))).toBe(true);
    expect(
      isVoiceFlow(
        doc(
          [
            { id: 'a', type: 'flow.start' },
            { id: 'b', type: 'voice.inbound-call' },
          ],
          'b',
        ),
      ),
    ).toBe(true);
    expect(isVoiceFlow(doc([{ id: 'a', type: 'message.inbound' }]))).toBe(false);
    expect(isVoiceFlow(doc([]))).toBe(false);
  });
});
