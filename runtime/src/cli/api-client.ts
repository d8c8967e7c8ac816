import { apiErrorText } from './api-error-text.ts';
import { currentCliLanguage, t } from './cli-i18n.ts';

/** The Omniflow API as the CLI calls it: URL and API key from flags or the environment. */
export interface ApiClientOptions {
  url?: string;
  apiKey?: string;
}

export function apiClient(options: ApiClientOptions) {
  const base = (options.url ?? process.env.OMNIFLOW_URL ?? 'http://localhost:3000').replace(/\/$/, '');
  const key = options.apiKey ?? process.env.OMNIFLOW_API_KEY;
  if (!key) {
    throw new Error(t('connection.needsKey'));
  }
  return async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${key}`,
          'accept-language': currentCliLanguage(),
          // A form (a file upload) sets its own multipart content type.
          ...(body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: body instanceof FormData ? body : JSON.stringify(body) }),
      });
    } catch (error) {
      throw new Error(t('connection.unreachable', { url: base, reason: (error as Error).message }));
    }
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    if (!response.ok) {
      const error = (parsed as { error?: Parameters<typeof apiErrorText>[2] } | undefined)?.error;
      throw new Error(apiErrorText(response.status, response.statusText, error));
    }
    return parsed as T;
  };
}

export type ApiCall = ReturnType<typeof apiClient>;
