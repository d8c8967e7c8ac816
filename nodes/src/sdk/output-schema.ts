import type { AnyNodeDefinition, Localized } from './types.ts';
import { z } from 'zod';

/**
 * `.meta(outputField('Answer', 'Respuesta', 'Ana'))` on a field of a node's output: the name the
 * variable picker shows for `nodes.<id>.output.<field>` and a value it may hold, as an example.
 */
export const outputField = (en: string, es: string, example?: unknown) => ({
  ui: { label: { en, es } satisfies Localized },
  ...(example === undefined ? {} : { examples: [example] }),
});

/** What `nodes.<id>.output` holds after the node ran: its own `output`, else its activity's. */
export function outputSchemaOf(definition: AnyNodeDefinition): z.ZodType | undefined {
  return definition.output ?? definition.activity?.output;
}

/** What a node that sent a message keeps: the receipt (message.send, template, email send/reply). */
export const sentMessageOutput = z.object({
  messageId: z.string().meta(outputField('Message id', 'Id del mensaje', 'a1b2c3')),
  providerMessageId: z.string().meta(outputField('Provider id', 'Id del proveedor', 'wamid.HBgL')),
  segments: z.number().meta(outputField('Parts sent', 'Partes enviadas', 1)),
});
