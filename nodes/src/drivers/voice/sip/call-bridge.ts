import type { TransferOptions, TransferOutcome } from '../voice-driver.ts';
import { OutboundLeg, type OutboundLegDependencies } from './outbound-leg.ts';
import type { RtpSession } from './rtp-session.ts';
import { tone } from './tones.ts';
import { resolveTransferTarget } from './transfer-target.ts';
import { VoiceError } from './voice-error.ts';

/** What the bridge needs of the inbound call (SipCall provides it). */
export interface BridgeableCall {
  readonly id: string;
  readonly from: string;
  readonly ended: Promise<unknown>;
  readonly isEnded: boolean;
  /** The caller's RTP session; throws when the call is not answered or over. */
  media(): RtpSession;
  /** From now on the bridge owns the caller's audio; a BYE from either side ends both. */
  markBridged(): void;
  /** Ends the caller's side (BYE) because the bridged target hung up. */
  endBridge(): Promise<void>;
}

export interface BridgeDependencies extends OutboundLegDependencies {
  trunk: string | undefined;
  defaultRingTimeoutMs: number;
}

/** 425 Hz, 1 s on, 4 s off: the ITU-T E.180 ringing tone most of Europe and Latin America use. */
const ringCycle = (() => {
  const on = tone(425, 1000, 6000);
  const cycle = new Int16Array(5 * 8000);
  cycle.set(on);
  return cycle;
})();

/**
 * Attended transfer as a B2BUA: the endpoint calls the target on a leg of its own and, once
 * answered, relays RTP between the two legs, staying in the media path until either hangs up.
 * Robust with any caller (no REFER/Replaces support needed on its side) and keeps the call
 * recordable. G.711 is decoded and re-encoded per leg, so µ-law and A-law legs interwork;
 * RFC 4733 key presses are not relayed (the flow no longer listens once bridged).
 */
export async function bridgeTransfer(
  caller: BridgeableCall,
  target: string,
  options: TransferOptions,
  deps: BridgeDependencies,
): Promise<TransferOutcome> {
  const callerRtp = caller.media();
  const destination = resolveTransferTarget(target, deps.trunk);
  const stopRinging = new AbortController();
  const giveUp = new AbortController();
  const onCallerGone = () => giveUp.abort();
  void caller.ended.then(onCallerGone);
  options.signal?.addEventListener('abort', onCallerGone, { once: true });
  let ringback: Promise<void> | undefined;
  let result;
  try {
    result = await OutboundLeg.dial(
      destination,
      {
        fromUser: options.callerId ?? caller.from,
        ringTimeoutMs: options.ringTimeoutMs ?? deps.defaultRingTimeoutMs,
        signal: giveUp.signal,
        onRinging: () => {
          if (options.ringback === false) return;
          ringback = (async () => {
            while (!stopRinging.signal.aborted && !caller.isEnded) {
              if ((await callerRtp.play(ringCycle, stopRinging.signal)) === 'aborted') return;
            }
          })();
        },
      },
      deps,
    );
  } finally {
    stopRinging.abort();
    options.signal?.removeEventListener('abort', onCallerGone);
    await ringback;
  }
  const leg = result.leg;
  if (caller.isEnded) {
    await leg?.hangup();
    throw new VoiceError('CALL_ENDED', `Call ${caller.id} has ended`);
  }
  if (!leg) return result.outcome;
  caller.markBridged();
  // Hold music or a queue announcement must not talk over the two parties.
  callerRtp.stopPlayback();
  const toTarget = callerRtp.onAudio((audio) => leg.rtp.relay(audio.samples));
  const toCaller = leg.rtp.onAudio((audio) => callerRtp.relay(audio.samples));
  void Promise.race([
    caller.ended.then(() => 'caller' as const),
    leg.ended.then(() => 'target' as const),
  ]).then(async (first) => {
    toTarget();
    toCaller();
    if (first === 'caller') await leg.hangup();
    else await caller.endBridge();
  });
  return 'answered';
}
