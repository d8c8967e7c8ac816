import { describe, expect, it } from 'vitest';
import { compileNode, runNodeActivity, testScope } from '../sdk/testing.ts';
import { callInput, ScriptedCall } from './scripted-call.ts';
import { voiceTransfer } from './transfer.node.ts';

describe('voice.transfer', () => {
  it('announces, transfers to the rendered target and leaves by the outcome', async () => {
    const call = new ScriptedCall();
    call.transferOutcomes = ['busy'];
    const result = await runNodeActivity(
      voiceTransfer,
      {
        target: 'sip:{{ vars.agent }}@pbx.local',
        announcement: 'Le pasamos con un agente',
        ringTimeout: 'PT15S',
      },
      { scope: testScope({ input: callInput, vars: { agent: 'ana' } }), voice: call.voice() },
    );
    expect(result).toEqual({
      port: 'busy',
      output: { target: 'sip:ana@pbx.local', mode: 'attended', outcome: 'busy', simulated: false },
    });
    expect(call.said).toEqual([{ text: 'Le pasamos con un agente', options: { language: 'es' } }]);
    expect(call.transfers).toEqual([
      { target: 'sip:ana@pbx.local', mode: 'attended', options: { ringTimeoutMs: 15_000 } },
    ]);
  });

  it('on a browser test call, says where a real call would go and leaves by answered, simulated', async () => {
    const call = new ScriptedCall();
    call.simulatesTransfer = true;
    const result = await runNodeActivity(
      voiceTransfer,
      { target: 'sip:soporte@pbx.local', announcement: 'Le pasamos con soporte', mode: 'blind' },
      { scope: testScope({ input: callInput }), voice: call.voice() },
    );
    expect(result).toEqual({
      port: 'answered',
      output: { target: 'sip:soporte@pbx.local', mode: 'blind', outcome: 'answered', simulated: true },
    });
    expect(call.said.map((s) => s.text)).toEqual([
      'Le pasamos con soporte',
      'En una llamada real, aquí se transferiría a soporte@pbx.local.',
    ]);
    expect(call.transfers).toEqual([]);
    const english = new ScriptedCall();
    english.simulatesTransfer = true;
    await runNodeActivity(
      voiceTransfer,
      { target: '+34910000000', language: 'en' },
      { scope: testScope({ input: callInput }), voice: english.voice() },
    );
    expect(english.said).toEqual([
      {
        text: 'On a real call, the caller would be transferred to +34910000000 here.',
        options: { language: 'en' },
      },
    ]);
  });

  it('has one port per outcome and refuses an empty target', async () => {
    const fragment = compileNode(voiceTransfer, { target: '600111222', mode: 'blind' });
    expect(fragment.invoke?.input.options).toMatchObject({ queue: 'call', retry: { maximumAttempts: 1 } });
    expect(voiceTransfer.config.safeParse({ target: '' }).success).toBe(false);
    const run = runNodeActivity(
      voiceTransfer,
      { target: '{{ vars.nobody }}' },
      { scope: testScope({ input: callInput }), voice: new ScriptedCall().voice() },
    );
    await expect(run).rejects.toMatchObject({ code: 'TRANSFER_TARGET_INVALID', retryable: false });
  });

  it('fails with CALLER_HUNG_UP when the call is gone', async () => {
    const run = runNodeActivity(
      voiceTransfer,
      { target: '600111222' },
      { scope: testScope({ input: { ...callInput, callId: 'gone' } }), voice: new ScriptedCall().voice() },
    );
    await expect(run).rejects.toMatchObject({ code: 'CALLER_HUNG_UP' });
  });
});
