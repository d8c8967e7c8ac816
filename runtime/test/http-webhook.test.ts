import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { runs } from '@omniflow/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/api/api-keys.ts';
import { eventually, publishFlow, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const example = JSON.parse(
  readFileSync(new URL('../../examples/flows/webhook-double.json', import.meta.url), 'utf8'),
) as { nodes: { id: string; config: Record<string, unknown> }[] } & Record<string, unknown>;

/** The example flow with its trigger and answer changed. */
function doubleFlow(name: string, hook: Record<string, unknown>, answer: Record<string, unknown> = {}) {
  const nodes = example.nodes.map((n) =>
    n.id === 'hook'
      ? { ...n, config: { ...n.config, ...hook } }
      : n.id === 'answer'
        ? { ...n, config: { ...n.config, ...answer } }
        : n,
  );
  return { ...example, name, nodes };
}

/** A webhook flow whose answer shows the body it got. */
function echoFlow(name: string, path: string, extra: object[] = [], hook: Record<string, unknown> = {}) {
  const middle = extra as { id: string }[];
  const chain = ['hook', ...middle.map((n) => n.id), 'answer'];
  return {
    name,
    trigger: { node: 'hook' },
    nodes: [
      { id: 'hook', type: 'http.webhook', config: { path, method: 'ANY', ...hook } },
      ...extra,
      {
        id: 'answer',
        type: 'http.respond',
        config: {
          body: '{"got": "{{ input.body }}", "q": "{{ input.query.page }}", "method": "{{ input.method }}"}',
        },
      },
    ],
    edges: chain
      .slice(1)
      .map((to, i) => ({ id: `e${i}`, from: { node: chain[i], port: 'next' }, to: { node: to } })),
  };
}

const bodyOf = async (response: Response): Promise<any> => response.json();

describe('flows that answer HTTP requests (http.webhook → http.respond)', () => {
  let omni: TestOmniflow;
  let workspaceId: string;
  const hook = (path: string, init: RequestInit = {}) =>
    omni.app.request(`/api/v1/hooks/${workspaceId}/${path}`, init);
  const runsOf = (flowId: string) => omni.handle.db.select().from(runs).where(eq(runs.flowId, flowId));

  beforeAll(async () => {
    omni = await startTestOmniflow({ db: 'postgres' });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
  });
  afterAll(async () => omni?.close());

  it('runs the published flow inside the request and answers with its Liquid body', async () => {
    const flowId = await publishFlow(omni, doubleFlow('Doblar', {}));
    const post = (n: number) =>
      hook('double', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ n }),
      });
    const big = await post(7);
    expect(big.status).toBe(200);
    expect(big.headers.get('content-type')).toBe('application/json');
    expect(await bodyOf(big)).toEqual({ result: 'big', doubled: 14 });
    const small = await post(2);
    expect(await small.json()).toEqual({ result: 'small', doubled: 4 });
    const runId = small.headers.get('x-omniflow-run-id')!;
    const done = await eventually(async () => {
      const run = await omni.call('GET', `/api/v1/runs/${runId}`);
      return run.body.status === 'completed' ? run.body : undefined;
    });
    expect(done).toMatchObject({
      flowId,
      version: 1,
      input: { method: 'POST', path: 'double', body: { n: 2 } },
    });
    expect(done.input.headers.authorization).toBeUndefined();
  });

  it('answers 404 for a path no flow takes and 405 for a method the path does not take, in the caller’s language', async () => {
    const missing = await hook('nothing/here', { method: 'POST', headers: { 'accept-language': 'es' } });
    expect(missing.status).toBe(404);
    expect((await bodyOf(missing)).error.message).toMatch(/Ningún flujo publicado responde en nothing\/here/);
    const wrong = await hook('double', { method: 'GET' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect((await bodyOf(wrong)).error.code).toBe('METHOD_NOT_ALLOWED');
    const notAWorkspace = await omni.app.request('/api/v1/hooks/abc/double', { method: 'POST' });
    expect(notAWorkspace.status).toBe(404);
  });

  it('refuses a second published flow on the same path and method with 409 naming the first', async () => {
    const created = await omni.call(
      'POST',
      '/api/v1/flows',
      doubleFlow('Doblar otra vez', { method: 'ANY' }),
    );
    const refused = await omni.call(
      'POST',
      `/api/v1/flows/${created.body.id}/publish`,
      {},
      { 'accept-language': 'es' },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('TRIGGER_CLAIMED');
    expect(refused.body.error.message).toMatch(/«Doblar» ya atiende la ruta de webhook double/);
    // Another method on the same path is another claim.
    await omni.call(
      'PUT',
      `/api/v1/flows/${created.body.id}`,
      doubleFlow('Doblar otra vez', { method: 'PUT' }),
    );
    const other = await omni.call('POST', `/api/v1/flows/${created.body.id}/publish`, {});
    expect(other.status).toBe(201);
  });

  it('refuses a call without the API key, or with a key of no use, and starts nothing', async () => {
    const flowId = await publishFlow(omni, doubleFlow('Con clave', { path: 'keyed', auth: 'apiKey' }));
    const body = JSON.stringify({ n: 1 });
    const json = { 'content-type': 'application/json' };
    const none = await hook('keyed', { method: 'POST', headers: json, body });
    expect(none.status).toBe(401);
    expect((await bodyOf(none)).error.code).toBe('API_KEY_MISSING');
    const bad = await hook('keyed', {
      method: 'POST',
      headers: { ...json, authorization: 'Bearer nope' },
      body,
    });
    expect(bad.status).toBe(401);
    const { key: readOnly } = await createApiKey(omni.handle.db, workspaceId, 'read only', null, 'admin', {
      scopes: ['read'],
    });
    const narrow = await hook('keyed', {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${readOnly}`, 'accept-language': 'es' },
      body,
    });
    expect(narrow.status).toBe(403);
    expect((await bodyOf(narrow)).error.message).toMatch(/runs:write/);
    expect(await runsOf(flowId)).toEqual([]);
    const good = await hook('keyed', {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${omni.apiKey}` },
      body,
    });
    expect(good.status).toBe(200);
    expect(await runsOf(flowId)).toHaveLength(1);
  });

  it('takes only requests signed with the flow’s secret, and starts nothing for a bad signature', async () => {
    const flowId = await publishFlow(
      omni,
      doubleFlow('Firmado', { path: 'signed', auth: 'hmac', signatureHeader: 'X-Hub-Signature-256' }),
    );
    const body = JSON.stringify({ n: 9 });
    const json = { 'content-type': 'application/json' };
    const noSecret = await hook('signed', {
      method: 'POST',
      headers: { ...json, 'x-hub-signature-256': 'sha256=00' },
      body,
    });
    expect(noSecret.status).toBe(403);
    const made = await omni.call('POST', `/api/v1/flows/${flowId}/hook/secret`);
    expect(made.status).toBe(201);
    const secret = made.body.secret as string;
    const unsigned = await hook('signed', { method: 'POST', headers: json, body });
    expect(unsigned.status).toBe(401);
    expect((await bodyOf(unsigned)).error.code).toBe('SIGNATURE_MISSING');
    const forged = createHmac('sha256', 'not the secret').update(body).digest('hex');
    const bad = await hook('signed', {
      method: 'POST',
      headers: { ...json, 'x-hub-signature-256': `sha256=${forged}` },
      body,
    });
    expect(bad.status).toBe(401);
    expect((await bodyOf(bad)).error.code).toBe('SIGNATURE_INVALID');
    expect(await runsOf(flowId)).toEqual([]);
    const signature = createHmac('sha256', secret).update(body).digest('hex');
    const good = await hook('signed', {
      method: 'POST',
      headers: { ...json, 'x-hub-signature-256': `sha256=${signature}` },
      body,
    });
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ result: 'big', doubled: 18 });
    // The secret is never read back, only when it was made.
    const shown = await omni.call('GET', `/api/v1/flows/${flowId}/hook`);
    expect(shown.body).toMatchObject({ auth: 'hmac', secretMadeAt: made.body.updatedAt });
    expect(JSON.stringify(shown.body)).not.toContain(secret);
  });

  it('parses XML, urlencoded and multipart bodies and hands the query on', async () => {
    await publishFlow(omni, echoFlow('Eco', 'echo'));
    const xml = await hook('echo?page=2', {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<order id="7"><item>cafe</item><item>te</item><code>007</code></order>',
    });
    expect(xml.status).toBe(200);
    expect(await xml.json()).toEqual({
      got: { order: { '@id': '7', item: ['cafe', 'te'], code: '007' } },
      q: '2',
      method: 'POST',
    });
    const form = await hook('echo', {
      method: 'PUT',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=Ana&tag=a&tag=b',
    });
    expect(await form.json()).toMatchObject({ got: { name: 'Ana', tag: ['a', 'b'] }, method: 'PUT' });
    const multipart = new FormData();
    multipart.set('name', 'Ana');
    multipart.set('file', new Blob(['hola'], { type: 'text/plain' }), 'nota.txt');
    const parts = await hook('echo', { method: 'POST', body: multipart });
    expect(await parts.json()).toMatchObject({
      got: { name: 'Ana', file: { filename: 'nota.txt', type: 'text/plain', size: 4 } },
    });
  });

  it('refuses malformed, entity-laden or oversized bodies before starting anything', async () => {
    const broken = await hook('echo', {
      method: 'POST',
      headers: { 'content-type': 'application/xml', 'accept-language': 'es' },
      body: '<order><item></order>',
    });
    expect(broken.status).toBe(400);
    expect((await bodyOf(broken)).error.message).toMatch(/no es XML bien formado/);
    const doctype = await hook('echo', {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: '<!DOCTYPE a [<!ENTITY x "xx">]><a>&x;</a>',
    });
    expect(doctype.status).toBe(400);
    const json = await hook('echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":',
    });
    expect(json.status).toBe(400);
    expect((await bodyOf(json)).error.code).toBe('INVALID_JSON');
    const big = await hook('echo', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'accept-language': 'es' },
      body: 'x'.repeat(1024 * 1024 + 1),
    });
    expect(big.status).toBe(413);
    expect((await bodyOf(big)).error.message).toMatch(/más grande que 1 MiB/);
    const deep = await hook('echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'es' },
      body: '['.repeat(70) + ']'.repeat(70),
    });
    expect(deep.status).toBe(400);
    expect((await bodyOf(deep)).error.message).toMatch(/niveles/);
  });

  it('answers 202 with the run id when the flow does not answer in time, and the run goes on', async () => {
    const flowId = await publishFlow(
      omni,
      echoFlow('Lento', 'slow', [{ id: 'pause', type: 'logic.wait', config: { duration: 'PT3S' } }], {
        respondWithin: 'PT1S',
      }),
    );
    const started = Date.now();
    const answer = await hook('slow', { method: 'POST' });
    expect(answer.status).toBe(202);
    expect(Date.now() - started).toBeLessThan(2500);
    const { runId, status } = await bodyOf(answer);
    expect(status).toBe('running');
    const [row] = await runsOf(flowId);
    expect(row?.id).toBe(runId);
    const done = await eventually(async () => {
      const run = await omni.call('GET', `/api/v1/runs/${runId}`);
      return run.body.status === 'completed' ? run.body : undefined;
    });
    expect(done.id).toBe(runId);
  });

  it('runs the draft at the test URL and the published version at the production URL', async () => {
    const flowId = await publishFlow(omni, doubleFlow('Borrador', { path: 'drafted' }, { status: '201' }));
    await omni.call(
      'PUT',
      `/api/v1/flows/${flowId}`,
      doubleFlow('Borrador', { path: 'drafted' }, { status: '299' }),
    );
    const urls = await omni.call('GET', `/api/v1/flows/${flowId}/hook`);
    expect(urls.body.productionUrl).toMatch(new RegExp(`/api/v1/hooks/${workspaceId}/drafted$`));
    expect(urls.body.testUrl).toMatch(new RegExp(`/api/v1/hooks/test/${flowId}/drafted$`));
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"n":1}' };
    const production = await omni.app.request(new URL(urls.body.productionUrl).pathname, init);
    expect(production.status).toBe(201);
    const test = await omni.app.request(new URL(urls.body.testUrl).pathname, init);
    expect(test.status).toBe(299);
    const testRun = await omni.call('GET', `/api/v1/runs/${test.headers.get('x-omniflow-run-id')}`);
    expect(testRun.body.version).toBe(0);
    const elsewhere = await omni.app.request(`/api/v1/hooks/test/${flowId}/other`, init);
    expect(elsewhere.status).toBe(404);
  });
});
