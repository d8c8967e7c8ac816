import { z } from '@hono/zod-openapi';
import { consentSources, messagingChannels } from '@omniflow/db';
import { timelineKinds } from '../../contacts/contact-timeline.ts';

// What a person or a script may claim as the origin of a consent; unsubscribe and bounce are
// recorded by the system only, as opt-outs.
export const givenConsentSources = ['imported', 'web_form', 'keyword', 'api', 'inbound', 'manual'] as const;

const validZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const nameSchema = (what: string) => z.string().trim().max(200, `${what} is at most 200 characters`);

// Left unnamed in the document: a named schema made nullable comes out of openapi-typescript as
// `ConsentInput & (… | null)`, which no value satisfies.
export const consentInputSchema = z.object({
  source: z.enum(givenConsentSources, {
    message: `Say how consent was given: ${givenConsentSources.join(', ')}`,
  }),
  at: z.iso
    .datetime({ offset: true, message: 'Give the time as ISO 8601, like 2026-03-31T10:00:00Z' })
    .optional(),
});

export const addressInputSchema = z
  .object({
    channel: z.enum(messagingChannels, { message: 'The channel is sms, whatsapp, email or webchat' }),
    address: z.string().max(300, 'An address is at most 300 characters'),
    consent: consentInputSchema.optional(),
  })
  .openapi('ContactAddressInput');

export const addressPatchSchema = z
  .object({
    // null withdraws a recorded consent (a person asked, or it was recorded by mistake).
    consent: consentInputSchema.nullable().optional(),
    // true: the person asked not to be written to here; false lifts it.
    optedOut: z.boolean().optional(),
  })
  .openapi('ContactAddressPatch');

const contactFieldsShape = {
  displayName: nameSchema('The display name').optional(),
  firstName: nameSchema('The first name').optional(),
  lastName: nameSchema('The last name').optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Write a language code like es, en or es-PE')
    .nullable()
    .optional(),
  timezone: z
    .string()
    .refine(validZone, 'Pick a time zone like America/Lima or Europe/Madrid')
    .nullable()
    .optional(),
  tags: z
    .array(z.string().trim().min(1, 'A tag cannot be empty').max(50, 'A tag is at most 50 characters'))
    .max(100, 'At most 100 tags')
    .transform((tags) => [...new Set(tags)])
    .optional(),
  attributes: z.record(z.string().max(64, 'A field key is at most 64 characters'), z.unknown()).optional(),
};

export const contactCreateSchema = z
  .object({
    ...contactFieldsShape,
    addresses: z.array(addressInputSchema).max(50, 'At most 50 addresses').optional(),
  })
  .openapi('ContactInput');

export const contactPatchSchema = z.object(contactFieldsShape).openapi('ContactPatch');

export const addressSchema = z
  .object({
    id: z.string(),
    channel: z.enum(messagingChannels),
    address: z.string(),
    consent: z.object({ at: z.string(), source: z.string() }).nullable(),
    optedOut: z
      .object({ at: z.string(), source: z.string().nullable(), keyword: z.string().nullable() })
      .nullable(),
    lastInboundAt: z.string().nullable(),
  })
  .openapi('ContactAddress');

export const contactSchema = z
  .object({
    id: z.string(),
    displayName: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    language: z.string().nullable(),
    timezone: z.string().nullable(),
    tags: z.array(z.string()),
    attributes: z.record(z.string(), z.unknown()),
    addresses: z.array(addressSchema),
    // When a data-protection erasure emptied it (POST /contacts/{id}/erase); null otherwise.
    erasedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Contact');

const flag = (what: string) =>
  z.enum(['true', 'false'], { message: `${what} is true or false` }).transform((v) => v === 'true');

export const contactListQuerySchema = z.object({
  q: z.string().max(200, 'Search for at most 200 characters').optional(),
  tag: z.string().max(50).optional(),
  channel: z
    .enum(messagingChannels, { message: 'The channel is sms, whatsapp, email or webchat' })
    .optional(),
  consent: flag('consent').optional(),
  optedOut: flag('optedOut').optional(),
  cursor: z.uuid({ message: 'Pass the nextCursor of the previous page' }).optional(),
  limit: z.coerce.number().int().min(1, 'limit is 1 to 200').max(200, 'limit is 1 to 200').default(50),
});

export const timelineQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1, 'limit is 1 to 200').max(200, 'limit is 1 to 200').default(50),
});

export const timelineItemSchema = z
  .object({
    kind: z.enum(timelineKinds),
    id: z.string(),
    at: z.string(),
    channel: z.string().nullable(),
    direction: z.string().nullable(),
    status: z.string(),
    detail: z.record(z.string(), z.unknown()),
  })
  .openapi('TimelineItem');

export { consentSources };
