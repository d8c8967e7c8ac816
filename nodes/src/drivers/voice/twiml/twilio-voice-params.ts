import { z } from 'zod';

// The parameters Twilio POSTs (form-encoded) to voice webhooks ("Voice Webhooks": incoming call,
// status callback; and the <Gather>/<Record>/<Dial> action requests, which carry the same call
// parameters plus their own). Only what the driver reads is named; Twilio adds fields over time,
// so unknown ones pass (they are still part of the signature).

const sid = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}[0-9A-Za-z]{1,64}$`), `${prefix}… sid`);

export const twilioCallParams = z.object({
  CallSid: sid('CA'),
  AccountSid: sid('AC'),
  From: z.string().default(''),
  To: z.string().default(''),
  // queued, ringing, in-progress, completed, busy, failed, no-answer, canceled; read, not
  // enforced: a status the provider adds must not turn a live call's webhook into a 400.
  CallStatus: z.string().optional(),
  Direction: z.string().optional(),
  ApiVersion: z.string().optional(),
});

export type TwilioCallParams = z.output<typeof twilioCallParams>;

/** CallStatus values after which the call is gone. */
export const finalCallStatuses = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);
