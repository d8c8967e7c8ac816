import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local server speaking OpenAI's chat-completions wire format (POST /v1/chat/completions:
 * the request body, `chat.completion` answers, `chat.completion.chunk` server-sent events ending
 * in `data: [DONE]`, `usage`, the `{ error: { message, type, param, code } }` error body), for
 * tests: a flow's AI node talks to it exactly as to a real provider, and no cloud service is used.
 */

export interface FakeChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  stream: boolean;
  includeUsage: boolean;
  responseFormat?: { type: string; json_schema?: { name: string; schema: unknown; strict?: boolean } };
  authorization: string | undefined;
}

/** What the fake answers one request with. */
export type FakeReply =
  | { content: string; usage?: { prompt: number; completion: number } }
  | { status: number; error?: string; headers?: Record<string, string> }
  /** Never answers: the client's timeout is what ends it. */
  | { hang: true };

export interface FakeOpenAi {
  /** `http://127.0.0.1:<port>/v1`: what an OpenAI client takes as its base URL. */
  baseUrl: string;
  requests: FakeChatRequest[];
  /** Replies for the next requests, in order; after them `answer` decides. */
  queue(...replies: FakeReply[]): void;
  /** How requests beyond the queue are answered (default: an empty JSON object as content). */
  answer: (request: FakeChatRequest) => FakeReply;
  close(): Promise<void>;
}

const tokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

function sendError(res: ServerResponse, status: number, message: string, code: string | null, headers = {}) {
  const type =
    status === 429 ? 'rate_limit_exceeded' : status >= 500 ? 'server_error' : 'invalid_request_error';
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ error: { message, type, param: null, code } }));
}

function parseRequest(raw: string, authorization: string | undefined): FakeChatRequest | string {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return 'We could not parse the JSON body of your request.';
  }
  if (body === null || typeof body !== 'object') return 'The request body must be a JSON object.';
  const { model, messages, stream, stream_options, response_format } = body as Record<string, unknown>;
  if (typeof model !== 'string' || model === '') return 'you must provide a model parameter';
  if (
    !Array.isArray(messages) ||
    messages.length === 0 ||
    !messages.every(
      (m: unknown) =>
        m !== null &&
        typeof m === 'object' &&
        ['system', 'developer', 'user', 'assistant'].includes(String((m as { role?: unknown }).role)) &&
        typeof (m as { content?: unknown }).content === 'string',
    )
  ) {
    return "Invalid 'messages': each needs a role and string content.";
  }
  if (stream_options !== undefined && stream !== true) {
    return 'The stream_options parameter is only allowed when stream is enabled.';
  }
  return {
    model,
    messages: messages as FakeChatRequest['messages'],
    stream: stream === true,
    includeUsage: (stream_options as { include_usage?: unknown } | undefined)?.include_usage === true,
    ...(response_format ? { responseFormat: response_format as FakeChatRequest['responseFormat'] } : {}),
    authorization,
  };
}

function complete(
  res: ServerResponse,
  request: FakeChatRequest,
  reply: { content: string; usage?: { prompt: number; completion: number } },
) {
  const id = `chatcmpl-${Math.random().toString(36).slice(2, 12)}`;
  const created = Math.floor(Date.now() / 1000);
  const prompt = reply.usage?.prompt ?? tokens(request.messages.map((m) => m.content).join(' '));
  const completion = reply.usage?.completion ?? tokens(reply.content);
  const usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
  if (!request.stream) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id,
        object: 'chat.completion',
        created,
        model: request.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: reply.content, refusal: null },
            logprobs: null,
            finish_reason: 'stop',
          },
        ],
        usage,
      }),
    );
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    res.write(
      `data: ${JSON.stringify({
        id,
        object: 'chat.completion.chunk',
        created,
        model: request.model,
        choices,
        ...(request.includeUsage ? { usage: null } : {}),
        ...extra,
      })}\n\n`,
    );
  chunk([{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }]);
  // A few characters per event, as models stream tokens: the client must join them.
  for (let at = 0; at < reply.content.length; at += 5) {
    chunk([
      { index: 0, delta: { content: reply.content.slice(at, at + 5) }, logprobs: null, finish_reason: null },
    ]);
  }
  chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }]);
  if (request.includeUsage) chunk([], { usage });
  res.end('data: [DONE]\n\n');
}

/** Starts the fake on a free loopback port; `apiKey` set, other keys get OpenAI's 401. */
export async function startFakeOpenAi(options: { apiKey?: string } = {}): Promise<FakeOpenAi> {
  const queued: FakeReply[] = [];
  const fake: FakeOpenAi = {
    baseUrl: '',
    requests: [],
    queue: (...replies) => queued.push(...replies),
    answer: () => ({ content: '{}' }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        return sendError(res, 404, `Invalid URL (${req.method} ${req.url})`, null);
      }
      const authorization = req.headers.authorization;
      if (options.apiKey !== undefined && authorization !== `Bearer ${options.apiKey}`) {
        return sendError(res, 401, 'Incorrect API key provided.', 'invalid_api_key');
      }
      const parsed = parseRequest(Buffer.concat(chunks).toString('utf8'), authorization);
      if (typeof parsed === 'string') return sendError(res, 400, parsed, null);
      fake.requests.push(parsed);
      const reply = queued.shift() ?? fake.answer(parsed);
      if ('hang' in reply) return;
      if ('status' in reply) {
        return sendError(
          res,
          reply.status,
          reply.error ??
            (reply.status === 429 ? 'Rate limit reached for requests' : 'The server had an error'),
          reply.status === 429 ? 'rate_limit_exceeded' : null,
          reply.headers,
        );
      }
      complete(res, parsed, reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}
