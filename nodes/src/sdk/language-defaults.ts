import { z } from 'zod';
import type { AnyNodeDefinition, Localized } from './types.ts';

export type FlowLanguage = keyof Localized;

const isLanguage = (value: unknown): value is FlowLanguage => value === 'es' || value === 'en';

/** A `language` field that takes exactly es/en (the voice nodes'), not a provider's language code. */
function speaksALanguage(schema: z.ZodType): boolean {
  if (!(schema instanceof z.ZodObject)) return false;
  const field: unknown = schema.shape.language;
  if (!(field instanceof z.ZodType)) return false;
  return field.safeParse('es').success && field.safeParse('en').success && !field.safeParse('xx').success;
}

/**
 * A node's config with the texts a person hears or reads filled in the right language: the
 * node's own `language` when it has one, else the flow's. Fields the designer wrote stay as they
 * are; without any language the config is returned untouched (the schema defaults apply).
 */
export function withLanguageDefaults(
  definition: AnyNodeDefinition,
  config: Record<string, unknown>,
  flowLanguage: FlowLanguage | undefined,
): Record<string, unknown> {
  const hasLanguageField = speaksALanguage(definition.config);
  const own = config.language;
  // A voice node that was never told its language speaks the flow's.
  const filled =
    hasLanguageField && own === undefined && flowLanguage ? { ...config, language: flowLanguage } : config;
  const language = isLanguage(filled.language) ? filled.language : flowLanguage;
  const defaults: Partial<Record<string, Localized>> = definition.languageDefaults ?? {};
  if (!language || Object.keys(defaults).length === 0) return filled;
  const result = { ...filled };
  for (const [field, text] of Object.entries(defaults)) {
    if (text && result[field] === undefined) result[field] = text[language];
  }
  return result;
}
