import { z } from 'zod';
import type { WebhookRequest } from '../messaging/messaging-driver.ts';
import { WhatsAppError } from './whatsapp-error.ts';

// The `messages` field of the WhatsApp Business Account webhook, as Meta's webhook reference
// publishes it (…/whatsapp/webhooks/reference/messages/{text,interactive,image,status}). Only
// what the drivers read is declared; Meta adds fields between versions and those pass untouched.

// Unix seconds, sent as a string.
const unixSeconds = z
  .union([z.string().regex(/^\d+$/), z.number().int()])
  .transform((s) => new Date(Number(s) * 1000));

const mediaAsset = z.object({
  id: z.string(),
  mime_type: z.string().optional(),
  caption: z.string().optional(),
  url: z.string().optional(),
});

export const webhookMessage = z.object({
  from: z.string().optional(),
  id: z.string(),
  timestamp: unixSeconds,
  type: z.string(),
  text: z.object({ body: z.string() }).optional(),
  interactive: z
    .object({
      type: z.string(),
      button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
      list_reply: z
        .object({ id: z.string(), title: z.string(), description: z.string().optional() })
        .optional(),
    })
    .optional(),
  // A tap on a template's quick-reply button.
  button: z.object({ payload: z.string().optional(), text: z.string() }).optional(),
  image: mediaAsset.optional(),
  audio: mediaAsset.optional(),
  video: mediaAsset.optional(),
  document: mediaAsset.optional(),
  sticker: mediaAsset.optional(),
});

export const webhookStatus = z.object({
  id: z.string(),
  status: z.string(),
  timestamp: unixSeconds,
  recipient_id: z.string().optional(),
  errors: z
    .array(
      z.object({
        code: z.number(),
        title: z.string().optional(),
        message: z.string().optional(),
        error_data: z.object({ details: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});

export const messagesValue = z.object({
  metadata: z.object({ display_phone_number: z.string().optional(), phone_number_id: z.string() }),
  contacts: z.array(z.object({ wa_id: z.string().optional() })).optional(),
  messages: z.array(webhookMessage).optional(),
  statuses: z.array(webhookStatus).optional(),
});

export type MessagesValue = z.infer<typeof messagesValue>;

const envelope = z.object({
  object: z.string(),
  entry: z.array(z.object({ changes: z.array(z.object({ field: z.string(), value: z.unknown() })) })),
});

/**
 * Every `messages` change in a verified webhook body. Other products' and other fields' changes
 * (template status, account updates) are not ours and yield nothing; a body that is not the
 * published shape throws WHATSAPP_WEBHOOK_INVALID rather than losing what it carried.
 */
export function messagesChanges(request: WebhookRequest): MessagesValue[] {
  let json: unknown;
  try {
    json = JSON.parse(request.rawBody);
  } catch {
    throw new WhatsAppError('WHATSAPP_WEBHOOK_INVALID', 'The WhatsApp webhook body is not JSON', {
      retryable: false,
    });
  }
  const body = envelope.safeParse(json);
  if (!body.success) throw invalid(body.error);
  if (body.data.object !== 'whatsapp_business_account') return [];
  const values: MessagesValue[] = [];
  for (const entry of body.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') continue;
      const value = messagesValue.safeParse(change.value);
      if (!value.success) throw invalid(value.error);
      values.push(value.data);
    }
  }
  return values;
}

function invalid(error: z.ZodError): WhatsAppError {
  return new WhatsAppError(
    'WHATSAPP_WEBHOOK_INVALID',
    `The WhatsApp webhook body is not the published shape: ${z.prettifyError(error)}`,
    { retryable: false, details: error.issues },
  );
}
