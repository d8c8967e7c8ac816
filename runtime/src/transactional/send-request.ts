import { z } from 'zod';

/** The channels an application can send on: each has addresses it can name (web chat has not). */
export const applicationChannels = ['sms', 'whatsapp', 'email'] as const;

const variableValue = z.union([z.string().max(10_000), z.number(), z.boolean()]);

/** `POST /api/v1/messages`: one message to one address, as text or a library template. */
export const sendRequestSchema = z
  .object({
    channel: z.enum(applicationChannels, {
      message: `channel is one of ${applicationChannels.join(', ')}`,
    }),
    to: z
      .string({ message: 'to is the address: +E.164 for sms/whatsapp, an email address for email' })
      .trim()
      .min(1, 'to is required')
      .max(320, 'to is at most 320 characters'),
    text: z
      .string()
      .min(1, 'text cannot be empty')
      .max(10_000, 'text is at most 10,000 characters')
      .optional(),
    template: z
      .string()
      .trim()
      .min(1)
      .max(200, 'template is a template name of at most 200 characters')
      .optional(),
    variables: z.record(z.string().max(100), variableValue).optional(),
    language: z.enum(['es', 'en'], { message: 'language is es or en' }).optional(),
    subject: z.string().trim().max(998, 'subject is at most 998 characters (RFC 5322)').optional(),
    idempotencyKey: z.string().trim().min(1).max(200, 'idempotencyKey is at most 200 characters').optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (!body.text === !body.template)
      ctx.addIssue({
        code: 'custom',
        path: ['text'],
        message: 'Send either text or template (with variables)',
      });
    if (body.variables && !body.template)
      ctx.addIssue({ code: 'custom', path: ['variables'], message: 'variables go with a template' });
    if (body.channel === 'email' && body.text && !body.subject)
      ctx.addIssue({ code: 'custom', path: ['subject'], message: 'An email with text needs a subject' });
    if (body.channel !== 'email' && !/^\+[1-9]\d{6,14}$/.test(body.to))
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'to is a phone number in E.164, like +51987654321',
      });
    if (body.channel === 'email' && !z.email().safeParse(body.to).success)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'to is an email address, like ana@example.org' });
  });

export type SendRequest = z.infer<typeof sendRequestSchema>;
