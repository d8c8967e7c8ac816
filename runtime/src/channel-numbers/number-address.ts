import type { ChannelProvider } from '../credentials/channel-settings.ts';

/**
 * Providers whose numbers a workspace may have several of: their webhooks name the number they
 * arrived at, so one install can tell them apart. (An SMPP link is a number's own connection and
 * mail is routed by domain, so neither needs this.)
 */
export const numberProviders = ['whatsapp-cloud', 'twilio'] as const satisfies readonly ChannelProvider[];
export type NumberProvider = (typeof numberProviders)[number];

export const isNumberProvider = (provider: string): provider is NumberProvider =>
  (numberProviders as readonly string[]).includes(provider);

/**
 * What a provider's webhook calls the number: WhatsApp's phone_number_id (metadata of every
 * notification), Twilio's To (the number in E.164). Undefined when the settings name none.
 */
export function numberAddressOf(provider: string, config: Record<string, unknown>): string | undefined {
  const value =
    provider === 'whatsapp-cloud' ? config.phoneNumberId : provider === 'twilio' ? config.from : undefined;
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
