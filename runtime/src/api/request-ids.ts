import type { MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import type { AppDeps, AppEnv } from './app-deps.ts';

/**
 * Every answer carries `X-Request-Id`: the caller's own when it sent a sane one (letters, digits,
 * `_`, `-`, `=`; at most 128), else a new UUID. Error bodies name it (`error.requestId`) and the
 * request log line starts with it, so a support question can be matched to the server's log.
 */
export function requestIds(deps: Pick<AppDeps, 'requestLog'>): MiddlewareHandler<AppEnv> {
  const assign = requestId({ limitLength: 128 });
  return async (c, next) => {
    const started = performance.now();
    await assign(c, next);
    const id = c.get('requestId');
    if (c.res.status >= 400 && /^application\/json/i.test(c.res.headers.get('content-type') ?? '')) {
      const answer = await withRequestId(c.res, id);
      // Unset first: assigning over a response copies its old headers (a stale length) onto the new.
      c.res = undefined;
      c.res = answer;
    }
    if (deps.requestLog) {
      const principal = c.get('principal');
      const who = principal?.apiKeyId
        ? ` key=${principal.apiKeyId}`
        : principal?.oauthClientId
          ? ` oauth-client=${principal.oauthClientId}`
          : principal?.userId
            ? ` user=${principal.userId}`
            : '';
      const ms = Math.round(performance.now() - started);
      deps.requestLog(`${id} ${c.req.method} ${c.req.path} ${c.res.status} ${ms}ms${who}`);
    }
  };
}

/** The API's error shape `{ error: { code, message } }` with the request id added to `error`. */
async function withRequestId(response: Response, id: string): Promise<Response> {
  const text = await response.clone().text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return response;
  }
  if (!body || typeof body !== 'object' || !('error' in body)) return response;
  const { error } = body;
  if (!error || typeof error !== 'object' || Array.isArray(error)) return response;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify({ ...body, error: { ...error, requestId: id } }), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
