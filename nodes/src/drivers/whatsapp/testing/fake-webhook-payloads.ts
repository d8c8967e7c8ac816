// Webhook bodies in the shape of Meta's `messages` webhook reference (text, interactive, image
// and status notifications), for the fake Graph API to deliver.

export interface FakeBusiness {
  wabaId: string;
  phoneNumberId: string;
  /** Digits only, as Meta sends it (`15550783881`). */
  displayPhoneNumber: string;
}

/** What a simulated WhatsApp user sends. */
export type SimulatedUserMessage =
  | { text: string }
  | { buttonReply: { id: string; title: string } }
  | { listReply: { id: string; title: string; description?: string } }
  | { image: { id: string; caption?: string; mimeType?: string } };

export interface FakeStatusError {
  code: number;
  title: string;
  details?: string;
}

const unixSeconds = (at: Date) => String(Math.floor(at.getTime() / 1000));

function envelope(business: FakeBusiness, value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: business.wabaId,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: business.displayPhoneNumber,
                phone_number_id: business.phoneNumberId,
              },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

function messageContent(message: SimulatedUserMessage) {
  if ('text' in message) return { type: 'text', text: { body: message.text } };
  if ('buttonReply' in message) {
    return { type: 'interactive', interactive: { type: 'button_reply', button_reply: message.buttonReply } };
  }
  if ('listReply' in message) {
    return { type: 'interactive', interactive: { type: 'list_reply', list_reply: message.listReply } };
  }
  const { id, caption, mimeType = 'image/jpeg' } = message.image;
  return {
    type: 'image',
    image: { ...(caption !== undefined ? { caption } : {}), mime_type: mimeType, sha256: 'c2hhMjU2', id },
  };
}

export function inboundPayload(
  business: FakeBusiness,
  inbound: {
    waId: string;
    name: string;
    id: string;
    at: Date;
    message: SimulatedUserMessage;
    /** The business message a button or row reply answers. */
    context?: string;
  },
) {
  return envelope(business, {
    contacts: [{ profile: { name: inbound.name }, wa_id: inbound.waId }],
    messages: [
      {
        ...(inbound.context ? { context: { from: business.displayPhoneNumber, id: inbound.context } } : {}),
        from: inbound.waId,
        id: inbound.id,
        timestamp: unixSeconds(inbound.at),
        ...messageContent(inbound.message),
      },
    ],
  });
}

export function statusPayload(
  business: FakeBusiness,
  report: { id: string; status: string; at: Date; recipientId: string; error?: FakeStatusError },
) {
  return envelope(business, {
    statuses: [
      {
        id: report.id,
        status: report.status,
        timestamp: unixSeconds(report.at),
        recipient_id: report.recipientId,
        ...(report.status === 'sent'
          ? {
              pricing: {
                billable: true,
                pricing_model: 'PMP',
                category: 'service',
                type: 'free_customer_service',
              },
            }
          : {}),
        ...(report.error
          ? {
              errors: [
                {
                  code: report.error.code,
                  title: report.error.title,
                  message: report.error.title,
                  ...(report.error.details ? { error_data: { details: report.error.details } } : {}),
                  href: '/documentation/business-messaging/whatsapp/support/error-codes',
                },
              ],
            }
          : {}),
      },
    ],
  });
}

/** JSON with every non-ASCII character as \uXXXX: Meta sends and signs webhook bodies this way. */
export function escapedJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
