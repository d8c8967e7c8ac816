import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@omniflow/db';
import { publishFlow, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';
import { webChatChannels } from './support/webchat.ts';

const approval = JSON.parse(readFileSync(new URL('./golden/approval.graph.json', import.meta.url), 'utf8'));

/**
 * At least this many requests (OMNIFLOW_FUZZ_REQUESTS for a longer hunt); every route gets its
 * share before the rest are drawn at random.
 */
const REQUESTS = Number(process.env.OMNIFLOW_FUZZ_REQUESTS ?? 1200);
/** A request that has not answered by then counts as a failure (a hang is as bad as a 500). */
const ANSWER_WITHIN_MS = 15_000;

/** mulberry32: small, fast and the same everywhere, so a seed repeats a run exactly. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof prng>;

const injections = [
  "' OR 1=1 --",
  "'; drop table runs; --",
  '"; select pg_sleep(10); --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  "{% include 'package.json' %}",
  '{{ "x" | append: 1 }}{% for i in (1..100000000) %}x{% endfor %}',
  '{{ 7 | times: 7 }}',
  '../../../../etc/passwd',
  '${7*7}',
  '%s%s%s%n',
  '\u202e\u0301\ud83d\ude00',
  'a'.repeat(10_000),
];
const evilDates = [
  '0000-01-01T00:00:00Z',
  '-271821-04-20T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '1969-12-31T23:59:59Z',
  '2026-02-31T00:00:00Z',
  'yesterday',
  '',
];
const evilNumbers = [
  '1e15',
  '-1',
  '0',
  '99999999999999999999',
  '1e308',
  'NaN',
  '2147483648',
  '-2147483649',
  '1.5',
];

/** Values with the wrong type, range or text for any field. */
function evilValue(r: Random): unknown {
  switch (r.int(12)) {
    case 0:
      return r.pick(injections);
    case 1:
      return `a\u0000b${r.pick(injections)}`;
    case 2:
      return r.pick([1e15, -1, 0, 2 ** 31, -(2 ** 31) - 1, 1.5, Number.MAX_SAFE_INTEGER, 1e308]);
    case 3:
      return r.pick([true, false, null]);
    case 4:
      return r.pick(evilDates);
    case 5:
      return [r.pick(injections), 1, null, {}];
    case 6:
      return { $ne: null, __proto__: { admin: true }, constructor: { prototype: { x: 1 } } };
    case 7:
      return nestedValue(r.pick([10, 60, 70, 1100]));
    case 8:
      return newId();
    case 9:
      return 'x'.repeat(r.pick([0, 1, 5000, 300_000]));
    case 10:
      return r.pick(['\ud800', 'a\udfffb', '\uffff', '\u0001\u0002\u001f']);
    default:
      return randomJson(r, 3);
  }
}

function randomJson(r: Random, depth: number): unknown {
  const kind = depth <= 0 ? r.int(4) : r.int(6);
  if (kind === 0) return r.pick([0, -1, 1e15, 3.14]);
  if (kind === 1) return r.pick(injections.slice(0, 6));
  if (kind === 2) return r.pick([true, null]);
  if (kind === 3) return r.pick(['', 'sms', 'whatsapp', 'approve', 'verify', 'rerun', 'retry-from-step']);
  if (kind === 4) return Array.from({ length: r.int(4) }, () => randomJson(r, depth - 1));
  const keys = [
    'name',
    'type',
    'data',
    'input',
    'flowId',
    'mode',
    'seq',
    'text',
    'key',
    'filter',
    'action',
    'id',
  ];
  return Object.fromEntries(Array.from({ length: r.int(5) }, () => [r.pick(keys), randomJson(r, depth - 1)]));
}

const nestedValue = (depth: number): unknown => JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));

/** Replaces one field (at any depth) of a good body with an evil value. */
function mutate(r: Random, body: unknown): unknown {
  const copy: unknown = structuredClone(body);
  if (copy === null || typeof copy !== 'object') return evilValue(r);
  let node: Record<string, unknown> | unknown[] = copy as Record<string, unknown>;
  for (let steps = r.int(4); steps >= 0; steps--) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = r.pick(keys);
    const child: unknown = (node as Record<string, unknown>)[key];
    if (steps === 0 || child === null || typeof child !== 'object') {
      (node as Record<string, unknown>)[key] = evilValue(r);
      break;
    }
    node = child as Record<string, unknown>;
  }
  return copy;
}

interface Ids {
  flowId: string;
  runId: string;
  workspaceId: string;
  conversationId: string;
}

/** A body that a route takes, to mutate: most fields then pass and the evil one is the test. */
function goodBody(method: string, path: string, ids: Ids, admin: TestOmniflow['admin']): unknown {
  if (path.endsWith('/auth/login')) return { email: admin.email, password: 'wrong password' };
  if (/\/flows(\/:id)?$/.test(path)) return approval;
  if (path.endsWith('/runs') && method === 'POST')
    return { flowId: ids.flowId, input: { amount: 5, name: 'z' } };
  if (path.endsWith('/events')) return { type: 'approve', data: { by: 'fuzz' } };
  if (path.endsWith('/replay')) return { mode: 'retry-from-step', seq: 1 };
  if (path.includes('/runs/bulk'))
    return { filter: { status: ['waiting'] }, action: 'cancel', idempotencyKey: 'k' };
  if (path.endsWith('/test-runs')) return { input: { amount: 5 } };
  if (path.endsWith('/what-if')) return { limit: 5 };
  if (path.endsWith('/publish')) return { inflight: 'keep' };
  if (path.endsWith('/workspace/settings')) return { runRetentionDays: 30 };
  if (path.includes('/channels/'))
    return { provider: 'twilio', accountSid: 'AC1', authToken: 't', from: '+15550001' };
  if (path.endsWith('/recordings/quota')) return { quotaBytes: 1000 };
  if (path.endsWith('/recordings/delete')) return { to: '2020-01-01T00:00:00Z' };
  if (path.endsWith('/api-keys')) return { name: 'fuzz' };
  if (path.endsWith('/webchat/sessions')) return { key: ids.workspaceId };
  if (path.endsWith('/webchat/messages')) return { text: 'hola' };
  if (path.endsWith('/sandbox/messages')) return { channel: 'sms', from: '+34600000000', text: 'hola' };
  if (path.includes('/conversations/')) return { text: 'hola', note: 'n' };
  return { name: 'fuzz' };
}

const encoder = new TextEncoder();

/** A request body of one of many bad kinds, with its content type. */
function badBody(
  r: Random,
  good: unknown,
): { body: string | Uint8Array; contentType: string; kind: string } | undefined {
  const json = (value: unknown, kind: string) => ({
    body: JSON.stringify(value),
    contentType: 'application/json',
    kind,
  });
  const roll = r.next();
  if (roll < 0.35) return json(mutate(r, good), 'mutated');
  if (roll < 0.45) return json(randomJson(r, 4), 'random json');
  if (roll < 0.5) return json(evilValue(r), 'evil value');
  if (roll < 0.58) {
    const depth = r.pick([65, 200, 1100, 3000, 20_000]);
    const deep = '['.repeat(depth) + ']'.repeat(depth);
    const text = r.chance(0.5) ? JSON.stringify(good).replace(/^\{/, `{"deep":${deep},`) : deep;
    return { body: text, contentType: 'application/json', kind: `deep ${depth}` };
  }
  if (roll < 0.61) {
    const size = r.pick([1024 * 1024 + 1, 5 * 1024 * 1024 + 1, 6 * 1024 * 1024]);
    return json({ ...(good as object), text: 'x'.repeat(size) }, `huge ${size}`);
  }
  if (roll < 0.68)
    return json({ ...(good as object), [r.pick(['name', 'text', 'data', 'x\u0000y'])]: 'a\u0000b' }, 'nul');
  if (roll < 0.72) {
    const text = JSON.stringify(good).replace(/"([^"]*)"$/, '"$1\\ud800"');
    return {
      body: text.includes('\\ud800') ? text : '"\\udc00"',
      contentType: 'application/json',
      kind: 'lone surrogate',
    };
  }
  if (roll < 0.79) {
    const text = encoder.encode(JSON.stringify(good));
    const bytes = new Uint8Array(text.length + 4);
    bytes.set(text.subarray(0, Math.max(0, text.length - 2)));
    bytes.set(
      r.pick([
        [0xff, 0xfe],
        [0xc3, 0x28],
        [0xed, 0xa0, 0x80],
        [0xf4, 0x90, 0x80, 0x80],
      ]),
      text.length - 2,
    );
    return { body: bytes, contentType: 'application/json', kind: 'invalid utf-8' };
  }
  if (roll < 0.86)
    return {
      body: r.pick([
        '{"name": "broken",',
        '{',
        '[1,]',
        'nul',
        '\u0000',
        '{"a":1}{"b":2}',
        '{"__proto__":{"x":1}}',
      ]),
      contentType: 'application/json',
      kind: 'malformed',
    };
  if (roll < 0.92)
    return {
      body: r.pick(['a=1&b=%00', '<xml/>', JSON.stringify(good), 'Body=hi&From=%2B1']),
      contentType: r.pick([
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/xml',
        'multipart/form-data; boundary=x',
        '',
      ]),
      kind: 'wrong content type',
    };
  if (roll < 0.96) return { body: '', contentType: 'application/json', kind: 'empty' };
  return undefined;
}

const queryNames = [
  'from',
  'to',
  'limit',
  'cursor',
  'status',
  'version',
  'contact',
  'nodeId',
  'flowId',
  'number',
  'callRecordId',
  'key',
  'sessionId',
  'token',
  'interval',
  'timeZone',
  'q',
  'hub.mode',
  'hub.verify_token',
  'hub.challenge',
];

function badQuery(r: Random, ids: Ids): string {
  const params: string[] = [];
  for (let n = r.chance(0.5) ? 0 : 1 + r.int(3); n > 0; n--) {
    const name = r.pick(queryNames);
    const value = r.pick([
      () => r.pick(evilDates),
      () => r.pick(evilNumbers),
      () => r.pick(injections),
      () => 'a\u0000b',
      () => r.pick([ids.flowId, ids.runId, newId(), 'not-a-uuid']),
      () => r.pick(['running,waiting', 'bogus', ',,,']),
      () => Buffer.from(r.pick(['x', newId(), '\u0000'])).toString('base64url'),
    ])();
    params.push(`${encodeURIComponent(name)}=${r.chance(0.1) ? '%ZZ%00%' : encodeURIComponent(value)}`);
  }
  return params.length > 0 ? `?${params.join('&')}` : '';
}

function pathValue(r: Random, name: string, ids: Ids): string {
  const real: Record<string, string> = {
    id: r.pick([ids.flowId, ids.runId, ids.conversationId]),
    workspaceId: ids.workspaceId,
    channel: r.pick(['sms', 'whatsapp', 'webchat', 'voice']),
    kind: r.pick(['sms', 'status']),
    version: '1',
  };
  return r.pick([
    () => real[name] ?? 'x',
    () => real[name] ?? 'x',
    () => real[name] ?? 'x',
    () => newId(),
    () => 'not-a-uuid',
    () => encodeURIComponent(r.pick(injections)),
    () => '%00',
    () => r.pick(evilNumbers),
    () => '%ZZ',
    () => '..%2F..%2Fetc%2Fpasswd',
    () => encodeURIComponent('\ud83d\ude00'),
  ])();
}

interface Route {
  method: string;
  path: string;
}

/** Every route the app has, from Hono's own table (middleware and catch-alls left out). */
function appRoutes(app: TestOmniflow['app']): Route[] {
  const seen = new Map<string, Route>();
  for (const route of app.routes) {
    if (route.path === '*' || (route.path.endsWith('/*') && route.method === 'ALL')) continue;
    seen.set(`${route.method} ${route.path}`, { method: route.method, path: route.path });
  }
  return [...seen.values()];
}

function fillPath(r: Random, path: string, ids: Ids): string {
  return path
    .replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) => pathValue(r, name, ids))
    .replace(/\*$/, () =>
      r.pick(['x', 'calls/x/gather', 'audio/%00', encodeURIComponent(r.pick(injections))]),
    );
}

async function answer(response: Response): Promise<string> {
  if (response.headers.get('content-type')?.includes('text/event-stream')) {
    await response.body?.cancel();
    return '(event stream)';
  }
  return (await response.text()).slice(0, 300);
}

describe('fuzzing every route with malformed requests', () => {
  let omni: TestOmniflow;
  let cookie: string;
  let ids: Ids;

  beforeAll(async () => {
    omni = await startTestOmniflow({ channels: webChatChannels() });
    const login = await omni.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(omni.admin),
    });
    cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const flowId = await publishFlow(omni, approval);
    const run = await omni.call('POST', '/api/v1/runs', { flowId, input: { amount: 500, name: 'z' } });
    const workspace = await omni.handle.db.query.workspaces.findFirst();
    ids = { flowId, runId: run.body.id, workspaceId: workspace!.id, conversationId: newId() };
  });
  afterAll(async () => omni?.close());

  it(`answers ${REQUESTS} malformed requests across every route without a 5xx, and still works after`, async () => {
    const seed = Number(process.env.OMNIFLOW_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`API fuzz seed ${seed} (OMNIFLOW_FUZZ_SEED=${seed} repeats this run)`);
    const r = prng(seed);
    const routes = appRoutes(omni.app);
    expect(routes.length).toBeGreaterThan(50);
    const failures: string[] = [];
    const kinds = new Map<string, number>();
    const statuses = new Map<number, number>();
    for (let i = 0; i < Math.max(REQUESTS, routes.length * 4); i++) {
      // Each route four times over first (once per way of signing in and once more), then at random.
      const route = i < routes.length * 4 ? routes[i % routes.length]! : r.pick(routes);
      const method =
        route.method === 'ALL' ? r.pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']) : route.method;
      const path = fillPath(r, route.path, ids) + badQuery(r, ids);
      const auth = r.pick(['key', 'key', 'key', 'cookie', 'cookie', 'cookie', 'none', 'bad key'] as const);
      const headers: Record<string, string> = {};
      if (auth === 'key') headers.authorization = `Bearer ${omni.apiKey}`;
      if (auth === 'bad key') headers.authorization = r.pick(['Bearer of_key_nope', 'Bearer ', 'Basic Og==']);
      // Signing the admin out would leave the rest of the run unsigned.
      if (auth === 'cookie' && !route.path.endsWith('/auth/logout')) headers.cookie = cookie;
      const body =
        method === 'GET' || method === 'HEAD'
          ? undefined
          : badBody(r, goodBody(method, route.path, ids, omni.admin));
      if (body?.contentType) headers['content-type'] = body.contentType;
      const what = `#${i} ${method} ${path.slice(0, 200)} as ${auth} with ${body?.kind ?? 'no body'}`;
      kinds.set(body?.kind ?? 'no body', (kinds.get(body?.kind ?? 'no body') ?? 0) + 1);
      try {
        const response = await Promise.race([
          omni.app.request(path, { method, headers, ...(body ? { body: body.body } : {}) }),
          new Promise<never>((_, reject) =>
            setTimeout(
              () => reject(new Error(`no answer in ${ANSWER_WITHIN_MS} ms`)),
              ANSWER_WITHIN_MS,
            ).unref(),
          ),
        ]);
        const text = await answer(response);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        // The TwiML voice webhook answers 503 by design where no process takes calls (as here).
        const expected503 = response.status === 503 && text.includes('VOICE_NOT_RUNNING');
        if (response.status >= 500 && !expected503) failures.push(`${what} → ${response.status} ${text}`);
      } catch (error) {
        failures.push(`${what} → ${String(error)}`);
      }
    }
    console.log(
      `API fuzz: ${routes.length} routes, requests by body kind: ${JSON.stringify(Object.fromEntries(kinds))}, answers by status: ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(failures, `seed ${seed}`).toEqual([]);

    // Still healthy: the same app creates, publishes and runs a flow and lists runs.
    expect((await omni.call('GET', '/api/v1/health')).status).toBe(200);
    const flowId = await publishFlow(omni, approval);
    const run = await omni.call('POST', '/api/v1/runs', { flowId, input: { amount: 5, name: 'z' } });
    expect(run.status).toBe(201);
    const listed = await omni.call('GET', `/api/v1/runs?flowId=${flowId}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(run.body.id);
  }, 180_000);
});
