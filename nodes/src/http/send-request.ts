import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { blockedTargetError, guardedLookup, isPrivateAddress } from './guarded-lookup.ts';
import { NodeError } from '../sdk/node-error.ts';

export interface HttpCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
  timeoutMs: number;
  allowPrivate: boolean;
  signal?: AbortSignal;
  /** Largest answer body accepted (default 5 MB). */
  maxBodyBytes?: number;
}

export interface HttpReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  url: string;
}

/** An answer whose body is kept as bytes (audio, files). */
export interface HttpBytesReply extends Omit<HttpReply, 'body'> {
  body: Buffer;
}

const maxRedirects = 5;
const defaultMaxBodyBytes = 5 * 1024 * 1024;

function once(call: HttpCall, url: URL): Promise<HttpBytesReply> {
  const maxBodyBytes = call.maxBodyBytes ?? defaultMaxBodyBytes;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // Literal IPs never reach the lookup function, so they are checked here.
  if (!call.allowPrivate && isPrivateAddress(host)) return Promise.reject(blockedTargetError(host, host));
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: call.method,
        headers: call.headers,
        lookup: guardedLookup(call.allowPrivate),
        timeout: call.timeoutMs,
        ...(call.signal ? { signal: call.signal } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBodyBytes) {
            req.destroy(
              new NodeError(
                'HTTP_RESPONSE_TOO_LARGE',
                `Response from ${url.host} is over ${Math.round(maxBodyBytes / 1024 / 1024)} MB`,
                false,
              ),
            );
          } else chunks.push(chunk);
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            url: url.toString(),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(new NodeError('HTTP_TIMEOUT', `No answer from ${url.host} within ${call.timeoutMs} ms`)),
    );
    // The socket timeout above only catches silence; this bounds the whole exchange, so a server
    // that trickles its answer cannot hold the activity past the configured timeout.
    const deadline = setTimeout(
      () =>
        req.destroy(
          new NodeError('HTTP_TIMEOUT', `No complete answer from ${url.host} within ${call.timeoutMs} ms`),
        ),
      call.timeoutMs,
    );
    req.on('close', () => clearTimeout(deadline));
    req.on('error', reject);
    req.end(call.body);
  });
}

const credentialHeaders = new Set(['authorization', 'cookie', 'proxy-authorization']);

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !credentialHeaders.has(name.toLowerCase())),
  );
}

/** One HTTP exchange, following up to five redirects, each hop checked against private targets. */
export async function sendRequest(call: HttpCall): Promise<HttpReply> {
  const reply = await sendRequestForBytes(call);
  return { ...reply, body: reply.body.toString('utf8') };
}

/** `sendRequest` keeping the body as bytes: the same private-target guard for audio and files. */
export async function sendRequestForBytes(call: HttpCall): Promise<HttpBytesReply> {
  let url: URL;
  try {
    url = new URL(call.url);
  } catch {
    throw new NodeError('HTTP_URL_INVALID', `"${call.url}" is not a valid URL`, false);
  }
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new NodeError(
        'HTTP_URL_INVALID',
        `Only http and https URLs are supported, not ${url.protocol}`,
        false,
      );
    }
    const reply = await once(call, url);
    const location = reply.headers.location;
    if (reply.status < 300 || reply.status >= 400 || !location || hop >= maxRedirects) return reply;
    const next = new URL(location, url);
    // Fetch standard (HTTP-redirect fetch): credentials set for one origin are not sent to another.
    if (next.origin !== url.origin) call = { ...call, headers: withoutCredentials(call.headers) };
    url = next;
    // RFC 9110 §15.4: after 301/302/303 a POST becomes a GET without body.
    if (reply.status === 303 || ((reply.status === 301 || reply.status === 302) && call.method === 'POST')) {
      call = { ...call, method: 'GET', body: undefined };
    }
  }
}
