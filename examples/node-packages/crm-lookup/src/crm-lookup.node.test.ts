import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileNode, runNodeActivity, testScope } from '@omniflow/nodes/sdk/testing';
import { crmLookup } from './crm-lookup.node.ts';

describe('crm.lookup', () => {
  let server: Server;
  let baseUrl: string;
  const seen: { url: string; auth: string | undefined }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ url: req.url ?? '', auth: req.headers.authorization });
      if (req.headers.authorization !== 'Bearer k-1') return void res.writeHead(401).end();
      const email = new URL(req.url ?? '/', 'http://x').searchParams.get('email');
      if (email === 'ana@example.com') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ id: 'c-1', name: 'Ana', email, tier: 'gold' }));
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => void server.close());

  const env = { CRM_API_KEY: 'k-1', OMNIFLOW_HTTP_ALLOW_PRIVATE: '1' };
  const scope = testScope({ input: { email: 'ana@example.com' } });

  it('finds a customer by e-mail, sending the key from the environment', async () => {
    const result = await runNodeActivity(
      crmLookup,
      { baseUrl, lookupBy: 'email', value: '{{ input.email }}' },
      { env, scope },
    );
    expect(result).toMatchObject({ port: 'found', output: { id: 'c-1', tier: 'gold' } });
    expect(seen.at(-1)).toEqual({ url: '/customers?email=ana%40example.com', auth: 'Bearer k-1' });
  });

  it('leaves by notFound when the CRM has no such customer', async () => {
    const result = await runNodeActivity(
      crmLookup,
      { baseUrl, lookupBy: 'email', value: 'nobody@example.com' },
      { env, scope },
    );
    expect(result.port).toBe('notFound');
  });

  it('leaves by failed with the status when the CRM refuses the key', async () => {
    const result = await runNodeActivity(
      crmLookup,
      { baseUrl, value: 'c-1' },
      { env: { ...env, CRM_API_KEY: 'wrong' }, scope },
    );
    expect(result).toMatchObject({ port: 'failed', fault: { code: 'CRM_HTTP_401' } });
  });

  it('refuses to run without the key, naming the variable to set', async () => {
    await expect(
      runNodeActivity(crmLookup, { baseUrl, value: 'c-1' }, { env: {}, scope }),
    ).rejects.toMatchObject({ code: 'CRM_KEY_MISSING', retryable: false });
  });

  it('upgrades a version 1 config (customer id only) to version 2', () => {
    expect(crmLookup.migrate?.({ baseUrl, customerId: 'c-9' }, 1)).toEqual({
      baseUrl,
      lookupBy: 'id',
      value: 'c-9',
    });
    expect(() =>
      compileNode(crmLookup, crmLookup.migrate?.({ baseUrl, customerId: 'c-9' }, 1)),
    ).not.toThrow();
  });

  it('refuses a config without an address', () => {
    expect(() => compileNode(crmLookup, { value: 'x' })).toThrow();
  });
});
