import { describe, expect, it } from 'vitest';
import { runNodeActivity, testScope } from '../sdk/testing.ts';
import { callInput, ScriptedCall } from './scripted-call.ts';
import { voiceHangup } from './hangup.node.ts';

describe('voice.hangup', () => {
  it('hangs up the run’s call', async () => {
    const call = new ScriptedCall();
    const result = await runNodeActivity(
      voiceHangup,
      {},
      { scope: testScope({ input: callInput }), voice: call.voice() },
    );
    expect(result.port).toBe('next');
    expect(call.hungUp).toBe(true);
  });
});
