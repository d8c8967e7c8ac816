import { z } from 'zod';

/** What the widget posts (or sends as a WebSocket frame) when the visitor writes or picks a chip. */
export const webChatInboundBody = z
  .object({
    /** The widget key: which workspace the widget belongs to. */
    key: z.string().trim().min(1, 'key is the widget key from the embed code').max(100),
    sessionId: z.string().trim().min(16, 'sessionId is the id the session endpoint issued').max(64),
    /** Chosen by the widget per message, so a message resent after a reconnect counts once. */
    clientMessageId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/, 'clientMessageId is 8 to 64 letters, digits, - or _'),
    text: z.string().max(4096, 'A message is at most 4096 characters').optional(),
    choiceId: z.string().max(200).optional(),
  })
  .refine((m) => (m.text !== undefined && m.text.trim() !== '') || m.choiceId !== undefined, {
    message: 'Send text or a choiceId (a chip the visitor picked)',
  });

export type WebChatInboundBody = z.infer<typeof webChatInboundBody>;
