import { z } from '@hono/zod-openapi';
import type { MessagingChannel } from '@omniflow/nodes/drivers/messaging';

// What an admin sets per channel and provider. `config` is read back as it was saved; `secrets`
// are write-only: sealed at rest, never answered by the API.

const text = (what: string) =>
  z
    .string({ message: `${what} must be text` })
    .trim()
    .min(1, `Set ${what}`);
const positive = (what: string, max: number) =>
  z
    .number({ message: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .min(1, `${what} must be at least 1`)
    .max(max, `${what} must be at most ${max}`);
// A sending account's limit, in the provider's own unit: only its type here; its bounds are the
// provider's (campaigns/account-rate.ts), checked on save so a bad one is a 422 naming the field.
const accountLimit = (what: string) => z.number({ message: `${what} must be a number` }).optional();
const httpUrl = (what: string) =>
  z
    .string()
    .url(`${what} must be a URL`)
    .refine((u) => /^https?:\/\//.test(u), `${what} must be an http(s) URL`);

export const providerSpecs = {
  'whatsapp-cloud': {
    channels: ['whatsapp'],
    config: z
      .object({
        phoneNumberId: text('phoneNumberId (the WhatsApp phone number id from Meta)'),
        apiVersion: z
          .string()
          .regex(/^v\d+\.\d+$/, 'apiVersion looks like v21.0')
          .default('v21.0'),
        baseUrl: httpUrl('baseUrl').optional(),
        messagesPerSecond: accountLimit('messagesPerSecond'),
      })
      .strict(),
    secrets: ['accessToken', 'appSecret', 'verifyToken'],
  },
  smpp: {
    channels: ['sms'],
    config: z
      .object({
        host: text('host (the SMSC)'),
        port: positive('port', 65535).default(2775),
        systemId: text('systemId').max(15, 'systemId is at most 15 characters (SMPP 3.4 §5.2.1)'),
        systemType: z.string().max(12, 'systemType is at most 12 characters').optional(),
        sourceAddress: text('sourceAddress (the number or name SMS come from)'),
        windowSize: positive('windowSize', 1000).optional(),
        messagesPerSecond: accountLimit('messagesPerSecond'),
        enquireLinkIntervalMs: positive('enquireLinkIntervalMs', 3_600_000).optional(),
      })
      .strict(),
    secrets: ['password'],
  },
  twilio: {
    channels: ['sms'],
    config: z
      .object({
        accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'accountSid is AC followed by 32 hex digits'),
        from: text('from').optional(),
        messagingServiceSid: z
          .string()
          .regex(/^MG[0-9a-fA-F]{32}$/, 'messagingServiceSid is MG followed by 32 hex digits')
          .optional(),
        baseUrl: httpUrl('baseUrl').optional(),
        statusCallbackUrl: httpUrl('statusCallbackUrl').optional(),
        messagesPerSecond: accountLimit('messagesPerSecond'),
      })
      .strict()
      .refine((c) => c.from !== undefined || c.messagingServiceSid !== undefined, {
        message: 'Set from (a Twilio number) or messagingServiceSid: Twilio needs a sender',
      }),
    secrets: ['authToken'],
  },
  smtp: {
    channels: ['email'],
    config: z
      .object({
        host: text('host (the SMTP server)'),
        port: positive('port', 65535).default(587),
        // `tls`: TLS from the first byte (port 465); `starttls`: upgraded, required (587);
        // `none`: plain (a relay on the same network).
        security: z
          .enum(['tls', 'starttls', 'none'], { message: 'security is tls, starttls or none' })
          .default('starttls'),
        user: z.string().trim().min(1, 'user is empty').optional(),
        fromAddress: z.string().trim().email('fromAddress must be an email address'),
        fromName: z.string().trim().max(200, 'fromName is at most 200 characters').optional(),
        maxConnections: positive('maxConnections', 100).optional(),
        messagesPerHour: accountLimit('messagesPerHour'),
      })
      .strict(),
    secrets: ['password'],
    // A server that takes mail without a login (a local relay) needs none.
    optionalSecrets: ['password'],
  },
  sandbox: {
    channels: ['whatsapp', 'sms', 'webchat', 'email'],
    config: z.object({}).strict().default({}),
    secrets: [],
  },
} as const;

export type ChannelProvider = keyof typeof providerSpecs;

const secret = z.string().min(1);

/** A channel's settings with its secrets opened: what a driver is built from. */
export const channelSettingsSchema = z.discriminatedUnion('provider', [
  z.object({
    provider: z.literal('whatsapp-cloud'),
    config: providerSpecs['whatsapp-cloud'].config,
    secrets: z.object({ accessToken: secret, appSecret: secret, verifyToken: secret }),
  }),
  z.object({
    provider: z.literal('smpp'),
    config: providerSpecs.smpp.config,
    secrets: z.object({ password: secret }),
  }),
  z.object({
    provider: z.literal('twilio'),
    config: providerSpecs.twilio.config,
    secrets: z.object({ authToken: secret }),
  }),
  z.object({
    provider: z.literal('smtp'),
    config: providerSpecs.smtp.config,
    secrets: z.object({ password: secret.optional() }),
  }),
  z.object({ provider: z.literal('sandbox'), config: providerSpecs.sandbox.config, secrets: z.object({}) }),
]);

export type ChannelSettings = z.output<typeof channelSettingsSchema>;

function bodyFor<P extends ChannelProvider>(provider: P) {
  const spec = providerSpecs[provider];
  const secretShape = Object.fromEntries(
    spec.secrets.map((name) => [
      name,
      z.string({ message: `${name} must be text` }).min(1, `${name} is empty`),
    ]),
  );
  return z
    .object({
      provider: z.literal(provider),
      config: spec.config,
      // Leave a secret out to keep the one saved before (the API never shows it back).
      secrets: z.object(secretShape).partial().strict().default({}),
    })
    .strict();
}

/** The body of `PUT /channels/{channel}`: one shape per provider. */
export const channelSettingsBody = z
  .discriminatedUnion(
    'provider',
    [bodyFor('whatsapp-cloud'), bodyFor('smpp'), bodyFor('twilio'), bodyFor('smtp'), bodyFor('sandbox')],
    { message: `provider must be one of ${Object.keys(providerSpecs).join(', ')}` },
  )
  .openapi('ChannelSettingsInput');

export type ChannelSettingsBody = z.output<typeof channelSettingsBody>;

export function providerServes(provider: ChannelProvider, channel: MessagingChannel): boolean {
  const channels: readonly string[] = providerSpecs[provider].channels;
  return channels.includes(channel);
}
