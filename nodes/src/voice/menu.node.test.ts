import { describe, expect, it } from 'vitest';
import { portsOf } from '../sdk/define-node.ts';
import { compileNode, runFragment, runNodeActivity, testScope } from '../sdk/testing.ts';
import type { GatherResult } from '../sdk/call.ts';
import { callInput, ScriptedCall } from './scripted-call.ts';
import { voiceMenu } from './menu.node.ts';

const menu = {
  prompt: 'Pulse 1 para ventas, 2 para soporte',
  options: [
    { digit: '1', id: 'sales', label: 'Ventas' },
    { digit: '2', id: 'support', label: 'Soporte' },
  ],
  timeout: 'PT3S',
  maxRetries: 1,
};

const press = (digits: string): GatherResult => ({ digits, reason: 'max-digits' });
const silence: GatherResult = { digits: '', reason: 'timeout' };

async function runMenu(answers: GatherResult[]) {
  const call = new ScriptedCall(answers);
  const result = await runNodeActivity(voiceMenu, menu, {
    scope: testScope({ input: callInput }),
    voice: call.voice(),
  });
  return { call, result };
}

describe('voice.menu', () => {
  it('has one port per option plus timeout and invalid', () => {
    expect(portsOf(voiceMenu, voiceMenu.config.parse(menu))).toEqual([
      'sales',
      'support',
      'timeout',
      'invalid',
    ]);
  });

  it('routes digit 2 to the support port after saying the prompt', async () => {
    const { call, result } = await runMenu([press('2')]);
    expect(result).toEqual({ port: 'support', output: { digit: '2', option: 'support', attempts: 1 } });
    expect(call.said.map((s) => s.text)).toEqual(['Pulse 1 para ventas, 2 para soporte']);
    // The prompt is the gather's own, so the first key cuts it off (barge-in).
    expect(call.gathers).toEqual([
      {
        prompt: { kind: 'speech', text: menu.prompt, language: 'es' },
        maxDigits: 1,
        timeoutMs: 3000,
      },
    ]);
  });

  it('asks again after a wrong key and goes on by the next good one', async () => {
    const { call, result } = await runMenu([press('9'), press('1')]);
    expect(result.port).toBe('sales');
    expect(call.said.map((s) => s.text)).toEqual([menu.prompt, 'Opción no válida.', menu.prompt]);
  });

  it('leaves by timeout when no key comes on any attempt', async () => {
    const { call, result } = await runMenu([silence, silence]);
    expect(result).toEqual({ port: 'timeout', output: { digit: '', attempts: 2 } });
    expect(call.said.map((s) => s.text)).toContain('No hemos recibido ninguna opción.');
  });

  it('leaves by invalid when the last attempt is a wrong key', async () => {
    expect((await runMenu([silence, press('7')])).result.port).toBe('invalid');
  });

  it('fails with CALLER_HUNG_UP when the caller hangs up during the menu', async () => {
    await expect(runMenu([{ digits: '', reason: 'hangup' }])).rejects.toMatchObject({
      code: 'CALLER_HUNG_UP',
    });
  });

  it('refuses a key used twice and the reserved port ids', () => {
    const twice = { ...menu, options: [menu.options[0], { digit: '1', id: 'other' }] };
    expect(voiceMenu.config.safeParse(twice).success).toBe(false);
    expect(voiceMenu.config.safeParse({ ...menu, options: [{ digit: '1', id: 'timeout' }] }).success).toBe(
      false,
    );
  });

  it('compiles to an activity whose port picks the option’s edge', () => {
    const fragment = compileNode(voiceMenu, menu, { sales: 'saySales', support: 'saySupport' }, 'menu');
    expect(
      fragment.invoke?.onDone.map((t) => [t.guard?.type === 'portIs' && t.guard.params.port, t.target]),
    ).toEqual([
      ['sales', 'saySales'],
      ['support', 'saySupport'],
      ['timeout', '__completed'],
      ['invalid', '__completed'],
    ]);
  });
});

describe('voice.menu in a run', () => {
  it('goes on by the option its activity heard and keeps the key for later nodes', () => {
    const run = runFragment(voiceMenu, menu, { id: 'menu' });
    expect(run.activities).toEqual([{ id: 'menu', config: voiceMenu.config.parse(menu) }]);
    run.finishActivity('support', { digit: '2', option: 'support', attempts: 1 });
    expect(run.port).toBe('support');
    expect(run.output).toEqual({ digit: '2', option: 'support', attempts: 1 });
    expect(run.failure).toBeUndefined();
  });

  it('leaves by timeout after silence on every attempt', () => {
    const run = runFragment(voiceMenu, menu);
    run.finishActivity('timeout', { digit: '', attempts: 2 });
    expect(run.port).toBe('timeout');
  });

  it('fails the run at the menu when the call cannot go on', () => {
    const run = runFragment(voiceMenu, menu, { id: 'menu' });
    run.failActivity({ message: 'The caller hung up', code: 'CALLER_HUNG_UP' });
    expect(run.port).toBeUndefined();
    expect(run.failure).toEqual({ code: 'CALLER_HUNG_UP', message: 'The caller hung up', nodeId: 'menu' });
  });
});

describe('voice.menu with a recorded prompt', () => {
  const recorded = 'prompt:0b6f1c52-5c1e-4c39-9a55-3f0c2a8f6e11';
  const withoutText = { ...menu, prompt: undefined };

  it('accepts a recording without the prompt text and plays it as the gather prompt', async () => {
    const call = new ScriptedCall([press('1')]);
    const result = await runNodeActivity(
      voiceMenu,
      { ...withoutText, recordedPrompt: recorded },
      {
        scope: testScope({ input: callInput }),
        voice: call.voice(),
        voicePrompts: { file: async (id) => `/prompts/${id}.wav` },
      },
    );
    expect(result.port).toBe('sales');
    expect(call.said).toEqual([]);
    expect(call.gathers[0]?.prompt).toEqual({
      kind: 'file',
      path: '/prompts/0b6f1c52-5c1e-4c39-9a55-3f0c2a8f6e11.wav',
    });
  });

  it('refuses neither prompt text nor recording, on the prompt field', () => {
    const parsed = voiceMenu.config.safeParse(withoutText);
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ['prompt'], params: { reason: 'either', other: ['recordedPrompt'] } }),
    ]);
  });

  it('keeps a prompt text without a recording valid', () => {
    expect(voiceMenu.config.safeParse(menu).success).toBe(true);
  });
});

describe('voice.menu retry prompts as recordings', () => {
  const wrong = 'prompt:0b6f1c52-5c1e-4c39-9a55-3f0c2a8f6e12';

  it('plays the recording after a wrong key instead of reading its text, and reads the other text', async () => {
    const call = new ScriptedCall([press('9'), silence, press('1')]);
    const result = await runNodeActivity(
      voiceMenu,
      { ...menu, maxRetries: 2, invalidRecordedPrompt: wrong },
      {
        scope: testScope({ input: callInput }),
        voice: call.voice(),
        voicePrompts: { file: async (id) => `/prompts/${id}.wav` },
      },
    );
    expect(result.port).toBe('sales');
    expect(call.played).toEqual([
      { kind: 'file', path: '/prompts/0b6f1c52-5c1e-4c39-9a55-3f0c2a8f6e12.wav' },
    ]);
    expect(call.said.map((s) => s.text)).toEqual([
      menu.prompt,
      menu.prompt,
      'No hemos recibido ninguna opción.',
      menu.prompt,
    ]);
  });

  it('fails plainly when the worker cannot read recordings', async () => {
    const call = new ScriptedCall([press('9'), press('1')]);
    const run = runNodeActivity(
      voiceMenu,
      { ...menu, invalidRecordedPrompt: wrong },
      { scope: testScope({ input: callInput }), voice: call.voice() },
    );
    await expect(run).rejects.toMatchObject({ code: 'VOICE_PROMPTS_UNAVAILABLE' });
  });
});
