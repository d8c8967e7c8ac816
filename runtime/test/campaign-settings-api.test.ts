import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { workspaces } from '@omniflow/db';
import { createApiKey } from '../src/api/api-keys.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

// The workspace's campaign defaults on real PostgreSQL: admins change them, designers and
// viewers read them, and a value that cannot be used is a 422 naming the field in es or en.

describe.skipIf(!inject('postgresUrl'))('campaign settings API', () => {
  let omni: TestOmniflow;
  let workspaceId: string;
  let designerKey: string;
  let viewerKey: string;
  const path = '/api/v1/workspace/campaign-settings';

  const as = async (key: string, method: string, body?: object, language = 'en') => {
    const response = await omni.app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        'accept-language': language,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: JSON.parse(await response.text()) };
  };

  beforeAll(async () => {
    omni = await startTestOmniflow({ db: 'postgres', worker: false });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    designerKey = (await createApiKey(omni.handle.db, workspaceId, 'design', null, 'designer')).key;
    viewerKey = (await createApiKey(omni.handle.db, workspaceId, 'view', null, 'viewer')).key;
  });
  afterAll(async () => omni?.close());

  it('starts empty, and stores what an admin sets where campaigns read it', async () => {
    expect((await as(omni.apiKey, 'GET')).body).toEqual({
      timezone: null,
      quietHours: null,
      frequencyCap: null,
    });
    const set = await as(omni.apiKey, 'PUT', {
      timezone: 'america/lima',
      quietHours: { from: '21:00', to: '08:00' },
      frequencyCap: { messages: 2, days: 7 },
    });
    expect(set.status).toBe(200);
    // Intl's canonical spelling is stored, so every later reader sees one name.
    expect(set.body).toEqual({
      timezone: 'America/Lima',
      quietHours: { from: '21:00', to: '08:00' },
      frequencyCap: { messages: 2, days: 7 },
    });
    const [row] = await omni.handle.db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
    expect(row!.timezone).toBe('America/Lima');
    expect(row!.campaignSettings).toEqual({
      quietHours: { from: '21:00', to: '08:00' },
      frequencyCap: { messages: 2, days: 7 },
    });

    // One field alone changes only that field; null clears one.
    const partial = await as(omni.apiKey, 'PUT', { frequencyCap: null });
    expect(partial.body).toEqual({
      timezone: 'America/Lima',
      quietHours: { from: '21:00', to: '08:00' },
      frequencyCap: null,
    });
    const [after] = await omni.handle.db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
    expect(after!.campaignSettings).toEqual({ quietHours: { from: '21:00', to: '08:00' } });
  });

  it('lets designers and viewers read but only admins change them', async () => {
    for (const key of [designerKey, viewerKey]) {
      const read = await as(key, 'GET');
      expect(read.status).toBe(200);
      expect(read.body.timezone).toBe('America/Lima');
      const refused = await as(key, 'PUT', { timezone: 'Europe/Madrid' });
      expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
    }
    expect((await as(omni.apiKey, 'GET')).body.timezone).toBe('America/Lima');
  });

  it('refuses an unknown zone, equal quiet hours and a cap out of range with 422 naming the field, in es or en', async () => {
    const cases: [object, string, RegExp, RegExp][] = [
      [{ timezone: 'Mars/Olympus' }, 'timezone', /not a time zone.*America\/Lima/, /no es una zona horaria/],
      [{ timezone: '+05:00' }, 'timezone', /not a time zone/, /no es una zona horaria/],
      [{ quietHours: { from: '22:00', to: '22:00' } }, 'quietHours', /must differ/, /deben ser distintas/],
      [{ frequencyCap: { messages: 0, days: 7 } }, 'frequencyCap.messages', /from 1 to 1000/, /de 1 a 1000/],
      [{ frequencyCap: { messages: 2, days: 400 } }, 'frequencyCap.days', /from 1 to 365/, /de 1 a 365/],
    ];
    for (const [body, field, en, es] of cases) {
      const english = await as(omni.apiKey, 'PUT', body, 'en-GB,en;q=0.8');
      expect([english.status, english.body.error.code, english.body.error.details]).toEqual([
        422,
        'CAMPAIGN_SETTINGS_INVALID',
        { field },
      ]);
      expect(english.body.error.message).toMatch(new RegExp(`^${field.replace('.', '\\.')}: `));
      expect(english.body.error.message).toMatch(en);
      const spanish = await as(omni.apiKey, 'PUT', body, 'es-PE,es;q=0.9');
      expect(spanish.status).toBe(422);
      expect(spanish.body.error.message).toMatch(es);
    }
    // Malformed shapes are the usual 400 naming the field.
    const shape = await as(omni.apiKey, 'PUT', { quietHours: { from: '9pm', to: '08:00' } });
    expect([shape.status, shape.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(shape.body.error.message).toMatch(/quietHours\.from: Write the time as HH:MM/);
    const text = await as(omni.apiKey, 'PUT', { frequencyCap: { messages: 'two', days: 7 } });
    expect(text.status).toBe(400);
    // Nothing refused was stored.
    expect((await as(omni.apiKey, 'GET')).body).toEqual({
      timezone: 'America/Lima',
      quietHours: { from: '21:00', to: '08:00' },
      frequencyCap: null,
    });
  });

  it('keeps campaign settings other parts of Omniflow stored beside these', async () => {
    await omni.handle.db
      .update(workspaces)
      .set({ campaignSettings: sql`campaign_settings || '{"other": true}'::jsonb` })
      .where(eq(workspaces.id, workspaceId));
    await as(omni.apiKey, 'PUT', { quietHours: null, timezone: null });
    const [row] = await omni.handle.db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
    expect(row!.campaignSettings).toEqual({ other: true });
    expect(row!.timezone).toBeNull();
  });
});
