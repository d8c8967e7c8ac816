import type { FlowEvent, RunFault } from '../../machine/index.ts';

/** The signal the voice endpoint sends when the caller hangs up. */
export const callHangupEvent = 'call.hangup';
/** The code a voice node fails with when it finds the call gone. */
export const callerHungUpCode = 'CALLER_HUNG_UP';

/**
 * A call's run ends as `abandoned`, at the node it was in, when the caller hangs up: told by the
 * `call.hangup` signal or by a voice node failing with CALLER_HUNG_UP. Runs not started by a call
 * (no call queue) treat both as ordinary events and failures.
 */
export interface CallHangup {
  readonly abandoned: boolean;
  /** Set once the run has ended as abandoned. */
  readonly fault: RunFault | undefined;
  /**
   * True when the signal was the caller hanging up on a live call run (and so is consumed).
   * `ended` is asked last: a signal-with-start's signal comes before the machine exists.
   */
  signalled(event: FlowEvent, ended: () => boolean): boolean;
  /** True when the activity failed because the caller hung up. */
  activityFailed(code: string | undefined): boolean;
  /** The run ends abandoned at `nodeId`. */
  end(nodeId: string | undefined): void;
  /** The error a step still open when the caller hung up is closed with. */
  stepError(nodeId: string): RunFault;
}

export function createCallHangup(callQueue: string | undefined): CallHangup {
  let abandoned = false;
  let fault: RunFault | undefined;
  const hungUp = (nodeId: string | undefined): RunFault => ({
    code: callerHungUpCode,
    message: 'The caller hung up',
    nodeId,
  });
  return {
    get abandoned() {
      return abandoned;
    },
    get fault() {
      return fault;
    },
    signalled(event, ended) {
      if (event.type !== callHangupEvent || !callQueue || ended()) return false;
      abandoned = true;
      return true;
    },
    activityFailed(code) {
      if (code !== callerHungUpCode || !callQueue) return false;
      abandoned = true;
      return true;
    },
    end(nodeId) {
      fault = hungUp(nodeId);
    },
    stepError: hungUp,
  };
}
