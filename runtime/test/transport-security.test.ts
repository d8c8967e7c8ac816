import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as tlsConnect } from 'node:tls';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenApi, type ListeningApi } from '../src/server/listen-api.ts';
import { tlsSettingsFromEnv } from '../src/server/tls-settings.ts';
import { createApp } from '../src/api/create-app.ts';
import { selfSignedCertificate } from './support/self-signed-cert.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';
import { webChatChannels } from './support/webchat.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One real request over the loopback; `https` trusts only the test's own certificate. */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; ca?: Buffer } = {},
): Promise<Answer> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        ...(options.ca ? { ca: options.ca } : {}),
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.once('error', reject);
    req.end(options.body);
  });
}

/** The TLS version a client limited to [min, max] gets, or the error the handshake ended with. */
function handshake(port: number, ca: Buffer, min: 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3', max: typeof min) {
  return new Promise<{ protocol?: string; error?: string }>((resolve) => {
    const socket = tlsConnect({
      host: '127.0.0.1',
      port,
      ca,
      servername: 'localhost',
      minVersion: min,
      maxVersion: max,
      // OpenSSL's default security level will not even offer TLS 1.1: lower it so the client asks
      // and the refusal we see is the server's.
      ciphers: 'DEFAULT@SECLEVEL=0',
    });
    socket.once('secureConnect', () => {
      resolve({ protocol: socket.getProtocol() ?? undefined });
      socket.end();
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
  });
}

describe('HTTPS served directly, HSTS, secure cookies and CSRF', () => {
  const certificate = selfSignedCertificate();
  const ca = certificate.cert;
  let omni: TestOmniflow;
  let served: ListeningApi;
  let base: string;

  beforeAll(async () => {
    omni = await startTestOmniflow({ worker: false, channels: webChatChannels() });
    const tls = tlsSettingsFromEnv({
      OMNIFLOW_TLS_CERT: certificate.certFile,
      OMNIFLOW_TLS_KEY: certificate.keyFile,
    })!;
    // Port 0 for the redirect too: the environment's port (e.g. 80) is checked below.
    served = await listenApi(omni.app, { port: 0, hostname: '127.0.0.1', tls: { ...tls, redirectPort: 0 } });
    base = served.url.replace('localhost', '127.0.0.1');
  });
  afterAll(async () => {
    omni?.app.closeWebSockets();
    await served?.close();
    await omni?.close();
  });

  const portOf = () => Number(new URL(base).port);

  it('answers over TLS 1.3 by default and 1.2 when that is all a client has', async () => {
    expect(base).toMatch(/^https:\/\//);
    const health = await send(`${base}/api/v1/health`, { ca });
    expect(health.status).toBe(200);
    expect((await handshake(portOf(), ca, 'TLSv1.2', 'TLSv1.3')).protocol).toBe('TLSv1.3');
    expect((await handshake(portOf(), ca, 'TLSv1.2', 'TLSv1.2')).protocol).toBe('TLSv1.2');
  });

  it('refuses a client that speaks only TLS 1.1', async () => {
    const refused = await handshake(portOf(), ca, 'TLSv1.1', 'TLSv1.1');
    expect(refused.protocol).toBeUndefined();
    // The server's alert, not a client that never tried.
    expect(refused.error).toMatch(/PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL|WRONG_VERSION/);
  });

  it('redirects plain http to the same path over https with a 308', async () => {
    const answer = await send(`http://127.0.0.1:${served.redirectPort}/flows/abc?tab=runs`, {
      method: 'POST',
    });
    expect(answer.status).toBe(308);
    expect(answer.headers.location).toBe(`https://127.0.0.1:${portOf()}/flows/abc?tab=runs`);
  });

  it('sends HSTS and the security headers over https, a CSP on pages', async () => {
    const page = await send(`${base}/`, { ca });
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    // The web chat script is fetched by customers' sites: shareable across origins.
    const widget = await send(`${base}/webchat.js`, { ca });
    expect(widget.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(page.headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('marks the session cookie Secure when signed in over https', async () => {
    const login = await send(`${base}/api/v1/auth/login`, {
      ca,
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify(omni.admin),
    });
    expect(login.status).toBe(200);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/HttpOnly/);
  });

  it('refuses a cookie write from another origin with 403 and takes it from its own', async () => {
    const login = await send(`${base}/api/v1/auth/login`, {
      ca,
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify(omni.admin),
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const createFlow = (headers: Record<string, string>) =>
      send(`${base}/api/v1/flows`, {
        ca,
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, ...headers },
        body: JSON.stringify({ name: 'Over TLS', nodes: [], edges: [] }),
      });
    const foreign = await createFlow({ origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body).error.code).toBe('CSRF_ORIGIN_MISMATCH');
    expect((await createFlow({})).status).toBe(403);
    expect((await createFlow({ origin: base })).status).toBe(201);
    // An admin route whose path holds "/webchat/" once skipped the check (a substring match).
    const channelTest = await send(`${base}/api/v1/channels/webchat/test`, {
      ca,
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: 'https://evil.example' },
      body: '{}',
    });
    expect(channelTest.status).toBe(403);
  });

  it('keeps the web chat WebSocket working over wss://', async () => {
    const key = (await omni.handle.db.query.workspaces.findFirst())!.id;
    const session = await send(`${base}/api/v1/webchat/sessions`, {
      ca,
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://shop.example' },
      body: JSON.stringify({ key }),
    });
    expect(session.status).toBe(200);
    const { sessionId, token } = JSON.parse(session.body) as { sessionId: string; token: string };
    const query = new URLSearchParams({ key, sessionId, token });
    const socket = new WebSocket(`${base.replace('https', 'wss')}/api/v1/webchat/socket?${query}`, { ca });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.close();
  });

  it('refuses half a TLS setting, an unreadable file and a bad redirect port at start', () => {
    expect(() => tlsSettingsFromEnv({ OMNIFLOW_TLS_CERT: certificate.certFile })).toThrow(/both/);
    expect(() =>
      tlsSettingsFromEnv({
        OMNIFLOW_TLS_CERT: '/nonexistent/cert.pem',
        OMNIFLOW_TLS_KEY: certificate.keyFile,
      }),
    ).toThrow(/OMNIFLOW_TLS_CERT names \/nonexistent\/cert.pem/);
    expect(() =>
      tlsSettingsFromEnv({
        OMNIFLOW_TLS_CERT: certificate.certFile,
        OMNIFLOW_TLS_KEY: certificate.keyFile,
        OMNIFLOW_HTTP_REDIRECT_PORT: 'eighty',
      }),
    ).toThrow(/port number/);
    expect(() => tlsSettingsFromEnv({ OMNIFLOW_HTTP_REDIRECT_PORT: '80' })).toThrow(/OMNIFLOW_TLS_CERT/);
    expect(tlsSettingsFromEnv({})).toBeUndefined();
    expect(
      tlsSettingsFromEnv({
        OMNIFLOW_TLS_CERT: certificate.certFile,
        OMNIFLOW_TLS_KEY: certificate.keyFile,
        OMNIFLOW_HTTP_REDIRECT_PORT: '8080',
      })?.redirectPort,
    ).toBe(8080);
  });

  describe('behind a proxy that ends TLS', () => {
    const appWith = (deps: Partial<Parameters<typeof createApp>[0]>) => createApp({ ...omni.deps, ...deps });

    it('sends HSTS when the public origin is https, not on plain http otherwise', async () => {
      const proxied = await appWith({ publicUrl: 'https://omniflow.example.com' }).request('/api/v1/health');
      expect(proxied.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      const plain = await appWith({ publicUrl: 'http://localhost:3000' }).request('/api/v1/health');
      expect(plain.headers.get('strict-transport-security')).toBeNull();
    });

    it('believes X-Forwarded-Proto only from a trusted proxy, for HSTS and the Secure cookie', async () => {
      const login = (trustProxy: boolean) =>
        appWith({ trustProxy, publicUrl: 'http://localhost' }).request('/api/v1/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
          body: JSON.stringify(omni.admin),
        });
      const trusted = await login(true);
      expect(trusted.status).toBe(200);
      expect(trusted.headers.get('set-cookie')).toMatch(/; Secure/);
      expect(trusted.headers.get('strict-transport-security')).not.toBeNull();
      const untrusted = await login(false);
      expect(untrusted.headers.get('set-cookie')).not.toMatch(/Secure/);
      expect(untrusted.headers.get('strict-transport-security')).toBeNull();
    });
  });
});
