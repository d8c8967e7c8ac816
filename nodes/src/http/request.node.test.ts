import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { NodeError } from '../sdk/node-error.ts';
import { compileNode, runNodeActivity, testScope } from '../sdk/testing.ts';
import type { TransitionJson } from '../sdk/types.ts';
import { isPrivateAddress } from './guarded-lookup.ts';
import { httpRequest } from './request.node.ts';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const allowPrivate = { OMNIFLOW_HTTP_ALLOW_PRIVATE: '1' };
// A public address (example.com's) used as the first hop of the redirect test; connections to it
// are steered to the local server, so no real traffic leaves the machine.
const publicHost = '93.184.216.34';

let server: Server;
let base: string;
let port: number;
const received: Received[] = [];

function sendJson(res: import('node:http').ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    // A fresh connection per request, so the connection watch below sees every request.
    res.setHeader('connection', 'close');
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      switch (path) {
        case '/hang':
          return; // never answers
        case '/trickle': {
          // Answers at once, then sends one byte every 50 ms for 3 s.
          res.writeHead(200, { 'content-type': 'text/plain' });
          let sent = 0;
          const timer = setInterval(() => {
            if (res.destroyed || ++sent > 60) {
              clearInterval(timer);
              res.end();
            } else res.write('.');
          }, 50);
          return;
        }
        case '/missing':
          return sendJson(res, 404, { error: 'not found' });
        case '/boom':
          res.writeHead(500, { 'content-type': 'text/plain' });
          return res.end('internal trouble');
        case '/text':
          res.writeHead(200, { 'content-type': 'text/plain' });
          return res.end('plain words');
        case '/redirect':
          res.writeHead(302, { location: '/final?from=redirect' });
          return res.end();
        case '/see-other':
          res.writeHead(303, { location: '/final' });
          return res.end();
        case '/to-origin':
          res.writeHead(302, {
            location: `http://127.0.0.1:${new URL(req.url ?? '/', 'http://x').searchParams.get('port')}/landing`,
          });
          return res.end();
        case '/loop':
          res.writeHead(302, { location: '/loop' });
          return res.end();
        case '/to-loopback':
          res.writeHead(302, { location: `http://127.0.0.1:${port}/secret` });
          return res.end();
        case '/to-metadata':
          res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' });
          return res.end();
        default:
          return sendJson(res, 200, { method: req.method, path, query: req.url?.split('?')[1] ?? '', body });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterEach(() => {
  received.length = 0;
  vi.restoreAllMocks();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Records every outgoing TCP connect; `steer` rewrites the public test host to the local server. */
function watchConnects(steer = false) {
  const original = net.Socket.prototype.connect;
  const targets: string[] = [];
  const spy = vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (
    this: net.Socket,
    ...args: unknown[]
  ) {
    const first = args[0];
    const options = (Array.isArray(first) ? first[0] : first) as { host?: string; port?: number } | undefined;
    if (options && typeof options === 'object') {
      targets.push(`${options.host}:${options.port}`);
      if (steer && options.host === publicHost) options.host = '127.0.0.1';
    }
    return original.apply(this, args as Parameters<typeof original>);
  });
  return { spy, targets };
}

async function rejection(promise: Promise<unknown>): Promise<NodeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NodeError);
  return error as NodeError;
}

describe('http.request config', () => {
  it('fills method, headers and timeout defaults', () => {
    expect(httpRequest.config.parse({ url: 'https://api.example.com' })).toEqual({
      method: 'GET',
      url: 'https://api.example.com',
      headers: {},
      timeout: 'PT30S',
    });
  });

  it('asks for a URL', () => {
    const result = httpRequest.config.safeParse({ url: '' });
    expect(result.error?.issues[0]?.message).toBe('Enter the URL to call');
    expect(httpRequest.config.safeParse({}).error?.issues[0]?.path).toEqual(['url']);
  });

  it('rejects an unknown method', () => {
    const result = httpRequest.config.safeParse({ url: 'https://x.test', method: 'FETCH' });
    expect(result.error?.issues[0]?.path).toEqual(['method']);
    expect(result.error?.issues[0]?.message).toMatch(/GET/);
  });

  it('rejects a bad timeout and non-text headers', () => {
    expect(
      httpRequest.config.safeParse({ url: 'https://x.test', timeout: '30s' }).error?.issues[0]?.message,
    ).toMatch(/ISO-8601 duration/);
    expect(
      httpRequest.config.safeParse({ url: 'https://x.test', headers: { 'x-n': 1 } }).error?.issues[0]?.path,
    ).toEqual(['headers', 'x-n']);
  });
});

describe('http.request compile', () => {
  it('invokes the activity with the parsed config and its Temporal options', () => {
    const fragment = compileNode(
      httpRequest,
      { url: 'https://x.test/{{ input.id }}' },
      { success: 'ok', failed: 'ko' },
      'call',
    );
    expect(fragment.invoke?.src).toBe('runNode');
    expect(fragment.invoke?.id).toBe('call');
    expect(fragment.invoke?.input).toEqual({
      nodeId: 'call',
      nodeType: 'http.request',
      version: 1,
      config: { method: 'GET', url: 'https://x.test/{{ input.id }}', headers: {}, timeout: 'PT30S' },
      options: httpRequest.activity!.options,
    });
  });

  it('routes the activity result port to the wired nodes', () => {
    const fragment = compileNode(
      httpRequest,
      { url: 'https://x.test' },
      { success: 'ok', failed: 'ko' },
      'call',
    );
    expect(fragment.invoke?.onDone).toEqual(
      [
        ['success', 'ok'],
        ['failed', 'ko'],
      ].map(([port, target]) => ({
        guard: { type: 'portIs', params: { port } },
        target,
        actions: [
          { type: 'saveOutput', params: { nodeId: 'call' } },
          { type: 'leaveNode', params: { nodeId: 'call', port } },
        ],
      })),
    );
  });

  it('sends an activity error (network, timeout, blocked) to the failed port', () => {
    const fragment = compileNode(httpRequest, { url: 'https://x.test' }, { failed: 'ko' }, 'call');
    expect(fragment.invoke?.onError).toEqual({
      target: 'ko',
      actions: [
        { type: 'saveError', params: { nodeId: 'call' } },
        { type: 'leaveNode', params: { nodeId: 'call', port: 'failed' } },
      ],
    });
  });

  it('completes the run when success is not wired', () => {
    const fragment = compileNode(httpRequest, { url: 'https://x.test' }, { failed: 'ko' });
    expect((fragment.invoke?.onDone as TransitionJson[])[0]?.target).toBe('__completed');
  });
});

describe('http.request activity', () => {
  const scope = testScope({
    input: { id: 42, name: 'Ana', payload: { items: [1, 2] } },
    vars: { token: 's3cret' },
  });

  it('GETs a templated URL with templated headers and leaves by success with the parsed JSON body', async () => {
    const result = await runNodeActivity(
      httpRequest,
      {
        url: `${base}/orders/{{ input.id }}?who={{ input.name }}`,
        headers: { authorization: 'Bearer {{ vars.token }}' },
      },
      { scope, env: allowPrivate, idempotencyKey: 'run-1:call:3' },
    );
    expect(result.port).toBe('success');
    expect(result.output).toMatchObject({
      status: 200,
      body: { method: 'GET', path: '/orders/42', query: 'who=Ana' },
    });
    expect(received).toHaveLength(1);
    expect(received[0]?.headers.authorization).toBe('Bearer s3cret');
    expect(received[0]?.headers['idempotency-key']).toBe('run-1:call:3');
    expect(result.input).toMatchObject({ method: 'GET', url: `${base}/orders/42?who=Ana` });
  });

  it('keeps an idempotency key the designer set, whatever its case', async () => {
    await runNodeActivity(
      httpRequest,
      { url: `${base}/a`, headers: { 'Idempotency-Key': 'order-{{ input.id }}' } },
      { scope, env: allowPrivate, idempotencyKey: 'run-1:call:1' },
    );
    expect(received[0]?.headers['idempotency-key']).toBe('order-42');
  });

  it('POSTs a templated JSON body with content-type application/json', async () => {
    const result = await runNodeActivity(
      httpRequest,
      { method: 'POST', url: `${base}/orders`, body: '{"name": "{{ input.name }}", "id": {{ input.id }}}' },
      { scope, env: allowPrivate, idempotencyKey: 'run-1:post:1' },
    );
    expect(result.port).toBe('success');
    expect(received[0]?.method).toBe('POST');
    expect(received[0]?.headers['content-type']).toBe('application/json');
    expect(received[0]?.headers['idempotency-key']).toBe('run-1:post:1');
    expect(JSON.parse(received[0]!.body)).toEqual({ name: 'Ana', id: 42 });
  });

  it('serialises a single-expression body that yields an object', async () => {
    await runNodeActivity(
      httpRequest,
      { method: 'PUT', url: `${base}/items`, body: '{{ input.payload }}' },
      { scope, env: allowPrivate },
    );
    expect(received[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(received[0]!.body)).toEqual({ items: [1, 2] });
  });

  it('sends a text body as text/plain and keeps a content-type the designer set', async () => {
    await runNodeActivity(
      httpRequest,
      { method: 'POST', url: `${base}/a`, body: 'hello {{ input.name }}' },
      { scope, env: allowPrivate },
    );
    expect(received[0]?.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(received[0]?.body).toBe('hello Ana');
    await runNodeActivity(
      httpRequest,
      { method: 'POST', url: `${base}/b`, headers: { 'Content-Type': 'application/xml' }, body: '<a/>' },
      { scope, env: allowPrivate },
    );
    expect(received[1]?.headers['content-type']).toBe('application/xml');
  });

  it('keeps a non-JSON answer as text', async () => {
    const result = await runNodeActivity(httpRequest, { url: `${base}/text` }, { env: allowPrivate });
    expect(result).toMatchObject({ port: 'success', output: { status: 200, body: 'plain words' } });
  });

  it.each([
    ['/missing', 404, { error: 'not found' }],
    ['/boom', 500, 'internal trouble'],
  ])('leaves %s by failed with status %i', async (path, status, body) => {
    const result = await runNodeActivity(httpRequest, { url: `${base}${path}` }, { env: allowPrivate });
    expect(result.port).toBe('failed');
    expect(result.output).toMatchObject({ status, body });
  });

  describe('private targets (SSRF guard)', () => {
    it('blocks a loopback URL with a non-retryable HTTP_TARGET_BLOCKED', async () => {
      const error = await rejection(runNodeActivity(httpRequest, { url: `${base}/json` }));
      expect(error.code).toBe('HTTP_TARGET_BLOCKED');
      expect(error.retryable).toBe(false);
      expect(error.message).toContain('OMNIFLOW_HTTP_ALLOW_PRIVATE');
      expect(received).toHaveLength(0);
    });

    it('blocks a host name that resolves to loopback', async () => {
      const error = await rejection(runNodeActivity(httpRequest, { url: `http://localhost:${port}/json` }));
      expect(error.code).toBe('HTTP_TARGET_BLOCKED');
      expect(received).toHaveLength(0);
    });

    it('reaches loopback when OMNIFLOW_HTTP_ALLOW_PRIVATE=1', async () => {
      const result = await runNodeActivity(
        httpRequest,
        { url: `http://localhost:${port}/json` },
        { env: allowPrivate },
      );
      expect(result.port).toBe('success');
      expect(received).toHaveLength(1);
    });

    it.each([
      'http://10.0.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]:80/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::127.0.0.1]/',
      'http://[64:ff9b::127.0.0.1]/',
      'http://[fe80::1]/',
      'http://[fd00::1]/',
      'http://0.0.0.0/',
      'http://0x7f.1/',
    ])('refuses %s before opening any connection', async (url) => {
      const { spy } = watchConnects();
      const error = await rejection(runNodeActivity(httpRequest, { url }));
      expect(error.code).toBe('HTTP_TARGET_BLOCKED');
      expect(spy).not.toHaveBeenCalled();
    });

    it('the connection watch does see real connections (so the check above can fail)', async () => {
      const { spy, targets } = watchConnects();
      await runNodeActivity(httpRequest, { url: `${base}/json` }, { env: allowPrivate });
      expect(spy).toHaveBeenCalled();
      expect(targets).toContain(`127.0.0.1:${port}`);
    });
  });

  describe('redirects', () => {
    it('follows a redirect to the final answer', async () => {
      const result = await runNodeActivity(httpRequest, { url: `${base}/redirect` }, { env: allowPrivate });
      expect(result).toMatchObject({
        port: 'success',
        output: { status: 200, body: { path: '/final', query: 'from=redirect' } },
      });
      expect(received.map((r) => r.url)).toEqual(['/redirect', '/final?from=redirect']);
    });

    it('keeps credentials on a same-origin redirect', async () => {
      await runNodeActivity(
        httpRequest,
        { url: `${base}/redirect`, headers: { Authorization: 'Bearer t0k3n', cookie: 'sid=1' } },
        { env: allowPrivate },
      );
      expect(received.map((r) => [r.url, r.headers.authorization, r.headers.cookie])).toEqual([
        ['/redirect', 'Bearer t0k3n', 'sid=1'],
        ['/final?from=redirect', 'Bearer t0k3n', 'sid=1'],
      ]);
    });

    it('does not send credentials to another origin after a redirect', async () => {
      const other: Received[] = [];
      const otherServer = createServer((req, res) => {
        other.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: '' });
        sendJson(res, 200, { landed: true });
      });
      await new Promise<void>((resolve) => otherServer.listen(0, '127.0.0.1', resolve));
      try {
        const otherPort = (otherServer.address() as AddressInfo).port;
        const result = await runNodeActivity(
          httpRequest,
          {
            url: `${base}/to-origin?port=${otherPort}`,
            headers: { Authorization: 'Bearer t0k3n', Cookie: 'sid=1', 'x-trace': 'abc' },
          },
          { env: allowPrivate },
        );
        expect(result).toMatchObject({ port: 'success', output: { body: { landed: true } } });
        expect(received[0]?.headers.authorization).toBe('Bearer t0k3n');
        expect(other).toHaveLength(1);
        expect(other[0]?.headers.authorization).toBeUndefined();
        expect(other[0]?.headers.cookie).toBeUndefined();
        expect(other[0]?.headers['x-trace']).toBe('abc');
      } finally {
        otherServer.closeAllConnections();
        await new Promise((resolve) => otherServer.close(resolve));
      }
    });

    it('turns a POST into a GET without body after 303', async () => {
      await runNodeActivity(
        httpRequest,
        { method: 'POST', url: `${base}/see-other`, body: '{"a":1}' },
        { env: allowPrivate },
      );
      expect(received.map((r) => [r.method, r.url, r.body])).toEqual([
        ['POST', '/see-other', '{"a":1}'],
        ['GET', '/final', ''],
      ]);
    });

    it('stops after five redirects and reports the last answer as failed', async () => {
      const result = await runNodeActivity(httpRequest, { url: `${base}/loop` }, { env: allowPrivate });
      expect(result.port).toBe('failed');
      expect(result.output).toMatchObject({ status: 302 });
      expect(received).toHaveLength(6);
    });

    it('refuses a redirect from a public host to loopback', async () => {
      const { targets } = watchConnects(true);
      const error = await rejection(
        runNodeActivity(httpRequest, { url: `http://${publicHost}:${port}/to-loopback` }),
      );
      expect(error.code).toBe('HTTP_TARGET_BLOCKED');
      expect(targets).toEqual([`${publicHost}:${port}`]);
      expect(received.map((r) => r.url)).toEqual(['/to-loopback']);
    });

    it('refuses a redirect to the cloud metadata address', async () => {
      const { targets } = watchConnects(true);
      const error = await rejection(
        runNodeActivity(httpRequest, { url: `http://${publicHost}:${port}/to-metadata` }),
      );
      expect(error.code).toBe('HTTP_TARGET_BLOCKED');
      expect(targets).toHaveLength(1);
    });
  });

  it('times out on a server that never answers with HTTP_TIMEOUT', async () => {
    const started = Date.now();
    const error = await rejection(
      runNodeActivity(httpRequest, { url: `${base}/hang`, timeout: 'PT0.2S' }, { env: allowPrivate }),
    );
    expect(error.code).toBe('HTTP_TIMEOUT');
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('times out a server that trickles its answer instead of waiting for the last byte', async () => {
    const started = Date.now();
    const error = await rejection(
      runNodeActivity(httpRequest, { url: `${base}/trickle`, timeout: 'PT0.3S' }, { env: allowPrivate }),
    );
    expect(error.code).toBe('HTTP_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it.each(['not a url', '{{ input.missing }}', 'ftp://files.example.com/x', 'file:///etc/passwd'])(
    'rejects %j with HTTP_URL_INVALID',
    async (url) => {
      const error = await rejection(runNodeActivity(httpRequest, { url }));
      expect(error.code).toBe('HTTP_URL_INVALID');
      expect(error.retryable).toBe(false);
    },
  );
});

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '10.0.0.1',
    '10.255.1.2',
    '192.168.1.10',
    '172.16.5.4',
    '169.254.169.254',
    '0.0.0.0',
    '::1',
    '::ffff:127.0.0.1',
    'fe80::1',
    'fc00::1',
  ])('%s is private', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '93.184.216.34', '2001:4860::8888', '::ffff:8.8.8.8'])('%s is public', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it('is false for host names (their addresses are checked at lookup)', () => {
    expect(isPrivateAddress('localhost')).toBe(false);
  });
});
