import { describe, expect, it } from 'vitest';
import { compileNode, runNodeActivity, testScope } from '../sdk/testing.ts';
import { callInput, ScriptedCall } from './scripted-call.ts';
import { voiceSay } from './say.node.ts';

describe('voice.say', () => {
  it('says the rendered text in the chosen language on the run’s call', async () => {
    const call = new ScriptedCall();
    const result = await runNodeActivity(
      voiceSay,
      { text: 'Hola {{ input.from }}', language: 'es' },
      { scope: testScope({ input: callInput }), voice: call.voice() },
    );
    expect(result).toEqual({ port: 'next', output: { text: 'Hola 600111222' } });
    expect(call.said).toEqual([{ text: 'Hola 600111222', options: { language: 'es' } }]);
  });

  it('runs on the queue of the process holding the call, once', () => {
    const fragment = compileNode(voiceSay, { text: 'Hola' });
    expect(fragment.invoke?.input.options).toMatchObject({ queue: 'call', retry: { maximumAttempts: 1 } });
  });

  it('fails with CALLER_HUNG_UP when the call is gone', async () => {
    const run = runNodeActivity(
      voiceSay,
      { text: 'Hola' },
      { scope: testScope({ input: { ...callInput, callId: 'gone' } }), voice: new ScriptedCall().voice() },
    );
    await expect(run).rejects.toMatchObject({ code: 'CALLER_HUNG_UP', retryable: false });
  });

  it('fails with VOICE_NOT_CONFIGURED on a worker without a voice endpoint', async () => {
    await expect(
      runNodeActivity(voiceSay, { text: 'Hola' }, { scope: testScope({ input: callInput }) }),
    ).rejects.toMatchObject({ code: 'VOICE_NOT_CONFIGURED' });
  });
});
