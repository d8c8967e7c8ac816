import { NodeError } from '../sdk/node-error.ts';

/** One message of a chat, in the chat-completions wire format. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** `response_format: { type: 'json_schema', json_schema: {...} }`: the model answers JSON of this shape. */
export interface JsonSchemaFormat {
  name: string;
  schema: Record<string, unknown>;
}

export interface ChatRequest {
  baseUrl: string;
  apiKey?: string;
  model: string;
  messages: ChatMessage[];
  responseFormat?: JsonSchemaFormat;
  stream: boolean;
  /** Per HTTP request; a request that takes longer is abandoned and retried. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Tries for a timeout, a network error, 429 or 5xx (the first one included). */
  attempts?: number;
  /** First backoff; doubled each try, unless the server's Retry-After says otherwise. */
  backoffMs?: number;
  /** The longest Retry-After honoured; a server asking for more gives up at once. */
  maxRetryAfterMs?: number;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface ChatAnswer {
  content: string;
  usage: TokenUsage;
  /** HTTP requests made, retries included. */
  requests: number;
}

interface WireUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new NodeError('AI_CANCELLED', 'The step was cancelled while waiting to retry', false));
      },
      { once: true },
    );
  });

/** Retry-After (RFC 9110 §10.2.3): seconds, or an HTTP date. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function endpoint(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/chat/completions`;
}

function body(request: ChatRequest): string {
  return JSON.stringify({
    model: request.model,
    messages: request.messages,
    ...(request.responseFormat
      ? {
          response_format: {
            type: 'json_schema',
            json_schema: {
              name: request.responseFormat.name,
              schema: request.responseFormat.schema,
              strict: true,
            },
          },
        }
      : {}),
    ...(request.stream ? { stream: true, stream_options: { include_usage: true } } : {}),
  });
}

function usageOf(usage: WireUsage | null | undefined): TokenUsage {
  return { promptTokens: usage?.prompt_tokens ?? 0, completionTokens: usage?.completion_tokens ?? 0 };
}

function providerMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } };
    if (typeof parsed.error?.message === 'string') return parsed.error.message;
  } catch {
    // Not the OpenAI error shape: the raw text says more than nothing.
  }
  return text.slice(0, 300);
}

/** Reads `data:` events of a chat-completions stream until `[DONE]`. */
async function readStream(response: Response): Promise<{ content: string; usage: TokenUsage }> {
  if (!response.body) throw new NodeError('AI_BAD_RESPONSE', 'The model sent an empty stream', true);
  const decoder = new TextDecoder();
  let buffered = '';
  let content = '';
  let usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
  for await (const chunk of response.body) {
    buffered += decoder.decode(chunk as Uint8Array, { stream: true });
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).replace(/\r$/, '');
      buffered = buffered.slice(newline + 1);
      if (!line.startsWith('data:')) continue;
      const data = line.slice(5).trim();
      if (data === '[DONE]') return { content, usage };
      const event = JSON.parse(data) as {
        choices?: { delta?: { content?: string | null } }[] | null;
        usage?: WireUsage | null;
        error?: { message?: string };
      };
      if (event.error) throw new NodeError('AI_PROVIDER_ERROR', event.error.message ?? 'stream error', true);
      content += event.choices?.[0]?.delta?.content ?? '';
      if (event.usage) usage = usageOf(event.usage);
    }
  }
  // Ended without [DONE]: the connection dropped mid-answer.
  throw new NodeError('AI_BAD_RESPONSE', 'The model’s stream ended before it was done', true);
}

/**
 * One chat completion against an OpenAI-compatible endpoint (`POST {baseUrl}/chat/completions`),
 * streamed or not. Timeouts, network errors, 429 and 5xx are retried with exponential backoff,
 * waiting what the server's Retry-After asks; other 4xx are the caller's to fix and are not.
 */
export async function chatCompletion(request: ChatRequest): Promise<ChatAnswer> {
  const attempts = request.attempts ?? 3;
  const backoffMs = request.backoffMs ?? 500;
  const maxRetryAfterMs = request.maxRetryAfterMs ?? 30_000;
  let last: NodeError | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let waitMs = backoffMs * 2 ** (attempt - 1);
    try {
      const timeout = AbortSignal.timeout(request.timeoutMs);
      const response = await fetch(endpoint(request.baseUrl), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: request.stream ? 'text/event-stream' : 'application/json',
          ...(request.apiKey ? { authorization: `Bearer ${request.apiKey}` } : {}),
        },
        body: body(request),
        signal: request.signal ? AbortSignal.any([request.signal, timeout]) : timeout,
      });
      if (response.ok) {
        if (request.stream) return { ...(await readStream(response)), requests: attempt };
        const answer = (await response.json()) as {
          choices?: { message?: { content?: string | null } }[];
          usage?: WireUsage;
        };
        return {
          content: answer.choices?.[0]?.message?.content ?? '',
          usage: usageOf(answer.usage),
          requests: attempt,
        };
      }
      const text = await response.text();
      const retryable = response.status === 429 || response.status >= 500;
      const code = response.status === 429 ? 'AI_RATE_LIMITED' : `AI_HTTP_${response.status}`;
      last = new NodeError(
        code,
        `The AI provider answered ${response.status}: ${providerMessage(text)}`,
        retryable,
      );
      if (!retryable) throw last;
      const asked = retryAfterMs(response.headers.get('retry-after'));
      if (asked !== undefined) {
        if (asked > maxRetryAfterMs) {
          throw new NodeError(code, `${last.message} (it asks to wait ${Math.ceil(asked / 1000)} s)`, false);
        }
        waitMs = asked;
      }
    } catch (error) {
      if (error instanceof NodeError) {
        if (!error.retryable) throw error;
        last = error;
      } else if (request.signal?.aborted) {
        throw new NodeError('AI_CANCELLED', 'The step was cancelled', false);
      } else if (error instanceof Error && error.name === 'TimeoutError') {
        last = new NodeError(
          'AI_TIMEOUT',
          `The AI provider did not answer within ${request.timeoutMs} ms`,
          true,
        );
      } else if (error instanceof SyntaxError) {
        last = new NodeError(
          'AI_BAD_RESPONSE',
          `The AI provider sent something that is not JSON: ${error.message}`,
          true,
        );
      } else {
        const cause = error instanceof Error ? (error.cause as Error | undefined) : undefined;
        const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
        last = new NodeError('AI_UNREACHABLE', `The AI provider could not be reached: ${message}`, true);
      }
    }
    if (attempt < attempts) await sleep(waitMs, request.signal);
  }
  throw last ?? new NodeError('AI_UNREACHABLE', 'The AI provider could not be reached', true);
}
