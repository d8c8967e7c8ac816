import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, users } from '@omniflow/db';
import { hashPassword } from '../src/auth/passwords.ts';
import {
  eventually,
  publishFlow,
  runReaches,
  startTestOmniflow,
  type TestOmniflow,
} from './support/test-omniflow.ts';

const waitsForReply = {
  name: 'Asks and waits',
  nodes: [
    { id: 'start', type: 'flow.start', config: {} },
    { id: 'ask', type: 'logic.wait-for-event', config: { event: 'reply', timeout: 'P1D' } },
    { id: 'end', type: 'flow.end', config: { output: { said: '{{ nodes.ask.output.text }}' } } },
  ],
  edges: [
    { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'ask' } },
    { id: 'e2', from: { node: 'ask', port: 'received' }, to: { node: 'end' } },
    { id: 'e3', from: { node: 'ask', port: 'timeout' }, to: { node: 'end' } },
  ],
};

describe('runs console API: filters, counts, in-flight, live stream, settings', () => {
  let omni: TestOmniflow;
  let flowId: string;
  const ids: string[] = [];

  beforeAll(async () => {
    omni = await startTestOmniflow({ appDeps: { streamPollMs: 50 } });
    flowId = await publishFlow(omni, waitsForReply);
    for (const phone of ['+34 600 111 222', '+34 600 333 444', 'Ana@Example.com']) {
      const started = await omni.call('POST', '/api/v1/runs', {
        flowId,
        input: phone.includes('@') ? { email: phone } : { phone },
      });
      ids.push(started.body.id);
      await runReaches(omni, started.body.id, ['waiting']);
    }
    await omni.call('POST', `/api/v1/runs/${ids[0]}/events`, { type: 'reply', data: { text: 'sí' } });
    await runReaches(omni, ids[0]!, ['completed']);
  });
  afterAll(async () => omni?.close());

  it('filters by contact however it is written, by status, node, version and dates', async () => {
    const byPhone = await omni.call('GET', `/api/v1/runs?contact=${encodeURIComponent('+34600333444')}`);
    expect(byPhone.body.items.map((r: { id: string }) => r.id)).toEqual([ids[1]]);
    expect(byPhone.body.items[0]).toMatchObject({ flowName: 'Asks and waits', contact: '+34600333444' });
    const byEmail = await omni.call('GET', '/api/v1/runs?contact=ana%40example.com');
    expect(byEmail.body.items.map((r: { id: string }) => r.id)).toEqual([ids[2]]);

    const waitingAtAsk = await omni.call(
      'GET',
      `/api/v1/runs?flowId=${flowId}&status=waiting,running&nodeId=ask`,
    );
    expect(waitingAtAsk.body.items.map((r: { id: string }) => r.id).sort()).toEqual([ids[1], ids[2]].sort());
    const version2 = await omni.call('GET', `/api/v1/runs?flowId=${flowId}&version=2`);
    expect(version2.body.items).toEqual([]);

    const future = new Date(Date.now() + 60_000).toISOString();
    const past = new Date(Date.now() - 3_600_000).toISOString();
    const inRange = await omni.call('GET', `/api/v1/runs?flowId=${flowId}&from=${past}&to=${future}`);
    expect(inRange.body.items).toHaveLength(3);
    const before = await omni.call('GET', `/api/v1/runs?flowId=${flowId}&to=${past}`);
    expect(before.body.items).toHaveLength(0);

    const page1 = await omni.call('GET', `/api/v1/runs?flowId=${flowId}&limit=2`);
    expect(page1.body.items).toHaveLength(2);
    const page2 = await omni.call(
      'GET',
      `/api/v1/runs?flowId=${flowId}&limit=2&cursor=${page1.body.nextCursor}`,
    );
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.nextCursor).toBeNull();
  });

  it('counts per status and explains bad filters', async () => {
    const counts = await omni.call('GET', `/api/v1/runs/counts?flowId=${flowId}`);
    expect(counts.body).toEqual({
      counts: { running: 0, waiting: 2, completed: 1, failed: 0, cancelled: 0, abandoned: 0, skipped: 0 },
      total: 3,
    });
    const badStatus = await omni.call('GET', '/api/v1/runs?status=done');
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.error.message).toContain('"done" is not a run status');
    const backwards = await omni.call(
      'GET',
      '/api/v1/runs?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toContain('from must be before to');
    const badDate = await omni.call('GET', '/api/v1/runs?from=yesterday');
    expect(badDate.status).toBe(400);
  });

  it('shows in-flight runs per node, and cancels them on publish when asked', async () => {
    const inflight = await omni.call('GET', `/api/v1/flows/${flowId}/inflight`);
    expect(inflight.body).toEqual({
      total: 2,
      byNode: { ask: 2 },
      byVersion: [{ version: 1, total: 2, byNode: { ask: 2 } }],
    });

    const kept = await omni.call('POST', `/api/v1/flows/${flowId}/publish`, { notes: 'keep them' });
    expect(kept.body).toMatchObject({ version: 2, cancelled: 0 });
    const cancelled = await omni.call('POST', `/api/v1/flows/${flowId}/publish`, { inflight: 'cancel' });
    expect(cancelled.body).toMatchObject({ version: 3, cancelled: 2 });
    await eventually(async () => {
      const after = await omni.call('GET', `/api/v1/flows/${flowId}/inflight`);
      return after.body.total === 0 ? true : undefined;
    });
    const badPolicy = await omni.call('POST', `/api/v1/flows/${flowId}/publish`, { inflight: 'drop' });
    expect(badPolicy.status).toBe(400);
  });

  it('streams a run live until it ends', async () => {
    const started = await omni.call('POST', '/api/v1/runs', { flowId, input: { phone: '600' } });
    await runReaches(omni, started.body.id, ['waiting']);
    const response = await omni.app.request(`/api/v1/runs/${started.body.id}/stream`, {
      headers: { authorization: `Bearer ${omni.apiKey}` },
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const read = async (until: string) => {
      while (!text.includes(until)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
    };
    await read('event: run');
    expect(text).toContain('"status":"waiting"');
    await omni.call('POST', `/api/v1/runs/${started.body.id}/events`, {
      type: 'reply',
      data: { text: 'ok' },
    });
    await read('event: end');
    expect(text).toContain('"status":"completed"');
    expect(text).toContain('data: completed');
    const missing = await omni.call('GET', '/api/v1/runs/0190b3c4-0000-7000-8000-000000000000/stream');
    expect(missing.status).toBe(404);
  });

  it('keeps the workspace retention setting within sensible bounds', async () => {
    // The audit log's retention (#16) sits beside it, at its own default, untouched by this change.
    expect((await omni.call('GET', '/api/v1/workspace/settings')).body).toEqual({
      runRetentionDays: 45,
      auditRetentionDays: 365,
      slaTargetPercent: 99.8,
    });
    const changed = await omni.call('PUT', '/api/v1/workspace/settings', { runRetentionDays: 90 });
    expect(changed.body).toEqual({ runRetentionDays: 90, auditRetentionDays: 365, slaTargetPercent: 99.8 });
    expect((await omni.call('GET', '/api/v1/workspace/settings')).body).toEqual({
      runRetentionDays: 90,
      auditRetentionDays: 365,
      slaTargetPercent: 99.8,
    });
    const zero = await omni.call('PUT', '/api/v1/workspace/settings', { runRetentionDays: 0 });
    expect(zero.status).toBe(400);
    expect(zero.body.error.message).toContain('at least 1 day');

    const workspace = (await omni.handle.db.query.workspaces.findFirst())!;
    await omni.handle.db.insert(users).values({
      id: newId(),
      workspaceId: workspace.id,
      email: 'designer@example.test',
      passwordHash: await hashPassword('designer password'),
      role: 'designer',
    });
    const login = await omni.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'designer@example.test', password: 'designer password' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const refused = await omni.call(
      'PUT',
      '/api/v1/workspace/settings',
      { runRetentionDays: 5 },
      { cookie, authorization: '', origin: 'http://localhost' },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('only an admin can');
  });
});
