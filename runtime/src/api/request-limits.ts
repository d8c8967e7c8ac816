import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './api-error.ts';
import { readerLanguage } from './reader-language.ts';
import {
  MAX_REQUEST_JSON_DEPTH,
  findUnstorableText,
  jsonTextDepth,
  unstorableTextReason,
} from '../limits/storable-json.ts';

const MiB = 1024 * 1024;

/** The body size every route takes unless a larger limit below names it. */
const DEFAULT_BODY_LIMIT = 1 * MiB;

/** Routes that take more: flow documents (a draft of a few hundred nodes with long texts). */
const largerBodyLimits: { path: RegExp; bytes: number }[] = [
  { path: /^\/api\/v1\/flows(\/|$)/, bytes: 5 * MiB },
  // A contact list: 100,000 rows of names, phones and emails are about 10 MiB as CSV.
  { path: /^\/api\/v1\/contact-imports(\/preview)?$/, bytes: 50 * MiB },
  // A recorded prompt: the route refuses over 10 MB in the caller's language; this is the hard stop.
  { path: /^\/api\/v1\/voice-prompts$/, bytes: 11 * MiB },
];

const bodyLimitOf = (path: string) =>
  largerBodyLimits.find((limit) => limit.path.test(path))?.bytes ?? DEFAULT_BODY_LIMIT;

const formatBytes = (bytes: number) =>
  bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${Math.round(bytes / 1024)} KiB`;

const isJson = (contentType: string | undefined) =>
  /^application\/([\w.-]+\+)?json\b/i.test(contentType ?? '');

function refuseUnstorableUrl(url: URL) {
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Not valid percent-encoding: the router sees it raw and no route matches it as a value.
  }
  const reason = unstorableTextReason(path);
  if (reason) throw new ApiError(400, 'INVALID_TEXT', `The URL path ${reason}; remove it`);
  for (const [name, value] of url.searchParams) {
    const reason = unstorableTextReason(name) ?? unstorableTextReason(value);
    if (reason)
      throw new ApiError(
        400,
        'INVALID_TEXT',
        `The query parameter ${JSON.stringify(name)} ${reason}; remove it`,
      );
  }
}

/**
 * Limits on what any request may carry, before a route sees it: a body size per route (413
 * `PAYLOAD_TOO_LARGE`), JSON bodies no deeper than 64 levels (400 `JSON_TOO_DEEP`, counted on
 * the text so a deep body costs nothing to refuse), and no text the database cannot store — a
 * NUL character or a lone surrogate in the URL or in any JSON string or key (400 `INVALID_TEXT`
 * naming the field). Malformed JSON is left to the route's validator (400 `INVALID_JSON`).
 */
export function requestLimits(): MiddlewareHandler {
  return async (c, next) => {
    refuseUnstorableUrl(new URL(c.req.url));
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || !c.req.raw.body) return next();
    const maxSize = bodyLimitOf(c.req.path);
    return bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError(
          413,
          'PAYLOAD_TOO_LARGE',
          readerLanguage(c.req.header('accept-language')) === 'es'
            ? `El cuerpo de la petición es más grande que ${formatBytes(maxSize)}, lo máximo que admite ${c.req.method} ${c.req.path}`
            : `The request body is larger than ${formatBytes(maxSize)}, the most ${c.req.method} ${c.req.path} takes`,
        );
      },
    })(c, async () => {
      if (!isJson(c.req.header('content-type'))) return next();
      const text = await c.req.text();
      // Routes that hand the raw request on (a provider's webhook) read it again.
      c.req.raw = new Request(c.req.raw, { body: text });
      if (jsonTextDepth(text, MAX_REQUEST_JSON_DEPTH) > MAX_REQUEST_JSON_DEPTH)
        throw new ApiError(
          400,
          'JSON_TOO_DEEP',
          readerLanguage(c.req.header('accept-language')) === 'es'
            ? `El cuerpo JSON anida más de ${MAX_REQUEST_JSON_DEPTH} niveles de objetos y listas; aplánalo`
            : `The JSON body nests deeper than ${MAX_REQUEST_JSON_DEPTH} levels of objects and arrays; flatten it`,
        );
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return next();
      }
      const unstorable = findUnstorableText(body);
      if (unstorable)
        throw new ApiError(
          400,
          'INVALID_TEXT',
          unstorable.path
            ? `${unstorable.path} ${unstorable.reason}; remove it`
            : `The JSON body ${unstorable.reason}; remove it`,
          { path: unstorable.path },
        );
      return next();
    });
  };
}
