import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, userRoles, users, type Role } from '@omniflow/db';
import { hashPassword } from '../src/auth/passwords.ts';
import { roleMay, roleNames, rolesWith } from '../src/auth/permissions.ts';
import { createApiKey } from '../src/api/api-keys.ts';
import { permissionFor, publicPages, routeKey, routePermissions } from '../src/api/route-permissions.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';
import { webChatChannels } from './support/webchat.ts';

/** Routes the table knows that only exist with an optional part (the browser phone's host). */
const onlyWithOptionalParts = new Set(['GET /phone/sip']);

interface Route {
  method: string;
  path: string;
  key: string;
}

/** Every route of the real app, as the API fuzz test lists them (Hono's own table). */
function appRoutes(app: TestOmniflow['app']): Route[] {
  const seen = new Map<string, Route>();
  for (const route of app.routes) {
    if (route.method === 'ALL') continue;
    const key = routeKey(route.method, route.path);
    seen.set(key, { method: route.method, path: route.path, key });
  }
  return [...seen.values()];
}

const isApi = (route: Route) => route.path.startsWith('/api/v1/');

/** A concrete path for a route: ids that exist nowhere, so an allowed call changes nothing. */
function fill(path: string): string {
  const values: Record<string, string> = {
    channel: 'sms',
    domain: 'example.org',
    version: '1',
    kind: 'sms',
  };
  return path
    .replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) => values[name] ?? newId())
    .replace(/\*$/, 'x');
}

interface Answer {
  status: number;
  code?: string;
  message?: string;
  details?: { permission?: string; roles?: string[] };
}

describe('every route for every role', () => {
  let omni: TestOmniflow;
  let routes: Route[];
  const callers: { role: Role; via: 'session' | 'api-key'; headers: Record<string, string> }[] = [];

  async function ask(route: Route, headers: Record<string, string>): Promise<Answer> {
    const body = route.method === 'GET' ? undefined : '{}';
    const response = await omni.app.request(fill(route.path), {
      method: route.method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body ? { body } : {}),
    });
    if (response.headers.get('content-type')?.includes('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status };
    }
    const text = await response.text();
    let error: Omit<Answer, 'status'> = {};
    try {
      error = (JSON.parse(text) as { error?: Omit<Answer, 'status'> }).error ?? {};
    } catch {
      // Not JSON (a page, TwiML, audio): no refusal of ours.
    }
    return { status: response.status, ...error };
  }

  beforeAll(async () => {
    omni = await startTestOmniflow({ worker: false, channels: webChatChannels() });
    routes = appRoutes(omni.app);
    const workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    for (const role of userRoles) {
      const email = `${role}-matrix@example.test`;
      await omni.handle.db.insert(users).values({
        id: newId(),
        workspaceId,
        email,
        passwordHash: await hashPassword('their password'),
        role,
      });
      const login = await omni.app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'their password' }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      callers.push({ role, via: 'session', headers: { cookie, origin: 'http://localhost' } });
      const { key } = await createApiKey(omni.handle.db, workspaceId, role, null, role);
      callers.push({ role, via: 'api-key', headers: { authorization: `Bearer ${key}` } });
    }
  }, 60_000);
  afterAll(async () => omni?.close());

  it('has a line in the route table for every route of the app, and none for a route that is gone', () => {
    expect(routes.length).toBeGreaterThan(150);
    const missing = routes.filter((r) =>
      isApi(r)
        ? permissionFor(...(r.key.split(' ') as [string, string])) === undefined
        : !publicPages.includes(r.key),
    );
    expect(missing.map((r) => r.key)).toEqual([]);
    const known = new Set(routes.map((r) => r.key));
    const gone = Object.keys(routePermissions).filter(
      (key) => !known.has(key) && !onlyWithOptionalParts.has(key),
    );
    expect(gone).toEqual([]);
  });

  it('answers public routes without a caller and asks everyone else to sign in', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter(isApi)) {
      const access = permissionFor(...(route.key.split(' ') as [string, string]));
      const answer = await ask(route, {});
      const unauthenticated = answer.status === 401 && answer.code === 'UNAUTHENTICATED';
      if ((access === 'public') === unauthenticated)
        wrong.push(`${route.key} (${access}) → ${answer.status}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('lets each role, signed in or by its key, through exactly the routes its permissions allow', async () => {
    const wrong: string[] = [];
    let refused = 0;
    let allowed = 0;
    for (const [n, caller] of callers.entries()) {
      // Half the callers read Spanish: the refusal is in the caller's language.
      const language = n % 4 < 2 ? 'en' : 'es';
      for (const route of routes.filter(isApi)) {
        const access = permissionFor(...(route.key.split(' ') as [string, string]));
        if (access === 'public' || access === undefined) continue;
        const may =
          access === 'signed-in' ||
          (access === 'person' ? caller.via === 'session' : roleMay(caller.role, access));
        const answer = await ask(route, { ...caller.headers, 'accept-language': language });
        const what = `${caller.role} by ${caller.via} ${route.key} (${access})`;
        if (may) {
          allowed++;
          if (answer.status === 403) wrong.push(`${what}: refused though allowed: ${answer.message}`);
          continue;
        }
        refused++;
        if (answer.status !== 403 || answer.code !== 'FORBIDDEN') {
          wrong.push(`${what}: ${answer.status} ${answer.code}, not refused`);
          continue;
        }
        if (access === 'person') {
          // No role opens it to a key: the refusal asks for a person, in the caller's language.
          const person = language === 'es' ? 'una persona con sesión iniciada' : 'a person signed in';
          if (!answer.message?.includes(person))
            wrong.push(`${what}: "${answer.message}" does not ask for a person`);
          continue;
        }
        const who = rolesWith(access);
        expect(answer.details).toEqual({ permission: access, roles: who });
        // The message says who may, by their names in the caller's language.
        for (const role of who)
          if (!answer.message?.includes(roleNames[role][language]))
            wrong.push(`${what}: "${answer.message}" does not name ${roleNames[role][language]}`);
        if (
          !answer.message?.startsWith(
            language === 'es'
              ? caller.via === 'session'
                ? 'Tu rol'
                : 'Esta clave'
              : caller.via === 'session'
                ? 'Your role'
                : 'This API key',
          )
        )
          wrong.push(`${what}: "${answer.message}" is not in ${language}`);
      }
    }
    console.log(`role × route: ${callers.length} callers, ${allowed} allowed and ${refused} refused answers`);
    expect(wrong).toEqual([]);
    expect(refused).toBeGreaterThan(300);
  }, 600_000);
});
