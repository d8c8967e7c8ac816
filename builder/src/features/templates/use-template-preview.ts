import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { components } from '../../api/api-schema.ts';
import type { TemplateKind, TemplateLanguage, TemplateVariant } from './template-draft.ts';

export type TemplatePreview = components['schemas']['TemplatePreview'];

export interface PreviewRequest {
  kind: TemplateKind;
  language: TemplateLanguage;
  variant: TemplateVariant | undefined;
  name?: string;
  contactId?: string;
  /** Example run variables as JSON text (an object), or empty. */
  varsJson?: string;
}

/**
 * The template rendered by the server (Liquid, MJML, text part, SMS count) as it is being typed:
 * asked for once typing pauses, and only the latest answer is kept.
 */
export function useTemplatePreview(request: PreviewRequest, delayMs = 350) {
  const [preview, setPreview] = useState<TemplatePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { kind, language, variant, name, contactId, varsJson = '' } = request;
  const subject = variant?.subject;
  const body = variant?.body;

  useEffect(() => {
    if (body === undefined) {
      setPreview(null);
      return;
    }
    const vars = parseVars(varsJson);
    let current = true;
    const timer = setTimeout(() => {
      ok(
        client.POST('/templates/preview', {
          body: {
            kind,
            language,
            variant: { ...(subject === undefined ? {} : { subject }), body },
            ...(name ? { name } : {}),
            ...(contactId ? { contactId } : {}),
            ...(vars ? { vars } : {}),
          },
        }),
      ).then(
        (answer) => {
          if (!current) return;
          setPreview(answer);
          setError(null);
        },
        (failure: unknown) => {
          if (current) setError(failure instanceof Error ? failure.message : String(failure));
        },
      );
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [kind, language, subject, body, name, contactId, varsJson, delayMs]);

  return { preview, error };
}

/** The example variables when the text is a JSON object; otherwise none. */
export function parseVars(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value))
      : undefined;
  } catch {
    return undefined;
  }
}
