import type { Call } from '@omniflow/nodes/drivers/voice';
import { NodeError, type NodeVoice } from '@omniflow/nodes/sdk';

/** What a call's recordings are filed under: known once its run and call record exist. */
export interface CallContext {
  workspaceId: string;
  callRecordId: string;
  runId: string;
  flowId: string;
  from: string;
  to: string;
}

/** A recording saved after the hang-up still needs its call's context; this long is plenty. */
const contextAfterEndMs = 10 * 60_000;

/**
 * The calls this process holds, by id: what voice nodes' activities get as `deps.voice`. A call
 * leaves when it ends, so a node acting after the caller left fails with CALLER_HUNG_UP.
 */
export class CallRegistry implements NodeVoice {
  private readonly calls = new Map<string, Call>();
  private readonly contexts = new Map<string, CallContext>();

  add(call: Call): void {
    this.calls.set(call.id, call);
    void call.ended.then(() => {
      this.calls.delete(call.id);
      setTimeout(() => this.contexts.delete(call.id), contextAfterEndMs).unref();
    });
  }

  call(callId: string): Call {
    const call = this.calls.get(callId);
    if (!call) throw new NodeError('CALLER_HUNG_UP', `Call ${callId} is over or not on this worker`, false);
    return call;
  }

  describe(callId: string, context: CallContext): void {
    this.contexts.set(callId, context);
  }

  /** The workspace whose flow took the call: agent queues are per workspace. */
  workspaceOf(callId: string): string | undefined {
    return this.contexts.get(callId)?.workspaceId;
  }

  /** The call's context, also for a while after it ended (a recording saved at the hang-up). */
  contextOf(callId: string): CallContext {
    const context = this.contexts.get(callId);
    if (!context) {
      throw new NodeError(
        'CALL_MISSING',
        `Call ${callId} has no run on this worker to file a recording under`,
        false,
      );
    }
    return context;
  }

  get size(): number {
    return this.calls.size;
  }
}
