import { ApiError, client, ok } from '../../api/client.ts';
import type { components } from '../../api/api-schema.ts';
import { useLocale } from '../../i18n/use-i18n.ts';

export type VoicePrompt = components['schemas']['VoicePrompt'];

export const listVoicePrompts = async () => (await ok(client.GET('/voice-prompts'))).items;

/**
 * Uploads audio as a prompt. Multipart by hand: the typed client speaks JSON. The server answers
 * its refusals (not audio, too big, name taken) in the builder's language.
 */
export async function uploadVoicePrompt(name: string, audio: Blob, filename: string): Promise<VoicePrompt> {
  const form = new FormData();
  form.set('name', name);
  form.set('file', audio, filename);
  const response = await fetch('/api/v1/voice-prompts', {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { 'Accept-Language': useLocale.getState().locale },
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? 'HTTP_ERROR', error?.message ?? response.statusText);
  }
  return body as VoicePrompt;
}
