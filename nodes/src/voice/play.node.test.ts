import { describe, expect, it } from 'vitest';
import { runNodeActivity, testScope } from '../sdk/testing.ts';
import { callInput, ScriptedCall } from './scripted-call.ts';
import { audioSourceOf, voicePlay } from './play.node.ts';

describe('voice.play', () => {
  it('tells URLs from files', () => {
    expect(audioSourceOf('https://example.test/a.wav')).toEqual({
      kind: 'url',
      url: 'https://example.test/a.wav',
    });
    expect(audioSourceOf('/srv/prompts/hello.wav')).toEqual({ kind: 'file', path: '/srv/prompts/hello.wav' });
  });

  it('plays the audio on the run’s call', async () => {
    const call = new ScriptedCall();
    await runNodeActivity(
      voicePlay,
      { audio: '/srv/prompts/hello.wav' },
      { scope: testScope({ input: callInput }), voice: call.voice() },
    );
    expect(call.played).toEqual([{ kind: 'file', path: '/srv/prompts/hello.wav' }]);
  });
});
