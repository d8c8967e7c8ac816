import { z } from 'zod';
import { WhatsAppError } from './whatsapp-error.ts';
import type { GraphMessage } from './graph-message.ts';

export interface PostMessageCall {
  /** `{baseUrl}/{apiVersion}/{phoneNumberId}/messages` */
  url: string;
  accessToken: string;
  body: GraphMessage;
  timeoutMs: number;
}

// Parsed loosely: Meta adds fields over versions, and only these decide what happens next.
const graphErrorAnswer = z.object({
  error: z.object({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.number().optional(),
    error_subcode: z.number().optional(),
    error_data: z.object({ details: z.string().optional() }).optional(),
    fbtrace_id: z.string().optional(),
  }),
});
// Meta answers one entry in `messages` per send; only the first (the wamid) matters.
const sendAnswer = z.object({ messages: z.tuple([z.object({ id: z.string().min(1) })], z.unknown()) });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Sends one message to the Cloud API and returns its wamid; Graph errors become WhatsAppError. */
export async function postMessage(call: PostMessageCall): Promise<string> {
  let response: Response;
  try {
    response = await fetch(call.url, {
      method: 'POST',
      headers: { authorization: `Bearer ${call.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(call.body),
      signal: AbortSignal.timeout(call.timeoutMs),
    });
  } catch (error) {
    // No answer at all: Meta may or may not have the message. Retrying is right; a duplicate is
    // prevented by the idempotency key upstream, not here.
    const reason = error instanceof Error ? error.message : String(error);
    throw new WhatsAppError('WHATSAPP_UNREACHABLE', `Could not reach the WhatsApp Cloud API: ${reason}`, {
      retryable: true,
    });
  }
  const text = await response.text();
  if (!response.ok) {
    const answer = graphErrorAnswer.safeParse(parseJson(text));
    if (answer.success) throw WhatsAppError.fromGraph(response.status, answer.data.error);
    throw WhatsAppError.fromGraph(response.status, {
      message: `HTTP ${response.status}: ${text.slice(0, 200)}`,
    });
  }
  const answer = sendAnswer.safeParse(parseJson(text));
  if (!answer.success) {
    // Meta accepted something but gave no wamid: retrying could send the message twice.
    throw new WhatsAppError(
      'WHATSAPP_BAD_ANSWER',
      `The Cloud API answered without a message id: ${text.slice(0, 200)}`,
      {
        retryable: false,
        httpStatus: response.status,
      },
    );
  }
  return answer.data.messages[0].id;
}
