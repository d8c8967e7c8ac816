import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segments, newId } from '@omniflow/db';
import { createApiKey } from '../src/api/api-keys.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

describe('the campaigns API refuses what it cannot do, with a reason', () => {
  let omni: TestOmniflow;
  let segmentId: string;
  let supervisorKey: string;

  beforeAll(async () => {
    // No worker: started campaigns wait in Temporal, which is all these answers need.
    omni = await startTestOmniflow({ worker: false });
    const workspace = await omni.handle.db.query.workspaces.findFirst();
    segmentId = newId();
    await omni.handle.db
      .insert(segments)
      .values({ id: segmentId, workspaceId: workspace!.id, name: 'Todos', kind: 'static' });
    supervisorKey = (await createApiKey(omni.handle.db, workspace!.id, 'monitor', null, 'supervisor')).key;
  });
  afterAll(async () => omni?.close());

  it('validates drafts, moves status only where allowed, and checks roles', async () => {
    const bad = await omni.call('POST', '/api/v1/campaigns', {
      name: '',
      channel: 'fax',
      schedule: { mode: 'local', localTime: '25:00' },
      ratePerSecond: 0,
    });
    expect(bad.status).toBe(400);
    const text = JSON.stringify(bad.body.error);
    for (const hint of [
      'Give the campaign a name',
      'sms, email or whatsapp',
      'HH:MM',
      'At least 1 message per second',
    ])
      expect(text).toContain(hint);

    const foreign = await omni.call('POST', '/api/v1/campaigns', {
      name: 'X',
      channel: 'sms',
      segmentId: newId(),
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.code).toBe('SEGMENT_NOT_FOUND');

    const asSupervisor = await omni.call(
      'POST',
      '/api/v1/campaigns',
      { name: 'X', channel: 'sms' },
      { authorization: `Bearer ${supervisorKey}` },
    );
    expect(asSupervisor.status).toBe(403);

    const draft = await omni.call('POST', '/api/v1/campaigns', { name: 'Sin contenido', channel: 'sms' });
    expect(draft.status).toBe(201);
    const id = draft.body.id;
    const incomplete = await omni.call('POST', `/api/v1/campaigns/${id}/start`);
    expect(incomplete.status).toBe(409);
    expect(incomplete.body.error).toMatchObject({ code: 'CAMPAIGN_INCOMPLETE' });
    expect(incomplete.body.error.message).toContain('segment');
    expect((await omni.call('POST', `/api/v1/campaigns/${id}/resume`)).status).toBe(409);

    const later = new Date(Date.now() + 86_400_000).toISOString();
    const patched = await omni.call('PATCH', `/api/v1/campaigns/${id}`, {
      segmentId,
      content: { text: 'Hola' },
      schedule: { mode: 'at', at: later },
    });
    expect(patched.status).toBe(200);
    const started = await omni.call('POST', `/api/v1/campaigns/${id}/start`);
    expect(started.body.status).toBe('scheduled');
    expect((await omni.call('PATCH', `/api/v1/campaigns/${id}`, { name: 'Otro' })).status).toBe(409);
    expect((await omni.call('DELETE', `/api/v1/campaigns/${id}`)).status).toBe(409);
    // Supervisors may stop what is going out, though they cannot create campaigns.
    const paused = await omni.call('POST', `/api/v1/campaigns/${id}/pause`, undefined, {
      authorization: `Bearer ${supervisorKey}`,
    });
    expect(paused.body.status).toBe('paused');
    expect((await omni.call('POST', `/api/v1/campaigns/${id}/cancel`)).body.status).toBe('cancelled');
    expect((await omni.call('POST', `/api/v1/campaigns/${id}/cancel`)).status).toBe(409);
    expect((await omni.call('DELETE', `/api/v1/campaigns/${id}`)).status).toBe(204);
    expect((await omni.call('GET', `/api/v1/campaigns/${id}`)).status).toBe(404);
    expect((await omni.call('GET', '/api/v1/campaigns/not-an-id/stats')).status).toBe(400);
  });
});
