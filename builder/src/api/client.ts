import createClient from 'openapi-fetch';
import type { components, paths } from './api-schema.ts';
import { useLocale } from '../i18n/use-i18n.ts';

type ChannelSettingsInput = components['schemas']['ChannelSettingsInput'];

/** A failed API call, with the API's stable error code and its message for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/**
 * A channel form sends what the person typed (channel-body.ts), so the server judges every field
 * and its 400 names the one to fix: that one body is the form's, not the server's parsed input.
 */
export interface ChannelFormBody {
  provider: ChannelSettingsInput['provider'];
  config: Record<string, string | number>;
  secrets: Record<string, string>;
}

type ChannelPut = paths['/channels/{channel}']['put'];
type ApiPaths = Omit<paths, '/channels/{channel}'> & {
  '/channels/{channel}': Omit<paths['/channels/{channel}'], 'put'> & {
    put: Omit<ChannelPut, 'requestBody'> & {
      requestBody: { content: { 'application/json': ChannelFormBody } };
    };
  };
};

/**
 * The API, typed from its OpenAPI document (api-schema.ts, generated from the server): paths,
 * parameters, bodies and answers are the server's, so a changed route fails the builder's typecheck.
 * JSON over fetch with the session cookie. Wrap a call in `ok` (an answer with a body) or `done`.
 */
export const client = createClient<ApiPaths>({
  baseUrl: '/api/v1',
  credentials: 'same-origin',
  // The server reads `status=failed,waiting` (runtime/src/runs/run-filter.ts).
  querySerializer: { array: { style: 'form', explode: false } },
  // Looked up at each call, so component tests can stub fetch. The API writes its messages for
  // people (validation, import rejections) in the language the builder shows (reader-language.ts).
  fetch: (request) => {
    if (!request.headers.has('Accept-Language'))
      request.headers.set('Accept-Language', useLocale.getState().locale);
    return globalThis.fetch(request);
  },
});

type Answer<Data> =
  { data: Data; error?: never; response: Response } | { data?: never; error: unknown; response: Response };

function errorOf(body: unknown): { code?: unknown; message?: unknown; details?: unknown } | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = body.error;
  return typeof error === 'object' && error !== null ? error : undefined;
}

/** Every non-2xx answer becomes an ApiError with the API's code and message. */
function failure(response: Response, body: unknown): ApiError {
  const error = errorOf(body);
  return new ApiError(
    response.status,
    typeof error?.code === 'string' ? error.code : 'HTTP_ERROR',
    typeof error?.message === 'string' ? error.message : response.statusText,
    error?.details,
  );
}

/** The body of a successful answer; an ApiError for any other (or for an empty one). */
export async function ok<Data>(call: Promise<Answer<Data>>): Promise<NonNullable<Data>> {
  const { data, error, response } = await call;
  if (!response.ok) throw failure(response, error);
  if (data === undefined || data === null)
    throw new ApiError(response.status, 'EMPTY_RESPONSE', 'The server sent no answer');
  return data;
}

/** Waits for a call whose answer has no body (204); an ApiError when it failed. */
export async function done(call: Promise<Answer<unknown>>): Promise<void> {
  const { error, response } = await call;
  if (!response.ok) throw failure(response, error);
}
