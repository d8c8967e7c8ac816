import { writeFile } from 'node:fs/promises';
import { encodeWav } from '../drivers/voice/sip/wav-file.ts';
import type {
  AudioSource,
  Call,
  CallRecording,
  GatherOptions,
  GatherResult,
  HangupSide,
  RecordOptions,
  RecordResult,
  SayOptions,
  TransferMode,
  TransferOptions,
  TransferOutcome,
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
  readonly transfers: Array<{ target: string; mode: TransferMode; options: TransferOptions | undefined }> =
    [];
  /** What each transfer answers, in order; `failed` once they run out. */
  transferOutcomes: TransferOutcome[] = [];
  /** As a browser's test call: transfers are simulated. */
  simulatesTransfer = false;
  readonly records: RecordOptions[] = [];
  /** What a recording captures (written as a WAV) and why it stops. */
  recordAudio: Int16Array = new Int16Array(8000);
  recordReason: RecordResult['reason'] = 'max-length';
  hungUp = false;
  private endCall!: (value: { side: HangupSide; at: Date }) => void;
  readonly ended: Promise<{ side: HangupSide; at: Date }> = new Promise((resolve) => {
    this.endCall = resolve;
  });

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
  async record(options: RecordOptions): Promise<RecordResult> {
    this.records.push(options);
    return this.writeRecording(options.path, this.recordReason);
  }
  startRecording(options: { path: string }): CallRecording {
    const done = this.ended.then(() => this.writeRecording(options.path, 'hangup'));
    return { done, stop: () => done };
  }
  /** The caller hangs up: background recordings end. */
  callerHangsUp(): void {
    this.endCall({ side: 'caller', at: new Date() });
  }
  private async writeRecording(path: string, reason: RecordResult['reason']): Promise<RecordResult> {
    await writeFile(path, encodeWav(this.recordAudio));
    return { path, durationMs: this.recordAudio.length / 8, reason };
  }
  async hold() {}
  async resume() {}
  async transfer(target: string, mode: TransferMode, options?: TransferOptions): Promise<TransferOutcome> {
    this.transfers.push({ target, mode, options });
    return this.transferOutcomes.shift() ?? 'failed';
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
