import { ApiError } from '../../api/client.ts';

/**
 * A multipart POST of a file and form fields: the typed client sends JSON only. Non-2xx answers
 * become ApiErrors with the API's code and message, as the typed client's do.
 */
export async function uploadImportFile<T>(
  path: string,
  file: File,
  fields: Record<string, string>,
): Promise<T> {
  const form = new FormData();
  form.set('file', file, file.name);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const response = await globalThis.fetch(`/api/v1${path}`, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | undefined)
      ?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'HTTP_ERROR',
      error?.message ?? response.statusText,
      error?.details,
    );
  }
  return body as T;
}
