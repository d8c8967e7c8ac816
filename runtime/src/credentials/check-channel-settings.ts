import { z } from 'zod';
import { whatsAppDriverOptions } from '@omniflow/nodes/drivers/whatsapp';
import { NodeError } from '@omniflow/nodes/sdk';
import { accountLimitRule } from '../campaigns/account-rate.ts';
import type { ChannelSettings } from './channel-settings.ts';

/** One field the driver refused, named as it is in the settings body (`config.x`, `secrets.y`). */
export interface RefusedField {
  field: string;
  message: string;
}

// The driver's own option schema, so settings that pass here are settings the driver takes: a
// stricter rule in the driver (a numeric phoneNumberId) can no longer be stored and then break
// every webhook. Options that are not settings (timeouts, caches) keep their defaults.
const driverRules: Partial<Record<ChannelSettings['provider'], z.ZodType>> = {
  'whatsapp-cloud': whatsAppDriverOptions,
};

/**
 * Refuses settings the channel's driver would refuse, naming each field. `build` is the driver
 * constructor as the resolver calls it, for the checks a driver makes outside a schema.
 */
export function checkChannelSettings(
  settings: ChannelSettings,
  build: (settings: ChannelSettings) => { close?: () => Promise<void> },
) {
  // The account's sending limit first: a driver would take a negative one and send at no pace.
  const limit = accountLimitRule(settings.provider)?.safeParse(settings.config);
  if (limit && !limit.success)
    throw refused(
      settings.provider,
      limit.error.issues.map((issue) => ({
        field: `config.${issue.path.map(String).join('.')}`,
        message: issue.message,
      })),
    );
  const rules = driverRules[settings.provider];
  if (rules) {
    const parsed = rules.safeParse({ ...settings.config, ...settings.secrets });
    if (!parsed.success) {
      const secretNames = new Set(Object.keys(settings.secrets));
      const fields: RefusedField[] = parsed.error.issues.map((issue) => {
        const name = issue.path.map(String).join('.');
        return { field: `${secretNames.has(name) ? 'secrets' : 'config'}.${name}`, message: issue.message };
      });
      throw refused(settings.provider, fields);
    }
  }
  try {
    // Built only to be checked: nothing connects until a send, and what it holds is let go.
    void build(settings)
      .close?.()
      .catch(() => undefined);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new NodeError(
      'CHANNEL_SETTINGS_INVALID',
      `The ${settings.provider} driver does not accept these settings: ${message}`,
      false,
    );
  }
}

function refused(provider: string, fields: RefusedField[]) {
  return new NodeError(
    'CHANNEL_SETTINGS_INVALID',
    `The ${provider} driver does not accept ${fields.map((f) => `${f.field} (${f.message})`).join(', ')}`,
    false,
    { fields },
  );
}
