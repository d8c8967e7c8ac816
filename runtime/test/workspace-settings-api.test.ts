import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, users } from '@omniflow/db';
import { hashPassword } from '../src/auth/passwords.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

// PUT /workspace/settings refuses a value it cannot keep with a 400 whose sentence names the
// setting's range in the reader's language (es or en), like every other settings route.

describe('workspace settings API: refusals in the reader language', () => {
  let omni: TestOmniflow;
  const put = (body: object, language: string) =>
    omni.call('PUT', '/api/v1/workspace/settings', body, { 'accept-language': language });

  beforeAll(async () => {
    omni = await startTestOmniflow({ worker: false });
  });
  afterAll(async () => omni?.close());

  it('refuses an SLA target below 50 % in Spanish, naming the range', async () => {
    const refused = await put({ slaTargetPercent: 20 }, 'es-PE,es;q=0.9');
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    expect(refused.body.error.message).toBe(
      'slaTargetPercent: Indica el objetivo de disponibilidad como un porcentaje entre 50 y 100, por ejemplo 99.8',
    );
    expect(refused.body.error.details.issues).toEqual([
      expect.objectContaining({ path: 'slaTargetPercent', reason: 'too_small' }),
    ]);
  });

  it('refuses an SLA target above 100 % or not a number, in English too', async () => {
    const high = await put({ slaTargetPercent: 100.5 }, 'en');
    expect(high.status).toBe(400);
    expect(high.body.error.message).toBe(
      'slaTargetPercent: Give the availability target as a percentage from 50 to 100, e.g. 99.8',
    );
    const text = await put({ slaTargetPercent: 'mucho' }, 'es');
    expect(text.status).toBe(400);
    expect(text.body.error.details.issues[0]).toMatchObject({ reason: 'not_number' });
    expect(text.body.error.message).toContain('entre 50 y 100');
  });

  it('says each refused setting in Spanish, and leaves the settings as they were', async () => {
    const both = await put({ runRetentionDays: 0, auditRetentionDays: 5 }, 'es');
    expect(both.status).toBe(400);
    expect(both.body.error.message).toContain(
      'runRetentionDays: Conserva el detalle de las ejecuciones al menos 1 día',
    );
    expect(both.body.error.message).toContain(
      'auditRetentionDays: Conserva el registro de auditoría al menos 30 días',
    );
    expect((await omni.call('GET', '/api/v1/workspace/settings')).body).toEqual({
      runRetentionDays: 45,
      auditRetentionDays: 365,
      slaTargetPercent: 99.8,
    });
  });

  it('keeps a target in range', async () => {
    const saved = await put({ slaTargetPercent: 99.5 }, 'es');
    expect(saved.status).toBe(200);
    expect(saved.body.slaTargetPercent).toBe(99.5);
  });

  it('refuses a designer with a 403 in their language: only an admin may change the settings', async () => {
    const workspace = (await omni.handle.db.query.workspaces.findFirst())!;
    await omni.handle.db.insert(users).values({
      id: newId(),
      workspaceId: workspace.id,
      email: 'disenadora@example.test',
      passwordHash: await hashPassword('designer password'),
      role: 'designer',
    });
    const login = await omni.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'disenadora@example.test', password: 'designer password' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const asDesigner = (language?: string) =>
      omni.call(
        'PUT',
        '/api/v1/workspace/settings',
        { runRetentionDays: 5 },
        {
          cookie,
          authorization: '',
          origin: 'http://localhost',
          ...(language ? { 'accept-language': language } : {}),
        },
      );
    const es = await asDesigner('es-ES,es;q=0.9');
    expect(es.status).toBe(403);
    expect(es.body.error.code).toBe('FORBIDDEN');
    expect(es.body.error.message).toBe(
      'Tu rol (diseñador) no permite cambiar los ajustes del espacio de trabajo: solo puede un administrador; pídeselo a un administrador',
    );
    const en = await asDesigner();
    expect(en.status).toBe(403);
    expect(en.body.error.message).toBe(
      'Your role (designer) cannot change the workspace settings: only an admin can; ask an admin',
    );
    expect((await omni.call('GET', '/api/v1/workspace/settings')).body.runRetentionDays).not.toBe(5);
  });
});
