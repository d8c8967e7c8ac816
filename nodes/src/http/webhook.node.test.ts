import { describe, expect, it } from 'vitest';
import { runFragment } from '../sdk/testing.ts';
import { httpWebhook, normalizeWebhookPath, respondWithinMs, webhookPathProblem } from './webhook.node.ts';

describe('http.webhook', () => {
  it('takes POST, no auth and a 10 s answer window by default', () => {
    const config = httpWebhook.config.parse({ path: 'orders/new' });
    expect(config).toMatchObject({ method: 'POST', auth: 'none', signatureHeader: 'X-Signature-256' });
    expect(respondWithinMs(config)).toBe(10_000);
  });

  it('never keeps a caller waiting more than a minute', () => {
    expect(respondWithinMs(httpWebhook.config.parse({ path: 'x', respondWithin: 'PT5M' }))).toBe(60_000);
  });

  it('refuses a signature header that is not a header name', () => {
    const result = httpWebhook.config.safeParse({ path: 'x', signatureHeader: 'X Sig: 1' });
    expect(result.success).toBe(false);
  });

  it.each([
    ['orders/new', undefined],
    ['/Orders/New/', undefined],
    ['', 'empty'],
    ['a//b', 'characters'],
    ['a b', 'characters'],
    ['a/../b', 'characters'],
    ['ñandú', 'characters'],
    ['x'.repeat(201), 'long'],
  ])('judges the path %j as %s', (path, problem) => {
    expect(webhookPathProblem(path)).toBe(problem);
  });

  it('matches paths without their end slashes and case', () => {
    expect(normalizeWebhookPath(' /Orders/New/ ')).toBe('orders/new');
  });

  it('hands the request on as its output and leaves by next', () => {
    const request = { method: 'POST', path: 'orders', query: { a: '1' }, headers: {}, body: { n: 3 } };
    const run = runFragment(httpWebhook, { path: 'orders' }, { input: request });
    expect(run.port).toBe('next');
    expect(run.output).toEqual(request);
  });
});
