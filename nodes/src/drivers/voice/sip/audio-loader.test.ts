import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeError } from '../../../sdk/node-error.ts';
import { AudioLoader } from './audio-loader.ts';
import { encodeWav } from './wav-file.ts';

const samples = Int16Array.from({ length: 800 }, (_, i) => (i % 2 ? 1000 : -1000));

describe('AudioLoader fetching a URL (voice.play on the SIP endpoint)', () => {
  let server: Server;
  let port: number;
  let requests = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests++;
      if (req.url === '/moved') res.writeHead(302, { location: `http://127.0.0.1:${port}/prompt.wav` }).end();
      else res.writeHead(200, { 'content-type': 'audio/wav' }).end(encodeWav(samples));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function refusal(loader: AudioLoader, url: string): Promise<NodeError> {
    const error: unknown = await loader.load({ kind: 'url', url }).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof NodeError)) throw new Error(`expected a NodeError, got ${String(error)}`);
    return error;
  }

  it.each([
    ['loopback', () => `http://127.0.0.1:${port}/prompt.wav`],
    ['a name resolving to loopback', () => `http://localhost:${port}/prompt.wav`],
    ['IPv6 written with an IPv4 loopback', () => `http://[::127.0.0.1]:${port}/prompt.wav`],
  ])('refuses %s with HTTP_TARGET_BLOCKED, without a request', async (_what, url) => {
    const before = requests;
    const error = await refusal(new AudioLoader(), url());
    expect(error.code).toBe('HTTP_TARGET_BLOCKED');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('OMNIFLOW_HTTP_ALLOW_PRIVATE');
    expect(requests).toBe(before);
  });

  it('fetches and decodes the audio when private addresses are allowed', async () => {
    const loaded = await new AudioLoader({ allowPrivate: true }).load({
      kind: 'url',
      url: `http://127.0.0.1:${port}/moved`,
    });
    expect(Array.from(loaded)).toEqual(Array.from(samples));
  });
});
