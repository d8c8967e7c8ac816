// One phone call as voice nodes see it (issue #6, DESIGN.md §7). The SDK owns the contract:
// voice nodes only ever talk to a `Call`, never to SIP, RTP or a provider's API, and every voice
// driver in drivers/voice hands the runtime its calls as `Call`s.

/** Audio a call can play: a prepared prompt file (8 kHz mono WAV, G.711-ready) or a URL. */
export type AudioSource = { kind: 'file'; path: string } | { kind: 'url'; url: string };

export interface SayOptions {
  /** BCP 47 language: `es`, `en`, `es-ES`… */
  language: string;
  /** A voice name the TTS engine knows; its default for the language when absent. */
  voice?: string;
}

/** Text a gather speaks as its prompt, through the driver's text-to-speech. */
export interface SpeechPrompt extends SayOptions {
  kind: 'speech';
  text: string;
}

export interface GatherOptions {
  /** Played or spoken, and cut off by the first key (barge-in), while waiting for digits. */
  prompt?: AudioSource | SpeechPrompt;
  /** Stop after this many digits. */
  maxDigits: number;
  /** A key that ends the input early (`#`); it is not part of the digits. */
  finishOnKey?: string;
  /** How long to wait for the first digit, and between digits, in milliseconds. */
  timeoutMs: number;
}

export interface GatherResult {
  digits: string;
  /** Why it stopped: enough digits, the finish key, silence, or the caller hung up. */
  reason: 'max-digits' | 'finish-key' | 'timeout' | 'hangup';
}

export interface RecordOptions {
  maxLengthMs: number;
  beep: boolean;
  /** A key that ends the recording (`#`). */
  finishOnKey?: string;
  /** Where the WAV goes. */
  path: string;
}

export interface RecordResult {
  path: string;
  durationMs: number;
  /** `stopped`: a background recording the flow ended with `stop()`. */
  reason: 'max-length' | 'finish-key' | 'hangup' | 'stopped';
}

/** A recording that runs in the background until it is stopped or the call ends. */
export interface CallRecording {
  /** Ends the recording now (idempotent); resolves with the closed WAV. */
  stop(): Promise<RecordResult>;
  /** Resolves once the WAV is closed: after `stop()` or when the call ends (`reason: 'hangup'`). */
  readonly done: Promise<RecordResult>;
}

/** A key the caller pressed, when it arrived. */
export interface PressedKey {
  key: string;
  at: Date;
}

/** Stops a playback early (the queue's hold music when an agent answers or the wait is over). */
export interface PlayOptions {
  signal?: AbortSignal;
}

export type TransferMode = 'blind' | 'attended';

export interface TransferOptions {
  /** How long the target may ring before the attempt counts as `no-answer` (and is cancelled). */
  ringTimeoutMs?: number;
  /** The caller id shown to the target (SIP From user); the caller's own number by default. */
  callerId?: string;
  /** Play ringback to the caller while the target rings (default true; a queue keeps its music). */
  ringback?: boolean;
  /** Gives up ringing (as `no-answer`): a queue whose wait is over. */
  signal?: AbortSignal;
}
export type TransferOutcome = 'answered' | 'busy' | 'no-answer' | 'failed';

export type HangupSide = 'caller' | 'flow' | 'transfer' | 'error';

/** One phone call, live on the driver that answered it. */
export interface Call {
  readonly id: string;
  /** The caller's number (or SIP user). */
  readonly from: string;
  /** The dialled number: the request-URI user part on SIP. Selects the `voice.inbound-call` flow. */
  readonly to: string;
  answer(): Promise<void>;
  play(audio: AudioSource, options?: PlayOptions): Promise<void>;
  say(text: string, options: SayOptions & PlayOptions): Promise<void>;
  gather(options: GatherOptions): Promise<GatherResult>;
  record(options: RecordOptions): Promise<RecordResult>;
  /**
   * Records both sides mixed (what the caller said and heard) from now to the end of the call (or
   * `stop()`), while the flow goes on playing, gathering and transferring. Optional: a driver
   * without it cannot record whole calls.
   */
  startRecording?(options: { path: string }): CallRecording;
  /** Every key the caller pressed so far, in order: for the call record. */
  readonly pressedKeys?: readonly PressedKey[];
  hold(): Promise<void>;
  resume(): Promise<void>;
  /**
   * Hands the caller to `target`. An `answered` attended transfer leaves the call bridged to the
   * target until either side hangs up (then `ended` resolves with side `transfer`).
   */
  transfer(target: string, mode: TransferMode, options?: TransferOptions): Promise<TransferOutcome>;
  /**
   * True on a browser's test call: its leg reaches no SIP destination, so `voice.transfer` says
   * where a real call would go and carries on as answered, marked simulated, instead of failing.
   */
  readonly simulatesTransfer?: boolean;
  /** True while the call is bridged to a transfer target: the flow no longer owns its audio. */
  readonly bridged?: boolean;
  hangup(): Promise<void>;
  /** Resolves once, when the call is over, saying who ended it. */
  readonly ended: Promise<{ side: HangupSide; at: Date }>;
}
