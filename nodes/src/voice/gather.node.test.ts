import { describe, expect, it } from 'vitest';
import { portsOf } from '../sdk/define-node.ts';
import { runNodeActivity, testScope } from '../sdk/testing.ts';
import type { GatherResult } from '../drivers/voice/voice-driver.ts';
import { callInput, ScriptedCall } from './scripted-call.ts';
import { voiceGather } from './gather.node.ts';

const pin = {
  prompt: 'Marque su PIN y pulse almohadilla',
  pattern: '\\d{4}',
  timeout: 'PT4S',
  maxRetries: 1,
};

const typed = (digits: string): GatherResult => ({ digits, reason: 'finish-key' });
const silence: GatherResult = { digits: '', reason: 'timeout' };

async function runGather(answers: GatherResult[], config: object = pin) {
  const call = new ScriptedCall(answers);
  const result = await runNodeActivity(voiceGather, config, {
    scope: testScope({ input: callInput }),
    voice: call.voice(),
  });
  return { call, result };
}

describe('voice.gather', () => {
  it('has the ports next, invalid and timeout', () => {
    expect(portsOf(voiceGather, voiceGather.config.parse(pin))).toEqual(['next', 'invalid', 'timeout']);
  });

  it('collects digits until # with the prompt as a barge-in gather prompt', async () => {
    const { call, result } = await runGather([typed('1234')]);
    expect(result).toEqual({ port: 'next', output: { digits: '1234', attempts: 1 } });
    expect(call.gathers).toEqual([
      {
        prompt: { kind: 'speech', text: pin.prompt, language: 'es' },
        maxDigits: 32,
        finishOnKey: '#',
        timeoutMs: 4000,
      },
    ]);
  });

  it('asks again after an answer the pattern refuses and takes the next good one', async () => {
    const { call, result } = await runGather([typed('12'), typed('4321')]);
    expect(result).toEqual({ port: 'next', output: { digits: '4321', attempts: 2 } });
    expect(call.said.map((s) => s.text)).toEqual([pin.prompt, 'La respuesta no es válida.', pin.prompt]);
  });

  it('says the retry prompts in English for an English gather, and nothing when set empty', async () => {
    const english = await runGather([silence, typed('9999')], { ...pin, language: 'en' });
    expect(english.call.said.map((s) => s.text)).toContain('We did not receive an answer.');
    const quiet = await runGather([silence, typed('9999')], { ...pin, noInputPrompt: '' });
    expect(quiet.call.said.map((s) => s.text)).toEqual([pin.prompt, pin.prompt]);
  });

  it('leaves by timeout when nothing comes and by invalid when the last answer is wrong', async () => {
    expect((await runGather([silence, silence])).result).toEqual({
      port: 'timeout',
      output: { digits: '', attempts: 2 },
    });
    expect((await runGather([silence, typed('12345')])).result.port).toBe('invalid');
  });

  it('asks for a fixed number of digits without a finish key', async () => {
    const { call } = await runGather([{ digits: '55', reason: 'max-digits' }], {
      prompt: 'Dos dígitos',
      digits: 2,
      finishOnKey: '',
    });
    expect(call.gathers[0]).toMatchObject({ maxDigits: 2 });
    expect(call.gathers[0]).not.toHaveProperty('finishOnKey');
  });

  it('fails with CALLER_HUNG_UP when the caller leaves', async () => {
    await expect(runGather([{ digits: '12', reason: 'hangup' }])).rejects.toMatchObject({
      code: 'CALLER_HUNG_UP',
    });
  });

  it('refuses a pattern that does not compile and a gather the caller could never end', () => {
    const broken = voiceGather.config.safeParse({ ...pin, pattern: '([0-9' });
    expect(broken.success).toBe(false);
    expect(JSON.stringify(broken.error?.issues)).toContain('Not a valid regular expression');
    const endless = voiceGather.config.safeParse({ prompt: 'x', digits: 0, finishOnKey: '' });
    expect(endless.success).toBe(false);
  });
});

describe('voice.gather with a recorded prompt', () => {
  const recorded = 'prompt:0b6f1c52-5c1e-4c39-9a55-3f0c2a8f6e11';
  const withoutText = { ...pin, prompt: undefined };

  it('accepts a recording without the prompt text and plays it as the gather prompt', async () => {
    const call = new ScriptedCall([typed('1234')]);
    const result = await runNodeActivity(
      voiceGather,
      { ...withoutText, recordedPrompt: recorded },
      {
        scope: testScope({ input: callInput }),
        voice: call.voice(),
        voicePrompts: { file: async (id) => `/prompts/${id}.wav` },
      },
    );
    expect(result).toEqual({ port: 'next', output: { digits: '1234', attempts: 1 } });
    expect(call.said).toEqual([]);
    expect(call.gathers[0]?.prompt).toEqual({
      kind: 'file',
      path: '/prompts/0b6f1c52-5c1e-4c39-9a55-3f0c2a8f6e11.wav',
    });
  });

  it('refuses neither prompt text nor recording, on the prompt field', () => {
    const parsed = voiceGather.config.safeParse(withoutText);
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ['prompt'], params: { reason: 'either', other: ['recordedPrompt'] } }),
    ]);
  });

  it('keeps a prompt text without a recording valid', () => {
    expect(voiceGather.config.safeParse(pin).success).toBe(true);
  });
});

describe('voice.gather retry prompts as recordings', () => {
  const none = 'prompt:0b6f1c52-5c1e-4c39-9a55-3f0c2a8f6e13';

  it('plays the recording when no key came instead of reading its text', async () => {
    const call = new ScriptedCall([silence, typed('1234')]);
    const result = await runNodeActivity(
      voiceGather,
      { ...pin, noInputPrompt: 'No se lee', noInputRecordedPrompt: none },
      {
        scope: testScope({ input: callInput }),
        voice: call.voice(),
        voicePrompts: { file: async (id) => `/prompts/${id}.wav` },
      },
    );
    expect(result).toEqual({ port: 'next', output: { digits: '1234', attempts: 2 } });
    expect(call.played).toEqual([
      { kind: 'file', path: '/prompts/0b6f1c52-5c1e-4c39-9a55-3f0c2a8f6e13.wav' },
    ]);
    expect(call.said.map((s) => s.text)).not.toContain('No se lee');
  });
});
