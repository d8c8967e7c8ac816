import { describe, expect, it } from 'vitest';
import { builtinNodes } from './index.ts';

describe('pure nodes (played in the API by instant runs)', () => {
  it('are the built-ins CONTRIBUTING.md names, and none of them waits or needs a call', () => {
    const pure = builtinNodes.filter((d) => d.pure).map((d) => d.type);
    expect(pure.sort()).toEqual(
      [
        'flow.end',
        'flow.start',
        'http.respond',
        'http.webhook',
        'logic.ab-split',
        'logic.business-hours',
        'logic.code',
        'logic.set',
        'logic.split',
      ].sort(),
    );
    for (const definition of builtinNodes.filter((d) => d.pure)) {
      expect(definition.waits ?? false).toBe(false);
      expect(definition.activity?.options.queue).toBeUndefined();
    }
  });

  it('leaves every node that sends, calls out or waits unmarked', () => {
    for (const type of ['http.request', 'ai.chat', 'message.send', 'logic.wait', 'flow.call', 'voice.say'])
      expect(builtinNodes.find((d) => d.type === type)?.pure ?? false).toBe(false);
  });
});
