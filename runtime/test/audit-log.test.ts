import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { auditEvents, newId, users } from '@omniflow/db';
import { hashPassword } from '../src/auth/passwords.ts';
import { createApiKey } from '../src/api/api-keys.ts';
import { createFilesystemRecordingStore } from '../src/recordings/filesystem-recording-store.ts';
import { saveRecording } from '../src/recordings/save-recording.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

// The audit log against real PostgreSQL: changes made through the API (by a signed-in admin and
// by an API key) become exactly the expected rows, a recording download becomes a read row, and
// admins search and export them.
const scratch = mkdtempSync(join(tmpdir(), 'omniflow-audit-'));
const twilioToken = 'a-twilio-auth-token-0123456789';
const origin = 'http://localhost';
const flow = (name: string) => ({
  name,
  nodes: [
    { id: 'start', type: 'flow.start', config: {} },
    { id: 'end', type: 'flow.end', config: {} },
  ],
  edges: [{ id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'end' } }],
});

describe('the audit log', () => {
  let omni: TestOmniflow;
  let workspaceId: string;
  let cookie: string;
  const store = createFilesystemRecordingStore({ dir: join(scratch, 'store') });
  /** As the signed-in admin, from a browser behind our proxy, with a request id. */
  const asAdmin = (requestId: string) => ({
    authorization: '',
    cookie,
    origin,
    'user-agent': 'AuditTest/1.0 (Chromium)',
    'x-forwarded-for': '198.51.100.1, 203.0.113.7',
    'x-request-id': requestId,
  });
  const rows = () =>
    omni.handle.db.select().from(auditEvents).orderBy(asc(auditEvents.occurredAt), asc(auditEvents.id));

  beforeAll(async () => {
    omni = await startTestOmniflow({
      db: 'postgres',
      worker: false,
      appDeps: { trustProxy: true, recordingStore: store },
    });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    const login = await omni.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(omni.admin),
    });
    cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  }, 120_000);
  afterAll(async () => {
    await omni?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('records a sequence of changes as exactly the expected rows, with before and after and no secret', async () => {
    const created = await omni.call('POST', '/api/v1/flows', flow('Citas'), asAdmin('req-1'));
    expect(created.status).toBe(201);
    const flowId: string = created.body.id;
    expect(
      (await omni.call('PUT', `/api/v1/flows/${flowId}`, flow('Citas médicas'), asAdmin('req-2'))).status,
    ).toBe(200);
    // Refused changes and plain reads leave no row.
    expect((await omni.call('PUT', `/api/v1/flows/${flowId}`, { name: 5 }, asAdmin('bad'))).status).toBe(400);
    expect((await omni.call('PUT', `/api/v1/flows/${newId()}`, flow('x'), asAdmin('gone'))).status).toBe(404);
    expect((await omni.call('GET', `/api/v1/flows/${flowId}`)).status).toBe(200);
    expect((await omni.call('POST', `/api/v1/flows/${flowId}/publish`, {})).status).toBe(201);
    const channel = await omni.call('PUT', '/api/v1/channels/sms', {
      provider: 'twilio',
      config: { accountSid: `AC${'1'.repeat(32)}`, from: '+34911000002' },
      secrets: { authToken: twilioToken },
    });
    expect(channel.status, JSON.stringify(channel.body)).toBe(200);
    const key = await omni.call('POST', '/api/v1/api-keys', { name: 'Integración CRM', role: 'supervisor' });
    expect(key.status).toBe(201);
    const settings = await omni.call('PUT', '/api/v1/workspace/settings', { auditRetentionDays: 400 });
    expect(settings.body).toEqual({ runRetentionDays: 45, auditRetentionDays: 400, slaTargetPercent: 99.8 });
    const contact = await omni.call('POST', '/api/v1/contacts', {
      firstName: 'Ana',
      addresses: [{ channel: 'email', address: 'ana@example.org' }],
    });
    expect(contact.status).toBe(201);
    expect(
      (await omni.call('PATCH', `/api/v1/contacts/${contact.body.id}`, { lastName: 'Ruiz' })).status,
    ).toBe(200);
    expect((await omni.call('DELETE', `/api/v1/flows/${flowId}`, undefined, asAdmin('req-9'))).status).toBe(
      204,
    );

    // The admin's sign-in (a public route the trail cannot see) is recorded by the sign-in itself.
    const [signIn, ...all] = await rows();
    expect(signIn).toMatchObject({
      action: 'user.signed-in',
      actorEmail: omni.admin.email,
      resourceType: 'user',
    });
    expect(all.map((r) => [r.action, r.resourceType, r.resourceId])).toEqual([
      ['flow.created', 'flow', flowId],
      ['flow.updated', 'flow', flowId],
      ['flow.published', 'flow', flowId],
      ['channel.updated', 'channel', 'sms'],
      ['key.created', 'api-key', key.body.id],
      ['settings.updated', 'workspace', workspaceId],
      ['contact.created', 'contact', contact.body.id],
      ['contact.updated', 'contact', contact.body.id],
      ['flow.deleted', 'flow', flowId],
    ]);
    const [made, renamed, published, channelRow, keyRow, settingsRow, , contactRow, deleted] = all;

    // Who, from where, which request: the admin by cookie; the rest by the tests' API key.
    expect(made).toMatchObject({
      actorKind: 'user',
      actorEmail: omni.admin.email,
      ip: '203.0.113.7',
      userAgent: 'AuditTest/1.0 (Chromium)',
      requestId: 'req-1',
      method: 'POST',
      path: '/api/v1/flows',
      status: 201,
      before: null,
      resourceLabel: 'Citas',
    });
    expect(published).toMatchObject({ actorKind: 'api-key', actorName: 'tests', actorEmail: null });
    expect(renamed!.before).toMatchObject({ name: 'Citas' });
    expect(renamed!.after).toMatchObject({ name: 'Citas médicas' });
    expect(renamed!.resourceLabel).toBe('Citas médicas');
    expect(published!.before).toMatchObject({ publishedVersion: null });
    expect(published!.after).toMatchObject({ publishedVersion: 1 });
    expect(deleted).toMatchObject({ after: null, resourceLabel: 'Citas médicas', requestId: 'req-9' });
    expect(deleted!.before).toMatchObject({ name: 'Citas médicas' });
    expect(settingsRow!.before).toMatchObject({ auditRetentionDays: 365 });
    expect(settingsRow!.after).toMatchObject({ auditRetentionDays: 400 });
    expect(contactRow!.before).toMatchObject({ lastName: '' });
    expect(contactRow!.resourceLabel).toBe('Ana Ruiz');
    expect(contactRow!.after).toMatchObject({
      lastName: 'Ruiz',
      addresses: [expect.objectContaining({ address: 'ana@example.org' })],
    });

    // Sealed secrets, hashes and the key itself never reach the log.
    expect(channelRow!.after).toMatchObject({
      provider: 'twilio',
      secretsSealed: '[redacted]',
      secretNames: ['authToken'],
    });
    expect(keyRow!.after).toMatchObject({ name: 'Integración CRM', keyHash: '[redacted]' });
    const everything = JSON.stringify(all);
    expect(everything).not.toContain(twilioToken);
    expect(everything).not.toContain(key.body.key);
    expect(everything).not.toMatch(/\$argon2/);
  });

  it('records a recording played or downloaded as a read row, once per listen', async () => {
    const file = join(scratch, 'call.wav');
    execFileSync('sox', ['-n', '-r', '8000', '-c', '1', '-b', '16', file, 'synth', '1', 'sine', '300']);
    const saved = await saveRecording(
      { db: omni.handle.db, store },
      { workspaceId, file, from: '+34600112233', to: '900100200' },
    );
    const before = (await rows()).length;
    const audio = (query: string, headers: Record<string, string> = {}) =>
      omni.app.request(`/api/v1/recordings/${saved.id}/audio${query}`, {
        headers: { authorization: `Bearer ${omni.apiKey}`, ...headers },
      });
    expect((await audio('?download=1')).status).toBe(200);
    // A player seeking asks again from a later byte: the same listen, no new row.
    expect((await audio('', { range: 'bytes=2000-' })).status).toBe(206);
    expect((await audio('', { range: 'bytes=0-' })).status).toBe(206);
    // A recording that is not there is a 404 and no row.
    expect(
      (
        await omni.app.request(`/api/v1/recordings/${newId()}/audio`, {
          headers: { authorization: `Bearer ${omni.apiKey}` },
        })
      ).status,
    ).toBe(404);
    const reads = (await rows()).slice(before);
    expect(reads.map((r) => [r.action, r.resourceId, r.details])).toEqual([
      ['recording.played', saved.id, { query: { download: '1' }, download: true }],
      ['recording.played', saved.id, null],
    ]);
    expect(reads[0]).toMatchObject({ before: null, after: null, method: 'GET', status: 200 });
  });

  it('lets admins filter and page the log, and refuses everyone else', async () => {
    const list = async (query: string) => {
      const answer = await omni.call('GET', `/api/v1/audit${query}`);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body as {
        items: { id: string; action: string; actor: { kind: string } }[];
        nextCursor: string | null;
      };
    };
    const everything = await list('?limit=200');
    expect(everything.items.length).toBe((await rows()).length);
    expect(everything.items[0]!.action).toBe('recording.played');

    expect((await list('?action=flow.updated,flow.deleted')).items.map((i) => i.action)).toEqual([
      'flow.deleted',
      'flow.updated',
    ]);
    expect((await list('?resourceType=channel')).items.map((i) => i.action)).toEqual(['channel.updated']);
    expect((await list(`?actor=${encodeURIComponent(omni.admin.email)}`)).items.map((i) => i.action)).toEqual(
      ['flow.deleted', 'flow.updated', 'flow.created', 'user.signed-in'],
    );
    expect((await list('?q=CRM')).items.map((i) => i.action)).toEqual(['key.created']);
    expect((await list('?q=100%25')).items).toEqual([]);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect((await list(`?from=${encodeURIComponent(future)}`)).items).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(everything.items.map((i) => i.id));

    expect((await omni.call('GET', '/api/v1/audit?cursor=nope')).body.error.code).toBe('CURSOR_INVALID');
    const backwards = await omni.call('GET', `/api/v1/audit?from=${future}&to=2020-01-01T00:00:00Z`);
    expect(backwards.status).toBe(400);
    expect((await omni.call('GET', '/api/v1/audit?limit=0')).status).toBe(400);
    expect((await omni.call('GET', '/api/v1/audit?from=yesterday')).status).toBe(400);

    const { key: operatorKey } = await createApiKey(
      omni.handle.db,
      workspaceId,
      'operator',
      null,
      'supervisor',
    );
    const designerEmail = `designer-${newId()}@example.test`;
    await omni.handle.db.insert(users).values({
      id: newId(),
      workspaceId,
      email: designerEmail,
      passwordHash: await hashPassword('their password'),
      role: 'designer',
    });
    const login = await omni.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: designerEmail, password: 'their password' }),
    });
    const designer = { authorization: '', cookie: login.headers.get('set-cookie')!.split(';')[0]!, origin };
    for (const path of ['/api/v1/audit', '/api/v1/audit/export?format=xlsx']) {
      for (const headers of [{ authorization: `Bearer ${operatorKey}` }, designer]) {
        const refused = await omni.call('GET', path, undefined, headers);
        expect(refused.status).toBe(403);
        expect(refused.body.error.message).toMatch(/cannot read and export the audit log: only an admin can/);
      }
    }
    // A wrong password for a known person is a row of its own (an unknown email names no workspace).
    const wrong = await omni.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Guesser/1.0' },
      body: JSON.stringify({ email: designerEmail, password: 'not theirs' }),
    });
    expect(wrong.status).toBe(401);
    const [failed] = (await rows()).slice(-1);
    expect(failed).toMatchObject({
      action: 'user.sign-in-failed',
      actorEmail: designerEmail,
      userAgent: 'Guesser/1.0',
    });
    // There is no way to change or remove a row through the API.
    const someId = everything.items[0]!.id;
    for (const method of ['PUT', 'PATCH', 'DELETE'])
      expect(
        (await omni.call(method, `/api/v1/audit/${someId}`, method === 'DELETE' ? undefined : {})).status,
      ).toBe(404);
  });

  it('names the flow of a test run without keeping copies of it', async () => {
    const made = await omni.call('POST', '/api/v1/flows', flow('Prueba'));
    const tried = await omni.call('POST', `/api/v1/flows/${made.body.id}/test-runs`, { input: {} });
    expect(tried.status, JSON.stringify(tried.body)).toBe(201);
    const [last] = (await rows()).slice(-1);
    expect(last).toMatchObject({
      action: 'flow.test-run-started',
      resourceId: made.body.id,
      resourceLabel: 'Prueba',
      before: null,
      after: null,
    });
  });

  it('exports the same filtered rows as CSV and Excel, and records each export', async () => {
    const expected = (await omni.call('GET', '/api/v1/audit?resourceType=flow&limit=200')).body.items as {
      id: string;
      action: string;
      occurredAt: string;
      status: number;
    }[];
    expect(expected.length).toBe(6);

    const csv = await omni.app.request('/api/v1/audit/export?format=csv&resourceType=flow', {
      headers: { authorization: `Bearer ${omni.apiKey}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(
      /attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^occurred_at,actor_kind,actor_id,actor_name,actor_email,action,resource_type/);
    expect(lines.length).toBe(expected.length + 1);
    expect(lines.slice(1).map((l) => l.split(',')[5])).toEqual(expected.map((e) => e.action));
    expect(lines[1]!.split(',')[0]).toBe(expected[0]!.occurredAt);

    const xlsx = await omni.app.request('/api/v1/audit/export?format=xlsx&resourceType=flow', {
      headers: { authorization: `Bearer ${omni.apiKey}` },
    });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet('Audit')!;
    expect(sheet.rowCount).toBe(expected.length + 1);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(6).value).toBe('action');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expected.forEach((row, i) => {
      const cells = sheet.getRow(i + 2);
      expect(cells.getCell(6).value).toBe(row.action);
      const at = cells.getCell(1);
      expect(at.value).toBeInstanceOf(Date);
      expect((at.value as Date).toISOString()).toBe(row.occurredAt);
      expect(at.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
      expect(cells.getCell(12).value).toBe(row.status);
    });

    const exports = (await omni.call('GET', '/api/v1/audit?action=audit.exported')).body.items as {
      details: unknown;
      actor: { kind: string };
    }[];
    expect(exports.map((e) => e.details)).toEqual([
      { query: { format: 'xlsx', resourceType: 'flow' } },
      { query: { format: 'csv', resourceType: 'flow' } },
    ]);
  });
});
