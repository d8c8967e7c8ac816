import type { ChannelFormBody } from '../../api/client.ts';
import type { ChannelProvider } from '../../api/types.ts';
import { fieldKey, providerFields } from './provider-fields.ts';

/**
 * The PUT body for what the form holds (`values` by field key). Empty inputs are left out: an
 * empty optional setting is unset, and an empty secret keeps the one saved before.
 */
export function channelBody(provider: ChannelProvider, values: Record<string, string>): ChannelFormBody {
  const body: ChannelFormBody = { provider, config: {}, secrets: {} };
  for (const field of providerFields[provider]) {
    const raw = values[fieldKey(field)] ?? '';
    // Secrets go as typed (a space may be part of one); settings are trimmed.
    const text = field.kind === 'secret' ? raw : raw.trim();
    if (text === '') continue;
    if (field.group === 'secrets') body.secrets[field.name] = text;
    // Text that is not a number goes as it is, so the API names the field in its answer.
    else
      body.config[field.name] = field.kind === 'number' && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  }
  return body;
}

/** The form's starting values: the saved settings as text; secrets always start empty. */
export function formValues(config: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(config)
      .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
      .map(([name, value]) => [`config.${name}`, String(value)]),
  );
}
