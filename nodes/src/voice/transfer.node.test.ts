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
      output: { target: 'sip:ana@pbx.local', mode: 'attended', outcome: 'busy' },
    });
    expect(call.said).toEqual([{ text: 'Le pasamos con un agente', options: { language: 'es' } }]);
    expect(call.transfers).toEqual([
      { target: 'sip:ana@pbx.local', mode: 'attended', options: { ringTimeoutMs: 15_000 } },
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
