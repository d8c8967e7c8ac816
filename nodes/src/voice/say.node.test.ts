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

describe('voice.say with a recorded prompt', () => {
  const welcome = 'prompt:0b6f1c52-5c1e-4c39-9a55-3f0c2a8f6e11';
  const prompts = { file: async (id: string) => `/prompts/${id}.wav` };

  it('accepts a recording without text, plays it and reads nothing aloud', async () => {
    expect(voiceSay.config.safeParse({ recordedPrompt: welcome }).success).toBe(true);
    const call = new ScriptedCall();
    const result = await runNodeActivity(
      voiceSay,
      { recordedPrompt: welcome },
      { scope: testScope({ input: callInput }), voice: call.voice(), voicePrompts: prompts },
    );
    expect(result).toEqual({ port: 'next', output: { text: '' } });
    expect(call.said).toEqual([]);
    expect(call.played).toEqual([
      { kind: 'file', path: '/prompts/0b6f1c52-5c1e-4c39-9a55-3f0c2a8f6e11.wav' },
    ]);
  });

  it('refuses neither text nor recording, on the text field, naming the recording as the other way', () => {
    for (const config of [{}, { text: '   ' }, { text: '', recordedPrompt: '' }]) {
      const parsed = voiceSay.config.safeParse(config);
      expect(parsed.success, JSON.stringify(config)).toBe(false);
      expect(parsed.error?.issues).toEqual([
        expect.objectContaining({
          code: 'custom',
          path: ['text'],
          message: 'Write the text to say, or choose a recorded audio',
          params: { reason: 'either', other: ['recordedPrompt'] },
        }),
      ]);
    }
  });

  it('keeps a text without a recording as before: read aloud', async () => {
    expect(voiceSay.config.parse({ text: 'Hola' })).toMatchObject({ text: 'Hola', language: 'es' });
    const call = new ScriptedCall();
    await runNodeActivity(
      voiceSay,
      { text: 'Hola' },
      { scope: testScope({ input: callInput }), voice: call.voice() },
    );
    expect(call.said.map((s) => s.text)).toEqual(['Hola']);
    expect(call.played).toEqual([]);
  });
});
