import type { AudioSource, GatherOptions, GatherResult, SpeechPrompt } from '../voice-driver.ts';
import type { DigitBuffer } from './digit-buffer.ts';
import type { RtpSession } from './rtp-session.ts';

export interface GatherMedia {
  rtp: RtpSession;
  digits: DigitBuffer;
  /** Aborts when the call ends. */
  ended: AbortSignal;
  /** The prompt's samples (speech synthesised, files and URLs loaded). */
  load: (source: AudioSource | SpeechPrompt) => Promise<Int16Array>;
  isEnded: () => boolean;
}

/**
 * Collects keys on a call's media, the prompt cut off by the first key (barge-in): the one
 * gather both the calls we answer and the calls we place use.
 */
export async function gatherKeys(media: GatherMedia, options: GatherOptions): Promise<GatherResult> {
  const { rtp, digits } = media;
  const collected: string[] = [];
  const promptController = new AbortController();
  const stopPrompt = () => promptController.abort();
  media.ended.addEventListener('abort', stopPrompt, { once: true });
  // Keys typed ahead skip the prompt, as on any IVR. A key that comes while the prompt is being
  // synthesised aborts it before its first packet; one that comes while it plays stops it at once.
  const source = options.prompt;
  const prompt =
    source && digits.size === 0
      ? media.load(source).then((samples) => rtp.play(samples, promptController.signal))
      : Promise.resolve('done' as const);
  try {
    for (;;) {
      const wait = new AbortController();
      const key = digits.next(wait.signal);
      // The silence timer starts once the prompt is over (or at once between keys).
      const timer = (collected.length === 0 ? prompt : Promise.resolve('done')).then(
        () =>
          new Promise<'timeout'>((resolve) => {
            const handle = setTimeout(() => resolve('timeout'), options.timeoutMs);
            wait.signal.addEventListener('abort', () => clearTimeout(handle), { once: true });
          }),
      );
      const hangup = new Promise<'hangup'>((resolve) => {
        if (media.ended.aborted) resolve('hangup');
        media.ended.addEventListener('abort', () => resolve('hangup'), { once: true });
        wait.signal.addEventListener('abort', () => resolve('hangup'), { once: true });
      });
      const outcome = await Promise.race([key, timer, hangup]);
      wait.abort();
      if (outcome === 'hangup' || media.isEnded()) return { digits: collected.join(''), reason: 'hangup' };
      if (outcome === 'timeout' || outcome === undefined)
        return { digits: collected.join(''), reason: 'timeout' };
      stopPrompt();
      if (options.finishOnKey !== undefined && outcome === options.finishOnKey) {
        return { digits: collected.join(''), reason: 'finish-key' };
      }
      collected.push(outcome);
      if (collected.length >= options.maxDigits) return { digits: collected.join(''), reason: 'max-digits' };
    }
  } finally {
    stopPrompt();
    media.ended.removeEventListener('abort', stopPrompt);
    await prompt.catch(() => undefined);
  }
}
