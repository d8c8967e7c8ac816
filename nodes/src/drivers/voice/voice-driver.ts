// The one contract every voice driver implements (issue #6, DESIGN.md §7): the built-in SIP
// endpoint and the TwiML webhook driver both hand calls to the runtime as `Call`s (the SDK's
// contract, sdk/call.ts), and voice nodes only ever talk to a `Call`.

import type { Call } from '../../sdk/call.ts';

export type * from '../../sdk/call.ts';

export interface VoiceDriver {
  /** Every new inbound call; the handler decides whether and when to answer. */
  onCall(handler: (call: Call) => void): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
}
