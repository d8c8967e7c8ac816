import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  campaigns,
  contactChannels,
  contactFields,
  contacts,
  flowVersions,
  flows,
  newId,
} from '@omniflow/db';
import { createApiKey } from '../src/api/api-keys.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const databases = [
  { db: 'pglite' as const },
  ...(inject('postgresUrl') ? [{ db: 'postgres' as const }] : []),
];

const vipInLima = {
  kind: 'group',
  match: 'all',
  rules: [
    { kind: 'tags', operator: 'has', tags: ['vip'] },
    { kind: 'custom', key: 'ciudad', operator: 'equals', value: 'Lima' },
    { kind: 'consent', channel: 'sms', state: 'consented' },
  ],
};

describe.each(databases)('segments API on $db', ({ db }) => {
  let omni: TestOmniflow;
  let workspaceId: string;
  let viewerKey: string;
  const ids: string[] = [];
  const asViewer = { authorization: '' };

  beforeAll(async () => {
    omni = await startTestOmniflow({ db, worker: false });
    const d = omni.handle.db;
    workspaceId = (await d.query.workspaces.findFirst())!.id;
    viewerKey = (await createApiKey(d, workspaceId, 'viewer', null, 'viewer')).key;
    asViewer.authorization = `Bearer ${viewerKey}`;
    await d
      .insert(contactFields)
      .values({ id: newId(), workspaceId, key: 'ciudad', label: 'Ciudad', type: 'text' });
    // 30 people: every third a VIP, every second in Lima, consent on SMS for all but #0.
    const rows = Array.from({ length: 30 }, (_, i) => ({
      id: newId(),
      workspaceId,
      firstName: `P${String(i).padStart(2, '0')}`,
      tags: i % 3 === 0 ? ['vip'] : [],
      attributes: { ciudad: i % 2 === 0 ? 'Lima' : 'Cusco' },
    }));
    await d.insert(contacts).values(rows);
    await d.insert(contactChannels).values(
      rows.map((r, i) => ({
        id: newId(),
        workspaceId,
        contactId: r.id,
        channel: 'sms' as const,
        address: `+5191100${String(i).padStart(4, '0')}`,
        ...(i === 0 ? {} : { consentAt: new Date(), consentSource: 'imported' as const }),
      })),
    );
    ids.push(...rows.map((r) => r.id));
  });
  afterAll(async () => omni?.close());

  it('counts an unsaved rule tree: the live count while editing', async () => {
    // VIPs in Lima are #0, 6, 12, 18, 24; #0 gave no consent.
    const count = await omni.call('POST', '/api/v1/segments/count', { rules: vipInLima });
    expect(count).toEqual({ status: 200, body: { count: 4 } });
    const preview = await omni.call('POST', '/api/v1/segments/preview', { rules: vipInLima, limit: 2 });
    expect(preview.status).toBe(200);
    expect(preview.body.count).toBe(4);
    expect(preview.body.items.map((c: { firstName: string }) => c.firstName)).toEqual(['P06', 'P12']);
  });

  it('answers 422 naming the rule that does not fit, and 400 for a malformed tree', async () => {
    const bad = {
      ...vipInLima,
      rules: [
        ...vipInLima.rules,
        {
          kind: 'group',
          match: 'any',
          rules: [{ kind: 'custom', key: 'edad', operator: 'equals', value: 3 }],
        },
      ],
    };
    const refused = await omni.call('POST', '/api/v1/segments/count', { rules: bad });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'SEGMENT_RULE_INVALID',
      message: 'Rule 4.1: there is no custom field "edad"',
      details: { path: '4.1' },
    });
    const wrongOperator = await omni.call('POST', '/api/v1/segments', {
      name: 'x',
      kind: 'rules',
      rules: { kind: 'group', match: 'all', rules: [{ kind: 'tags', operator: 'contains', tags: ['a'] }] },
    });
    expect(wrongOperator.status).toBe(400);
    expect(wrongOperator.body.error.message).toContain('rules.rules.0');
    // Every listed value is a bound parameter: a tree cannot ask for more than a statement takes.
    const huge = {
      kind: 'group',
      match: 'any',
      rules: Array.from({ length: 6 }, () => ({
        kind: 'contact',
        field: 'first_name',
        operator: 'in_list',
        values: Array.from({ length: 1000 }, (_, i) => `n${i}`),
      })),
    };
    const tooMany = await omni.call('POST', '/api/v1/segments/count', { rules: huge });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain('At most 5000 values');
  });

  it('saves a rules segment, evaluates it when asked (never a snapshot), renames and deletes it', async () => {
    const created = await omni.call('POST', '/api/v1/segments', {
      name: 'VIP Lima',
      kind: 'rules',
      rules: vipInLima,
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({ name: 'VIP Lima', kind: 'rules', rules: vipInLima });
    expect((await omni.call('GET', `/api/v1/segments/${id}/count`)).body).toEqual({ count: 4 });
    // One more VIP in Lima with consent: the saved segment counts them at once.
    const late = newId();
    await omni.handle.db
      .insert(contacts)
      .values({ id: late, workspaceId, firstName: 'Late', tags: ['vip'], attributes: { ciudad: 'Lima' } });
    await omni.handle.db.insert(contactChannels).values({
      id: newId(),
      workspaceId,
      contactId: late,
      channel: 'sms',
      address: '+51911999999',
      consentAt: new Date(),
    });
    expect((await omni.call('GET', `/api/v1/segments/${id}/count`)).body).toEqual({ count: 5 });
    const page1 = await omni.call('GET', `/api/v1/segments/${id}/contacts?limit=3`);
    const page2 = await omni.call(
      'GET',
      `/api/v1/segments/${id}/contacts?limit=3&after=${page1.body.nextAfter}`,
    );
    expect(
      [...page1.body.items, ...page2.body.items].map((c: { firstName: string }) => c.firstName).sort(),
    ).toEqual(['Late', 'P06', 'P12', 'P18', 'P24']);
    expect(page2.body.nextAfter).toBeNull();

    const taken = await omni.call('POST', '/api/v1/segments', { name: 'VIP Lima', kind: 'static' });
    expect(taken.status).toBe(409);
    const renamed = await omni.call('PUT', `/api/v1/segments/${id}`, { name: 'VIP de Lima' });
    expect(renamed.body.name).toBe('VIP de Lima');
    const list = await omni.call('GET', '/api/v1/segments');
    expect(list.body.items.map((s: { name: string }) => s.name)).toContain('VIP de Lima');

    // A campaign that uses it keeps it.
    await omni.handle.db.insert(campaigns).values({
      id: newId(),
      workspaceId,
      name: 'Promo',
      kind: 'broadcast',
      channels: ['sms'],
      segmentId: id,
    });
    const inUse = await omni.call('DELETE', `/api/v1/segments/${id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.message).toContain('"Promo"');
    const other = await omni.call('POST', '/api/v1/segments', {
      name: 'Temp',
      kind: 'rules',
      rules: vipInLima,
    });
    expect((await omni.call('DELETE', `/api/v1/segments/${other.body.id}`)).status).toBe(204);
    expect((await omni.call('GET', `/api/v1/segments/${other.body.id}`)).status).toBe(404);
  });

  it('adds and removes static list members in batches, skipping unknown and repeated ids', async () => {
    const list = await omni.call('POST', '/api/v1/segments', { name: 'Callback list', kind: 'static' });
    expect(list.status).toBe(201);
    const id = list.body.id;
    const many = [...ids, ...ids.slice(0, 5), newId()];
    expect((await omni.call('POST', `/api/v1/segments/${id}/members`, { contactIds: many })).body).toEqual({
      added: 30,
    });
    expect(
      (await omni.call('POST', `/api/v1/segments/${id}/members`, { contactIds: ids.slice(0, 3) })).body,
    ).toEqual({
      added: 0,
    });
    expect((await omni.call('GET', `/api/v1/segments/${id}/count`)).body).toEqual({ count: 30 });
    expect(
      (await omni.call('POST', `/api/v1/segments/${id}/members/remove`, { contactIds: ids.slice(0, 10) }))
        .body,
    ).toEqual({ removed: 10 });
    const page = await omni.call('GET', `/api/v1/segments/${id}/contacts?limit=50`);
    expect(page.body.items).toHaveLength(20);
    expect(page.body.items[0].firstName).toBe('P10');
    const rulesOnes = await omni.call('GET', '/api/v1/segments');
    const rulesId = rulesOnes.body.items.find((s: { kind: string }) => s.kind === 'rules').id;
    const notStatic = await omni.call('POST', `/api/v1/segments/${rulesId}/members`, {
      contactIds: [ids[0]],
    });
    expect(notStatic.status).toBe(409);
  });

  it('offers the rule builder the fields, tags in use, campaigns and published key menus', async () => {
    const flowId = newId();
    const graph = {
      name: 'IVR',
      nodes: [
        { id: 'start', type: 'voice.incoming', config: {} },
        {
          id: 'menu',
          type: 'voice.menu',
          label: 'Main menu',
          config: { prompt: 'x', options: [{ digit: '1', id: 'billing', label: 'Billing' }] },
        },
      ],
      edges: [],
    };
    await omni.handle.db
      .insert(flows)
      .values({ id: flowId, workspaceId, name: 'IVR', draft: graph, latestVersion: 1 });
    await omni.handle.db
      .insert(flowVersions)
      .values({ id: newId(), workspaceId, flowId, version: 1, graph, machine: {}, hash: 'h' });
    const options = await omni.call('GET', '/api/v1/segments/rule-options', undefined, asViewer);
    expect(options.status).toBe(200);
    expect(options.body.fields).toEqual([{ key: 'ciudad', label: 'Ciudad', type: 'text', choices: null }]);
    expect(options.body.tags).toEqual(['vip']);
    expect(options.body.flows).toEqual([
      {
        id: flowId,
        name: 'IVR',
        menus: [
          { nodeId: 'menu', label: 'Main menu', options: [{ id: 'billing', digit: '1', label: 'Billing' }] },
        ],
      },
    ]);
  });

  it('lets viewers read and count, but only coordinators and admins change segments', async () => {
    const count = await omni.call('POST', '/api/v1/segments/count', { rules: vipInLima }, asViewer);
    expect(count.status).toBe(200);
    expect((await omni.call('GET', '/api/v1/segments', undefined, asViewer)).status).toBe(200);
    const refused = await omni.call('POST', '/api/v1/segments', { name: 'Op', kind: 'static' }, asViewer);
    expect(refused.status).toBe(403);
    const list = await omni.call('GET', '/api/v1/segments');
    const id = list.body.items[0].id;
    expect((await omni.call('DELETE', `/api/v1/segments/${id}`, undefined, asViewer)).status).toBe(403);
    expect(
      (await omni.call('POST', `/api/v1/segments/${id}/members`, { contactIds: [ids[0]] }, asViewer)).status,
    ).toBe(403);
  });
});
