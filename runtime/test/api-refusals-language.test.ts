import { eq } from 'drizzle-orm';
import { runs } from '@omniflow/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRun } from './support/seed-run.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const tinyFlow = {
  name: 'Alta de cliente',
  nodes: [
    { id: 'start', type: 'flow.start', config: {} },
    { id: 'end', type: 'flow.end', config: {} },
  ],
  edges: [{ id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'end' } }],
};

const spanish = { 'accept-language': 'es-ES,es;q=0.9' };

// What the API refuses — an operation on a run above all — is said in the reader's language (the
// builder sends its own as Accept-Language); the code stays the same, English when none is asked for.
describe('API refusals in the reader’s language', () => {
  let omni: TestOmniflow;
  let completed: string;
  beforeAll(async () => {
    omni = await startTestOmniflow({ worker: false });
    const seeded = await seedRun(omni.handle.db, omni.deps.registry, tinyFlow, { name: 'Ana' });
    completed = seeded.runId;
    await omni.handle.db
      .update(runs)
      .set({ status: 'completed', endedAt: new Date() })
      .where(eq(runs.id, completed));
  }, 120_000);
  afterAll(async () => omni?.close());

  it('refuses to cancel an ended run in Spanish, naming its status in Spanish (RUN_ENDED)', async () => {
    const refused = await omni.call('POST', `/api/v1/runs/${completed}/cancel`, {}, spanish);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'RUN_ENDED',
      message: 'La ejecución ya está completada',
    });
  });

  it('keeps the English for an English reader or none at all', async () => {
    for (const headers of [{ 'accept-language': 'en-US' }, {}] as Record<string, string>[]) {
      const refused = await omni.call('POST', `/api/v1/runs/${completed}/cancel`, {}, headers);
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({
        code: 'RUN_ENDED',
        message: 'The run is already completed',
      });
    }
  });

  it('refuses an event for an ended run in Spanish', async () => {
    const late = await omni.call(
      'POST',
      `/api/v1/runs/${completed}/events`,
      { type: 'reply', data: {} },
      spanish,
    );
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({
      code: 'RUN_ENDED',
      message: 'La ejecución está completada; ya no recibe más eventos',
    });
  });

  it('says which run, step or version does not exist, in Spanish', async () => {
    const missing = '01900000-0000-7000-8000-000000000000';
    const run = await omni.call('GET', `/api/v1/runs/${missing}`, undefined, spanish);
    expect([run.status, run.body.error]).toMatchObject([
      404,
      { code: 'NOT_FOUND', message: `La ejecución ${missing} no existe` },
    ]);
    const step = await omni.call(
      'POST',
      `/api/v1/runs/${completed}/replay`,
      { mode: 'retry-from-step', seq: 9 },
      spanish,
    );
    expect([step.status, step.body.error]).toMatchObject([
      404,
      { code: 'NOT_FOUND', message: `El paso 9 de la ejecución ${completed} no existe` },
    ]);
    const version = await omni.call(
      'POST',
      `/api/v1/runs/${completed}/replay`,
      { mode: 'rerun', version: 7 },
      spanish,
    );
    expect(version.status).toBe(404);
    expect(version.body.error.message).toMatch(/^La versión 7 del flujo [0-9a-f-]+ no existe$/);
  });

  it('refuses an unknown route and a malformed body in the reader’s language', async () => {
    const route = await omni.call('GET', '/api/v1/no-such-thing', undefined, spanish);
    expect([route.status, route.body.error.message]).toEqual([
      404,
      'No hay ninguna ruta para GET /api/v1/no-such-thing',
    ]);
    const body = await omni.app.request(`/api/v1/runs/${completed}/events`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${omni.apiKey}`,
        'content-type': 'application/json',
        ...spanish,
      },
      body: '{"type":',
    });
    expect(body.status).toBe(400);
    expect(((await body.json()) as { error: unknown }).error).toMatchObject({
      code: 'INVALID_JSON',
      message: 'El cuerpo de la petición no es JSON válido',
    });
  });

  it('says other refusals a builder user meets in Spanish, keeping their codes', async () => {
    const login = await omni.call(
      'POST',
      '/api/v1/auth/login',
      { email: omni.admin.email, password: 'not the password' },
      { ...spanish, authorization: '' },
    );
    expect([login.status, login.body.error.code, login.body.error.message]).toEqual([
      401,
      'LOGIN_FAILED',
      'El correo o la contraseña no son correctos',
    ]);
    const missing = '01900000-0000-7000-8000-000000000001';
    const flow = await omni.call('GET', `/api/v1/flows/${missing}`, undefined, spanish);
    expect([flow.status, flow.body.error.code, flow.body.error.message]).toEqual([
      404,
      'NOT_FOUND',
      `El flujo ${missing} no existe`,
    ]);
    const cursor = await omni.call('GET', '/api/v1/runs?cursor=nope', undefined, spanish);
    expect([cursor.status, cursor.body.error.code]).toEqual([400, 'CURSOR_INVALID']);
    expect(cursor.body.error.message).toMatch(/^El cursor no es uno que haya dado esta API/);
    const field = { key: 'dni', label: 'DNI', type: 'text' };
    expect((await omni.call('POST', '/api/v1/contact-fields', field)).status).toBe(201);
    const taken = await omni.call('POST', '/api/v1/contact-fields', field, spanish);
    expect([taken.status, taken.body.error.code, taken.body.error.message]).toEqual([
      409,
      'FIELD_KEY_TAKEN',
      'Ya existe un campo con la clave dni: elige otra clave',
    ]);
    const english = await omni.call('POST', '/api/v1/contact-fields', field);
    expect(english.body.error.message).toBe('A field with the key dni exists: pick another key');
  });
});
