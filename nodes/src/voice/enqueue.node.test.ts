import { describe, expect, it } from 'vitest';
import { compileNode, runNodeActivity, testScope } from '../sdk/testing.ts';
import { callInput, ScriptedCall } from './scripted-call.ts';
import { VoiceError } from '../drivers/voice/sip/voice-error.ts';
import { voiceEnqueue } from './enqueue.node.ts';

/** A call whose agents are numbers on an endpoint with no trunk to dial them through. */
class NoTrunkCall extends ScriptedCall {
  override async transfer(): Promise<never> {
    throw new VoiceError('SIP_TRUNK_MISSING', 'Calling the number 1001 needs an outbound trunk');
  }
}

describe('voice.enqueue', () => {
  it('connects the caller when the agent answers, with the built-in hold music', async () => {
    const call = new ScriptedCall();
    call.transferOutcomes = ['answered'];
    const result = await runNodeActivity(
      voiceEnqueue,
      { queue: 'ventas-{{ vars.zone }}', agents: ['sip:ana@pbx.local'], announceEvery: 'PT0S' },
      { scope: testScope({ input: callInput, vars: { zone: 'norte' } }), voice: call.voice() },
    );
    expect(result.port).toBe('connected');
    expect(result.output).toMatchObject({ queue: 'ventas-norte', agent: 'sip:ana@pbx.local', position: 1 });
    expect(call.transfers[0]).toMatchObject({
      target: 'sip:ana@pbx.local',
      mode: 'attended',
      options: { ringTimeoutMs: 20_000, ringback: false },
    });
  });

  it('on a browser test call, says where a real call would wait and leaves by connected, simulated', async () => {
    const call = new ScriptedCall();
    call.simulatesTransfer = true;
    const result = await runNodeActivity(
      voiceEnqueue,
      { queue: 'soporte', agents: ['sip:ana@pbx.local', 'sip:luis@pbx.local'] },
      { scope: testScope({ input: callInput }), voice: call.voice() },
    );
    expect(result).toEqual({
      port: 'connected',
      output: { queue: 'soporte', agent: 'sip:ana@pbx.local', position: 1, waitedMs: 0, simulated: true },
    });
    expect(call.said.map((s) => s.text)).toEqual([
      'En una llamada real, aquí esperaría en la cola soporte hasta que contestase un agente.',
    ]);
    expect(call.transfers).toEqual([]);
    expect(call.played).toEqual([]);
  });

  it('announces the position and times out after the maximum wait when nobody answers', async () => {
    const call = new ScriptedCall();
    call.transferOutcomes = ['no-answer', 'busy'];
    const result = await runNodeActivity(
      voiceEnqueue,
      {
        queue: 'soporte',
        agents: ['sip:luis@pbx.local'],
        music: '/srv/music.wav',
        announceEvery: 'PT0.3S',
        language: 'en',
        maxWait: 'PT1S',
      },
      { scope: testScope({ input: callInput }), voice: call.voice() },
    );
    expect(result.port).toBe('timeout');
    expect(call.said[0]).toEqual({
      text: 'You are number 1 in the queue',
      options: expect.objectContaining({ language: 'en' }),
    });
    expect(call.played).toContainEqual({ kind: 'file', path: '/srv/music.wav' });
  });

  it('fails at once, not after the wait, when the agents cannot be called at all', async () => {
    const run = runNodeActivity(
      voiceEnqueue,
      { queue: 'sin-troncal', agents: ['1001'], announceEvery: 'PT0S', maxWait: 'PT1H' },
      { scope: testScope({ input: callInput }), voice: new NoTrunkCall().voice() },
    );
    await expect(run).rejects.toMatchObject({ code: 'SIP_TRUNK_MISSING' });
  });

  it('refuses a queue without agents or a wait over an hour, and runs long on the call queue', () => {
    expect(voiceEnqueue.config.safeParse({ queue: 'q', agents: [] }).success).toBe(false);
    expect(voiceEnqueue.config.safeParse({ queue: 'q', agents: ['1001'], maxWait: 'PT2H' }).success).toBe(
      false,
    );
    const fragment = compileNode(voiceEnqueue, { queue: 'q', agents: ['1001'] });
    expect(fragment.invoke?.input.options).toMatchObject({
      queue: 'call',
      startToCloseTimeout: '70m',
      heartbeatTimeout: '30s',
    });
  });
});
