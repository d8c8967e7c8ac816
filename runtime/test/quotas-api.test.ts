import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { messages, newId, quotaLedger } from '@omniflow/db';
import { createApiKey } from '../src/api/api-keys.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

// The quotas API on real PostgreSQL: bags set by admins only, the balance with its warning, and
// the ledger (paged JSON and the CSV download) adding up to it.

describe.skipIf(!inject('postgresUrl'))('quotas API', () => {
  let omni: TestOmniflow;
  let workspaceId: string;
  let designerKey: string;

  const as = async (key: string, method: string, path: string, body?: object) => {
    const response = await omni.app.request(path, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const json = (response.headers.get('content-type') ?? '').includes('json');
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: json ? JSON.parse(text) : undefined,
    };
  };

  beforeAll(async () => {
    omni = await startTestOmniflow({ db: 'postgres', worker: false });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    designerKey = (await createApiKey(omni.handle.db, workspaceId, 'design', null, 'designer')).key;
  });
  afterAll(async () => omni?.close());

  it('lets only admins set a bag, and shows its balance with the warning to everyone', async () => {
    const refused = await as(designerKey, 'PUT', '/api/v1/quotas/sms', { period: 'year', amount: 10 });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const bad = await as(omni.apiKey, 'PUT', '/api/v1/quotas/sms', { period: 'week', amount: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/period.*amount|amount.*period/s);
    const unknown = await as(omni.apiKey, 'PUT', '/api/v1/quotas/fax', { period: 'year', amount: 10 });
    expect(unknown.status).toBe(400);

    const set = await as(omni.apiKey, 'PUT', '/api/v1/quotas/sms', {
      period: 'year',
      amount: 10,
      overdraft: 2,
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      channel: 'sms',
      amount: 10,
      overdraft: 2,
      used: 0,
      remaining: 10,
      warning: false,
    });

    const db = omni.handle.db;
    const sent = Array.from({ length: 4 }, () => newId());
    await db.insert(messages).values(
      sent.map((id) => ({
        id,
        workspaceId,
        channel: 'sms' as const,
        direction: 'outbound' as const,
        contactAddress: '+51987000111',
        body: { text: 'x' },
        segments: 2,
        status: 'delivered' as const,
      })),
    );
    await db.insert(quotaLedger).values(
      sent.map((messageId) => ({
        id: newId(),
        workspaceId,
        channel: 'sms' as const,
        delta: -2,
        reason: 'delivered' as const,
        messageId,
      })),
    );
    const listed = await as(designerKey, 'GET', '/api/v1/quotas');
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        channel: 'sms',
        used: 8,
        remaining: 2,
        percent: 80,
        warning: true,
        exhausted: false,
      }),
    ]);
  });

  it('adds top-ups to the ledger, pages it, and downloads it as CSV ending at the balance', async () => {
    const refused = await as(designerKey, 'POST', '/api/v1/quotas/sms/ledger', {
      reason: 'top_up',
      delta: 5,
    });
    expect(refused.status).toBe(403);
    const added = await as(omni.apiKey, 'POST', '/api/v1/quotas/sms/ledger', {
      reason: 'top_up',
      delta: 5,
      note: '=cmd|calc, bought 5 more',
    });
    expect(added.status).toBe(201);
    const page1 = await as(designerKey, 'GET', '/api/v1/quotas/sms/ledger?limit=3');
    expect(page1.body.items).toHaveLength(3);
    const page2 = await as(
      designerKey,
      'GET',
      `/api/v1/quotas/sms/ledger?limit=3&cursor=${page1.body.nextCursor}`,
    );
    expect(page2.body.items).toHaveLength(2);
    expect(page2.body.nextCursor).toBeNull();
    const lines = [...page1.body.items, ...page2.body.items];
    const balance = (await as(designerKey, 'GET', '/api/v1/quotas')).body.items[0];
    expect(page1.body.opening.amount + lines.reduce((sum, l) => sum + l.delta, 0)).toBe(balance.remaining);
    expect(balance).toMatchObject({ remaining: 7, added: 5, limit: 15 });

    const csv = await as(designerKey, 'GET', '/api/v1/quotas/sms/ledger?format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="quota-sms-/);
    const rows = csv.text.trim().split('\r\n');
    expect(rows[0]).toBe('at,reason,delta,balance,message_id,campaign_id,note');
    expect(rows).toHaveLength(2 + 5);
    expect(rows.at(-1)).toContain(`top_up,5,${balance.remaining},,,"'=cmd|calc, bought 5 more"`);
    const missing = await as(designerKey, 'GET', '/api/v1/quotas/email/ledger');
    expect([missing.status, missing.body.error.code]).toEqual([404, 'QUOTA_NOT_FOUND']);
  });
});
