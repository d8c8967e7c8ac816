import type { CallRecording, RecordOptions, RecordResult } from '../voice-driver.ts';
import type { DigitBuffer } from './digit-buffer.ts';
import { MixRecorder } from './mix-recorder.ts';
import type { RtpSession } from './rtp-session.ts';
import { recordBeep } from './tones.ts';
import { WavRecorder } from './wav-recorder.ts';

/** What recording needs of a call, whichever leg carries it (a SIP caller, a browser). */
export interface RecordableMedia {
  rtp: RtpSession;
  digits: DigitBuffer;
  /** Aborted when the call ends. */
  ended: AbortSignal;
}

/** A message after an optional beep: the caller's side, until the longest length, the key or the end. */
export async function recordMessage(media: RecordableMedia, options: RecordOptions): Promise<RecordResult> {
  const { rtp, digits, ended } = media;
  // Type-ahead belongs to menus: a key pressed before the recording must not end it.
  digits.clear();
  if (options.beep) await rtp.play(recordBeep, ended);
  const recorder = await WavRecorder.create(options.path);
  const stopAudio = rtp.onAudio((audio) => recorder.write(audio.samples, audio.timestamp, audio.ssrc));
  const wait = new AbortController();
  try {
    const maxLength = new Promise<'max-length'>((resolve) => {
      const handle = setTimeout(() => resolve('max-length'), options.maxLengthMs);
      wait.signal.addEventListener('abort', () => clearTimeout(handle), { once: true });
    });
    const hangup = new Promise<'hangup'>((resolve) => {
      if (ended.aborted) resolve('hangup');
      ended.addEventListener('abort', () => resolve('hangup'), { once: true });
    });
    const finishKey = (async (): Promise<'finish-key' | undefined> => {
      if (options.finishOnKey === undefined) return new Promise<undefined>(() => undefined);
      for (;;) {
        const key = await digits.next(wait.signal);
        if (key === undefined) return undefined;
        if (key === options.finishOnKey) return 'finish-key';
      }
    })();
    const reason = await Promise.race([maxLength, hangup, finishKey.then((r) => r ?? 'hangup')]);
    return { ...(await recorder.close()), reason };
  } finally {
    wait.abort();
    stopAudio();
    await recorder.close().catch(() => undefined);
  }
}

/** Both sides mixed (what the caller heard and said), from now to stop() or the end of the call. */
export function recordWholeCall(
  media: Omit<RecordableMedia, 'digits'>,
  options: { path: string },
): CallRecording {
  const { rtp, ended } = media;
  const stopRequested = new AbortController();
  const done = (async (): Promise<RecordResult> => {
    const recorder = await MixRecorder.create(options.path);
    const stopIn = rtp.onAudio((audio) => recorder.add('in', audio.samples, audio.timestamp, audio.ssrc));
    const stopOut = rtp.onSent((audio) => recorder.add('out', audio.samples, audio.timestamp, audio.ssrc));
    const reason = await new Promise<RecordResult['reason']>((resolve) => {
      if (ended.aborted) return resolve('hangup');
      ended.addEventListener('abort', () => resolve('hangup'), { once: true });
      stopRequested.signal.addEventListener('abort', () => resolve('stopped'), { once: true });
    });
    stopIn();
    stopOut();
    return { ...(await recorder.close()), reason };
  })();
  return {
    done,
    stop: () => {
      stopRequested.abort();
      return done;
    },
  };
}
