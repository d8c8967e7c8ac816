import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditedRoutes, isAudited } from '../src/audit/audited-routes.ts';
import { resourceLoaders } from '../src/audit/audit-resources.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';
import { webChatChannels } from './support/webchat.ts';

const reads = new Set(['GET', 'HEAD', 'OPTIONS']);

// A route added without a line in audit/audited-routes.ts would change data with no audit row:
// every writing route of the real app must be there, audited or not-audited with a reason.
describe('audit coverage of the API', () => {
  let omni: TestOmniflow;
  beforeAll(async () => {
    omni = await startTestOmniflow({ worker: false, channels: webChatChannels() });
  });
  afterAll(async () => omni?.close());

  /** Every route of the app as Hono lists it, middleware-only wildcards left out (as the fuzz test does). */
  const appRoutes = () =>
    new Set(
      omni.app.routes
        .filter((r) => r.path !== '*' && !(r.path.endsWith('/*') && r.method === 'ALL'))
        .map((r) => `${r.method} ${r.path}`),
    );

  it('has an audit rule for every route that writes', () => {
    const writing = [...appRoutes()].filter((route) => !reads.has(route.split(' ')[0]!));
    expect(writing.length).toBeGreaterThan(80);
    expect(writing.filter((route) => !(route in auditedRoutes))).toEqual([]);
  });

  it('names only routes the app has, and can load the resource of every audited change', () => {
    const routes = appRoutes();
    expect(Object.keys(auditedRoutes).filter((route) => !routes.has(route))).toEqual([]);
    const unloadable = Object.entries(auditedRoutes).filter(
      ([, rule]) => isAudited(rule) && !rule.read && rule.id !== 'none' && !resourceLoaders[rule.resource],
    );
    expect(unloadable.map(([route]) => route)).toEqual([]);
  });

  it('has the builder say every action and resource in words, in English and Spanish', () => {
    // Read as text: server tests do not import the builder.
    const words = readFileSync(
      new URL('../../builder/src/features/audit/messages.ts', import.meta.url),
      'utf8',
    );
    const said = (key: string) => words.split(`'${key}'`).length - 1;
    const audited = Object.values(auditedRoutes).filter(isAudited);
    const keys = [
      ...new Set([
        ...audited.map((rule) => `audit.action.${rule.action}`),
        ...audited.map((rule) => `audit.resource.${rule.resource}`),
        'audit.resource.workspace',
      ]),
    ];
    expect(keys.filter((key) => said(key) !== 2)).toEqual([]);
  });
});
