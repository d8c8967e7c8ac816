import type {
  AudioSource,
  Call,
  GatherOptions,
  GatherResult,
  HangupSide,
  PressedKey,
  RecordOptions,
  RecordResult,
  SayOptions,
  TransferMode,
  TransferOutcome,
} from '../voice-driver.ts';
import { VoiceError } from '../sip/voice-error.ts';
import type { TwimlVerb } from './twiml-document.ts';
import { renderTwiml } from './twiml-document.ts';

/** Where the provider comes back to, per turn; and what the driver does for the call. */
export interface TwimlCallContext {
  url(kind: 'continue' | 'gathered' | 'recorded' | 'dialled' | 'answered', seq: number): string;
  /** A URL the provider can GET this audio from. */
  audioUrl(audio: AudioSource): Promise<string>;
  /** Fetches the provider's recording into `path`. */
  download(recordingUrl: string, path: string): Promise<void>;
  /** Writes an empty WAV at `path`: the provider recorded nothing. */
  writeEmptyRecording(path: string): Promise<void>;
  /** Played in a loop while on hold (default: silence). */
  holdVerb(): Promise<TwimlVerb>;
  heldRequestMs: number;
  idleGapMs: number;
  dialTimeoutSeconds: number;
  now(): Date;
}

export type ProviderRequestKind = 'inbound' | 'continue' | 'gathered' | 'recorded' | 'dialled';

interface Waiter {
  resolve(): void;
  reject(error: Error): void;
}

type Operation =
  | { kind: 'gather'; options: GatherOptions; resolve(result: GatherResult): void; reject(e: Error): void }
  | { kind: 'record'; options: RecordOptions; resolve(result: RecordResult): void; reject(e: Error): void }
  | { kind: 'dial'; resolve(outcome: TransferOutcome): void; reject(e: Error): void }
  | { kind: 'hold' };

/** What was sent in one answer, settled when the provider comes back for that answer's seq. */
interface Turn {
  seq: number;
  played: Waiter[];
  operation?: Operation;
}

const hangupDocument = renderTwiml([{ verb: 'Hangup' }]);

// Twilio's <Say> takes its own locale codes; a bare language gets the country we prompt in.
const sayLocales: Record<string, string> = { es: 'es-ES', en: 'en-US' };
// espeak-ng voice names (`es+f3`) mean nothing to the provider and it rejects unknown ones;
// only its own names are passed on.
const providerVoice = /^(man|woman|alice|Polly\.|Google\.)/;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * One call on a TwiML provider. The imperative `Call` contract becomes request/response: the
 * provider's webhook request is held until the flow gives it something to do, answered with the
 * verbs, and each operation settles when the provider comes back to the URL of that answer.
 */
export class TwimlCall implements Call {
  readonly ended: Promise<{ side: HangupSide; at: Date }>;
  readonly pressedKeys: PressedKey[] = [];
  private resolveEnded!: (value: { side: HangupSide; at: Date }) => void;
  private isEnded = false;
  private answered = false;
  private responded = false;
  private seq = 0;
  private held: { respond(xml: string): void; timer: NodeJS.Timeout } | undefined;
  private outgoing: string | undefined;
  private next: { verbs: TwimlVerb[]; played: Waiter[] } = { verbs: [], played: [] };
  private idleTimer: NodeJS.Timeout | undefined;
  private sent: Turn | undefined;
  private onHold = false;
  private resumed: Waiter | undefined;
  /** The last answer, for the request open when the call ends or any that comes after. */
  private farewell = hangupDocument;

  constructor(
    readonly id: string,
    readonly from: string,
    readonly to: string,
    private readonly context: TwimlCallContext,
  ) {
    this.ended = new Promise((resolve) => {
      this.resolveEnded = resolve;
    });
  }

  /**
   * The provider asks what to do next (`seq` is the answer it just finished). Settles that
   * answer's operations and holds the request until the flow gives it verbs.
   */
  receive(kind: ProviderRequestKind, seq: number, params: URLSearchParams): Promise<string> {
    const turn = this.sent?.seq === seq ? this.sent : undefined;
    if (turn) {
      this.sent = undefined;
      for (const waiter of turn.played) waiter.resolve();
      this.settle(turn, kind, params);
    }
    if (this.isEnded) return Promise.resolve(this.farewell);
    // Only a provider that retried has two requests open; should the older still be listened
    // to, a redirect keeps the call up where an empty answer would end it.
    this.respond(renderTwiml([{ verb: 'Redirect', url: this.context.url('continue', 0) }]));
    return new Promise((respond) => {
      const timer = setTimeout(() => this.keepAlive(), this.context.heldRequestMs);
      timer.unref();
      this.held = { respond, timer };
      if (turn?.operation?.kind === 'hold' && this.onHold) void this.sendHoldMusic();
      this.pump();
    });
  }

  /** The transfer target picked up (the <Number url> request): the call is theirs now. */
  calleeAnswered(seq: number): void {
    const operation = this.sent?.seq === seq ? this.sent.operation : undefined;
    if (operation?.kind !== 'dial') return;
    this.sent = undefined;
    operation.resolve('answered');
    this.end('transfer');
  }

  /** The provider's status callback says the call is over. */
  providerEnded(): void {
    this.end('caller');
  }

  async answer(): Promise<void> {
    this.ensureLive();
    this.answered = true;
  }

  async play(audio: AudioSource): Promise<void> {
    this.ensureLive();
    const url = await this.context.audioUrl(audio);
    return this.enqueue({ verb: 'Play', url });
  }

  async say(text: string, options: SayOptions): Promise<void> {
    return this.enqueue(sayVerb(text, options));
  }

  async gather(options: GatherOptions): Promise<GatherResult> {
    this.ensureLive();
    const source = options.prompt;
    // Nested in the <Gather>, a spoken prompt is cut off by the first key (TwiML's own barge-in).
    const prompt = !source
      ? []
      : source.kind === 'speech'
        ? [
            sayVerb(source.text, {
              language: source.language,
              ...(source.voice ? { voice: source.voice } : {}),
            }),
          ]
        : [{ verb: 'Play' as const, url: await this.context.audioUrl(source) }];
    return new Promise<GatherResult>((resolve, reject) => {
      this.send(
        (seq, pending) => [
          {
            verb: 'Gather',
            action: this.context.url('gathered', seq),
            numDigits: options.maxDigits,
            finishOnKey: options.finishOnKey ?? '',
            timeout: seconds(options.timeoutMs),
            // What was about to be said goes inside, so a key pressed during it counts.
            nested: [...pending.filter(nestable), ...prompt],
          },
          // TwiML: a <Gather> with no input falls through to the next verb.
          { verb: 'Redirect', url: this.context.url('gathered', seq) },
        ],
        { kind: 'gather', options, resolve, reject },
      );
    });
  }

  async record(options: RecordOptions): Promise<RecordResult> {
    this.ensureLive();
    return new Promise<RecordResult>((resolve, reject) => {
      this.send(
        (seq, pending) => [
          ...pending,
          {
            verb: 'Record',
            action: this.context.url('recorded', seq),
            maxLength: seconds(options.maxLengthMs),
            playBeep: options.beep,
            ...(options.finishOnKey ? { finishOnKey: options.finishOnKey } : {}),
          },
          // A <Record> that hears nothing does not call its action; the next verb runs.
          { verb: 'Redirect', url: this.context.url('recorded', seq) },
        ],
        { kind: 'record', options, resolve, reject },
      );
    });
  }

  async hold(): Promise<void> {
    this.ensureLive();
    if (this.onHold) return;
    this.onHold = true;
    await this.sendHoldMusic();
  }

  async resume(): Promise<void> {
    this.ensureLive();
    if (!this.onHold) return;
    this.onHold = false;
    // The music is playing out of our reach (no REST call): the caller is back once it ends.
    return new Promise((resolve, reject) => {
      this.resumed = { resolve, reject };
    });
  }

  async transfer(target: string, _mode: TransferMode): Promise<TransferOutcome> {
    this.ensureLive();
    // Blind and attended are the same on TwiML: <Dial> keeps the caller on ringback and only
    // bridges once the target answers; the flow learns the outcome either way.
    return new Promise<TransferOutcome>((resolve, reject) => {
      this.send(
        (seq, pending) => [
          ...pending,
          {
            verb: 'Dial',
            action: this.context.url('dialled', seq),
            timeout: this.context.dialTimeoutSeconds,
            target,
            answeredUrl: this.context.url('answered', seq),
          },
        ],
        { kind: 'dial', resolve, reject },
      );
    });
  }

  async hangup(): Promise<void> {
    if (this.isEnded) return;
    // Before any answer, refusing the call is TwiML's way to not pick up at all.
    const refuse = !this.answered && !this.responded;
    const { verbs, played } = this.next;
    this.next = { verbs: [], played: [] };
    for (const waiter of played) waiter.resolve();
    this.end(
      'flow',
      renderTwiml(refuse ? [{ verb: 'Reject', reason: 'rejected' }] : [...verbs, { verb: 'Hangup' }]),
    );
  }

  /** Ends the call from our side (the driver stopping). */
  close(): void {
    this.end('error');
  }

  private enqueue(verb: TwimlVerb): Promise<void> {
    this.ensureLive();
    return new Promise<void>((resolve, reject) => {
      this.next.verbs.push(verb);
      this.next.played.push({ resolve, reject });
      // A short gap lets operations issued together go out in one answer.
      this.idleTimer ??= setTimeout(() => {
        this.idleTimer = undefined;
        this.send((seq, pending) => [
          ...pending,
          { verb: 'Redirect', url: this.context.url('continue', seq) },
        ]);
      }, this.context.idleGapMs);
    });
  }

  private async sendHoldMusic() {
    const music = await this.context.holdVerb();
    this.send(
      (seq, pending) => [...pending, music, { verb: 'Redirect', url: this.context.url('continue', seq) }],
      {
        kind: 'hold',
      },
    );
  }

  /** Closes the answer being built and gives it to the provider (now, or when it next asks). */
  private send(build: (seq: number, pending: TwimlVerb[]) => TwimlVerb[], operation?: Operation) {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    const seq = ++this.seq;
    const { verbs, played } = this.next;
    this.next = { verbs: [], played: [] };
    this.sent = { seq, played, ...(operation ? { operation } : {}) };
    this.outgoing = renderTwiml(build(seq, verbs));
    this.pump();
  }

  private pump() {
    if (!this.held || this.outgoing === undefined) return;
    const xml = this.outgoing;
    this.outgoing = undefined;
    this.respond(xml);
  }

  private respond(xml: string) {
    const held = this.held;
    if (!held) return;
    this.held = undefined;
    clearTimeout(held.timer);
    this.responded = true;
    held.respond(xml);
  }

  /** Providers drop a webhook that takes ~15 s: a pause and a redirect keep the call up. */
  private keepAlive() {
    if (!this.held) return;
    this.respond(
      renderTwiml([
        { verb: 'Pause', length: 1 },
        { verb: 'Redirect', url: this.context.url('continue', 0) },
      ]),
    );
  }

  private settle(turn: Turn, kind: ProviderRequestKind, params: URLSearchParams) {
    const operation = turn.operation;
    if (!operation) return;
    switch (operation.kind) {
      case 'gather': {
        const digits = (params.get('Digits') ?? '').replace(/[^0-9*#]/g, '');
        const finishedOnKey = params.get('FinishedOnKey') ?? '';
        // The provider reports a gather's keys at once, so they share the time it did.
        const at = this.context.now();
        for (const key of digits + finishedOnKey.replace(/[^0-9*#]/g, '')) this.pressedKeys.push({ key, at });
        operation.resolve({
          digits,
          reason:
            digits.length >= operation.options.maxDigits
              ? 'max-digits'
              : finishedOnKey && kind === 'gathered'
                ? 'finish-key'
                : 'timeout',
        });
        return;
      }
      case 'record': {
        const url = params.get('RecordingUrl');
        const pressed = params.get('Digits') ?? '';
        const path = operation.options.path;
        const reason = pressed === 'hangup' ? 'hangup' : pressed ? 'finish-key' : 'max-length';
        const durationMs = Math.round(Number(params.get('RecordingDuration') ?? '0') * 1000) || 0;
        const saved = url ? this.context.download(url, path) : this.context.writeEmptyRecording(path);
        saved.then(
          () => operation.resolve({ path, durationMs: url ? durationMs : 0, reason }),
          (error: unknown) => operation.reject(error instanceof Error ? error : new Error(String(error))),
        );
        return;
      }
      case 'dial': {
        const outcome = dialOutcome(params.get('DialCallStatus'));
        operation.resolve(outcome);
        // A provider that did not run <Number url> reports the answer only now: same hand-over.
        if (outcome === 'answered') this.end('transfer');
        return;
      }
      case 'hold': {
        if (!this.onHold) {
          this.resumed?.resolve();
          this.resumed = undefined;
        }
        return;
      }
    }
  }

  private ensureLive() {
    if (this.isEnded) throw this.endedError();
  }

  private endedError() {
    return new VoiceError('CALL_ENDED', `Call ${this.id} has ended`);
  }

  private end(side: HangupSide, farewell = hangupDocument) {
    if (this.isEnded) return;
    this.isEnded = true;
    this.farewell = farewell;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.respond(farewell);
    const error = this.endedError();
    for (const waiter of [...this.next.played, ...(this.sent?.played ?? [])]) waiter.reject(error);
    this.resumed?.reject(error);
    const operation = this.sent?.operation;
    if (operation?.kind === 'gather') operation.resolve({ digits: '', reason: 'hangup' });
    else if (operation?.kind === 'dial') operation.reject(error);
    else if (operation?.kind === 'record') {
      // The provider still posts the recording after a hang-up (Digits=hangup): give it time.
      const sent = this.sent;
      setTimeout(() => {
        if (this.sent === sent) operation.reject(error);
      }, this.context.heldRequestMs).unref();
    }
    if (operation?.kind !== 'record') this.sent = undefined;
    this.next = { verbs: [], played: [] };
    this.resolveEnded({ side, at: this.context.now() });
  }
}

function sayVerb(text: string, options: SayOptions): TwimlVerb {
  const language = sayLocales[options.language] ?? options.language;
  const voice = options.voice && providerVoice.test(options.voice) ? options.voice : undefined;
  return { verb: 'Say', text, language, ...(voice ? { voice } : {}) };
}

const nestable = (verb: TwimlVerb) => verb.verb === 'Say' || verb.verb === 'Play' || verb.verb === 'Pause';

/** DialCallStatus (TwiML <Dial> action) in the Call contract's words. */
function dialOutcome(status: string | null): TransferOutcome {
  switch (status) {
    case 'completed':
    case 'answered':
      return 'answered';
    case 'busy':
      return 'busy';
    case 'no-answer':
      return 'no-answer';
    default:
      return 'failed';
  }
}
