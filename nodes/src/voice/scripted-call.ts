import type {
  AudioSource,
  Call,
  GatherOptions,
  GatherResult,
  HangupSide,
  SayOptions,
} from '../drivers/voice/voice-driver.ts';
import { callerHungUp } from './live-call.ts';
import type { NodeVoice } from '../sdk/types.ts';

/**
 * A `Call` for node tests: answers each gather from a script and records what was said and
 * played. The SIP endpoint itself is tested against sipp; here only the node's decisions matter.
 */
export class ScriptedCall implements Call {
  readonly id = 'call-1';
  readonly from = '600111222';
  readonly to = '1000';
  readonly said: Array<{ text: string; options: SayOptions }> = [];
  readonly played: AudioSource[] = [];
  readonly gathers: GatherOptions[] = [];
  hungUp = false;
  readonly ended: Promise<{ side: HangupSide; at: Date }> = new Promise(() => {});

  constructor(private readonly answers: GatherResult[] = []) {}

  async answer() {}
  async play(audio: AudioSource) {
    this.played.push(audio);
  }
  async say(text: string, options: SayOptions) {
    this.said.push({ text, options });
  }
  async gather(options: GatherOptions): Promise<GatherResult> {
    this.gathers.push(options);
    // A spoken gather prompt is heard like a say (until a key cuts it off, which a script cannot).
    if (options.prompt?.kind === 'speech') {
      const { text, language, voice } = options.prompt;
      this.said.push({ text, options: { language, ...(voice ? { voice } : {}) } });
    }
    return this.answers.shift() ?? { digits: '', reason: 'timeout' };
  }
  async record(): Promise<never> {
    throw new Error('not scripted');
  }
  async hold() {}
  async resume() {}
  async transfer(): Promise<never> {
    throw new Error('not scripted');
  }
  async hangup() {
    this.hungUp = true;
  }

  /** The voice dependency an activity gets: this call by its id, else the caller is gone. */
  voice(): NodeVoice {
    return {
      call: (callId) => {
        if (callId !== this.id) throw callerHungUp(callId);
        return this;
      },
    };
  }
}

/** The scope of a run started by this call. */
export const callInput = { callId: 'call-1', from: '600111222', to: '1000' };
