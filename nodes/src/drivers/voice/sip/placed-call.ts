import { randomUUID } from 'node:crypto';
import type {
  AudioSource,
  Call,
  GatherOptions,
  GatherResult,
  HangupSide,
  PlayOptions,
  CallRecording,
  PressedKey,
  RecordOptions,
  RecordResult,
  SayOptions,
  SpeechPrompt,
  TransferOutcome,
} from '../voice-driver.ts';
import type { AudioLoader } from './audio-loader.ts';
import { DigitBuffer } from './digit-buffer.ts';
import { gatherKeys } from './gather-keys.ts';
import type { OutboundLeg } from './outbound-leg.ts';
import { recordMessage, recordWholeCall } from './record-on-media.ts';
import type { PromptSynthesizer } from './sip-call.ts';
import { VoiceError } from './voice-error.ts';

/** What a placed call talks on: an outbound SIP leg, or another media leg in its place (a browser). */
export type PlacedCallLeg = Pick<OutboundLeg, 'rtp' | 'ended' | 'isEnded' | 'hangup' | 'onInfoKey'>;

export interface PlacedCallDependencies {
  audio: AudioLoader;
  prompts: PromptSynthesizer | undefined;
  now: () => Date;
  /** A browser's test call: see `Call.simulatesTransfer`. */
  simulatesTransfer?: boolean;
}

/**
 * A call the endpoint placed to a person (a voice campaign) once they answered, or a browser's
 * call: the flow talks and records on the leg's media as it would on a call it answered. Hold and
 * transfer are an inbound SIP caller's (their phone owns the dialog's other end), so they are
 * refused here.
 */
export class PlacedSipCall implements Call {
  readonly id = randomUUID();
  readonly ended: Promise<{ side: HangupSide; at: Date }>;
  readonly pressedKeys: PressedKey[] = [];
  private readonly digits = new DigitBuffer();
  private readonly endController = new AbortController();
  private side: HangupSide | undefined;

  constructor(
    private readonly leg: PlacedCallLeg,
    /** Our caller id. */
    readonly from: string,
    /** The number called. */
    readonly to: string,
    private readonly deps: PlacedCallDependencies,
  ) {
    const press = (key: string) => {
      this.pressedKeys.push({ key, at: deps.now() });
      this.digits.push(key);
    };
    leg.rtp.onDigit(press);
    leg.onInfoKey = press;
    this.ended = leg.ended.then((by) => {
      this.endController.abort();
      return { side: this.side ?? (by === 'remote' ? 'caller' : 'error'), at: deps.now() };
    });
  }

  get isEnded(): boolean {
    return this.leg.isEnded;
  }

  get simulatesTransfer(): boolean {
    return this.deps.simulatesTransfer === true;
  }

  /** It was answered when it became a call. */
  async answer(): Promise<void> {
    this.live();
  }

  async play(audio: AudioSource, options: PlayOptions = {}): Promise<void> {
    this.live();
    const samples = await this.deps.audio.load(audio);
    const end = this.endController.signal;
    await this.leg.rtp.play(samples, options.signal ? AbortSignal.any([end, options.signal]) : end);
  }

  async say(text: string, options: SayOptions & PlayOptions): Promise<void> {
    this.live();
    const { signal, ...speech } = options;
    await this.play(await this.speech({ kind: 'speech', text, ...speech }), signal ? { signal } : {});
  }

  async gather(options: GatherOptions): Promise<GatherResult> {
    this.live();
    return gatherKeys(
      {
        rtp: this.leg.rtp,
        digits: this.digits,
        ended: this.endController.signal,
        isEnded: () => this.leg.isEnded,
        load: async (source) =>
          this.deps.audio.load(source.kind === 'speech' ? await this.speech(source) : source),
      },
      options,
    );
  }

  async record(options: RecordOptions): Promise<RecordResult> {
    this.live();
    return recordMessage(
      { rtp: this.leg.rtp, digits: this.digits, ended: this.endController.signal },
      options,
    );
  }

  startRecording(options: { path: string }): CallRecording {
    this.live();
    return recordWholeCall({ rtp: this.leg.rtp, ended: this.endController.signal }, options);
  }

  hold(): Promise<void> {
    return Promise.reject(this.unsupported('hold'));
  }

  resume(): Promise<void> {
    return Promise.reject(this.unsupported('resume'));
  }

  transfer(): Promise<TransferOutcome> {
    return Promise.reject(this.unsupported('transfer'));
  }

  async hangup(): Promise<void> {
    if (this.leg.isEnded) return;
    this.side = 'flow';
    await this.leg.hangup();
  }

  /** Ends the call from the endpoint's side (driver stopping). */
  abort(): void {
    this.side ??= 'error';
    void this.leg.hangup();
  }

  private async speech(prompt: SpeechPrompt): Promise<AudioSource> {
    if (!this.deps.prompts)
      throw new VoiceError(
        'NO_TTS_CONFIGURED',
        'No text-to-speech is configured for the SIP endpoint (prompts.say)',
      );
    const options: SayOptions = {
      language: prompt.language,
      ...(prompt.voice ? { voice: prompt.voice } : {}),
    };
    return { kind: 'file', path: await this.deps.prompts.say(prompt.text, options) };
  }

  private live(): void {
    if (this.leg.isEnded) throw new VoiceError('CALL_ENDED', `Call ${this.id} has ended`);
  }

  private unsupported(what: string): VoiceError {
    return new VoiceError(
      'PLACED_CALL_UNSUPPORTED',
      `A campaign's call cannot ${what} yet: only calls the endpoint answered can`,
    );
  }
}
