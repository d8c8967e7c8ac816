import { vi } from 'vitest';

/** What a stubbed endpoint answers: a JSON body (status 200), or a Response for anything else. */
export type StubHandler = (request: { url: URL; body: unknown; call: number }) => unknown;

export interface StubCall {
  method: string;
  /** The path after /api/v1, with its query string. */
  path: string;
  body: unknown;
}

/**
 * For component tests only: replaces `fetch` with the given endpoints (`'GET /runs'`, keyed by
 * method and path without the query) and records every call. Unknown endpoints answer 404 in the
 * API's error shape, so a test that forgets one fails on the message it shows.
 */
export function stubApi(routes: Record<string, StubHandler>) {
  const calls: StubCall[] = [];
  const counts = new Map<string, number>();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | Request, init?: RequestInit) => {
      // The typed client (client.ts) calls fetch with a Request; anything else with a URL and init.
      const request = typeof input === 'string' ? undefined : input;
      const url = new URL(request?.url ?? String(input), 'http://omniflow.test');
      const method = request?.method ?? init?.method ?? 'GET';
      const path = url.pathname.replace(/^\/api\/v1/, '');
      const text = request ? await request.text() : init?.body;
      const body: unknown = typeof text === 'string' && text !== '' ? JSON.parse(text) : undefined;
      calls.push({ method, path: `${path}${url.search}`, body });
      const key = `${method} ${path}`;
      const handler = routes[key];
      if (!handler)
        return new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: `No stub for ${key}` } }), {
          status: 404,
        });
      const call = counts.get(key) ?? 0;
      counts.set(key, call + 1);
      const answer = await handler({ url, body, call });
      return answer instanceof Response ? answer : new Response(JSON.stringify(answer), { status: 200 });
    }),
  );
  return {
    calls,
    /** The calls to one endpoint (`'POST /runs/bulk'`). */
    callsTo: (key: string) => calls.filter((c) => `${c.method} ${c.path.split('?')[0]}` === key),
  };
}

/** An API error answer, as the server sends it. */
export function apiError(status: number, code: string, message: string): Response {
  return new Response(JSON.stringify({ error: { code, message } }), { status });
}
