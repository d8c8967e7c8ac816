import type { Call } from '@omniflow/nodes/drivers/voice';
import { NodeError, type NodeVoice } from '@omniflow/nodes/sdk';

/**
 * The calls this process holds, by id: what voice nodes' activities get as `deps.voice`. A call
 * leaves when it ends, so a node acting after the caller left fails with CALLER_HUNG_UP.
 */
export class CallRegistry implements NodeVoice {
  private readonly calls = new Map<string, Call>();
  private readonly workspaces = new Map<string, string>();

  add(call: Call, workspaceId?: string): void {
    this.calls.set(call.id, call);
    if (workspaceId) this.workspaces.set(call.id, workspaceId);
    void call.ended.then(() => {
      this.calls.delete(call.id);
      this.workspaces.delete(call.id);
    });
  }

  workspaceOf(callId: string): string | undefined {
    return this.workspaces.get(callId);
  }

  call(callId: string): Call {
    const call = this.calls.get(callId);
    if (!call) throw new NodeError('CALLER_HUNG_UP', `Call ${callId} is over or not on this worker`, false);
    return call;
  }

  get size(): number {
    return this.calls.size;
  }
}
