import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

// A refused request says what is wrong with each field in the reader's language (the builder
// sends its own language as Accept-Language), with a `reason` a client can word itself.
describe('validation errors in the reader’s language', () => {
  let omni: TestOmniflow;
  beforeAll(async () => {
    omni = await startTestOmniflow({ worker: false });
  });
  afterAll(async () => omni.close());

  const badFlow = { name: '', nodes: 'none', edges: [] };

  it('answers a Spanish reader in Spanish, naming each field by its path', async () => {
    const res = await omni.call('POST', '/api/v1/flows', badFlow, { 'accept-language': 'es-ES,es;q=0.9' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const issues = res.body.error.details.issues as { path: string; message: string; reason: string }[];
    expect(issues).toContainEqual({ path: 'name', reason: 'required', message: 'Rellena este campo' });
    expect(issues).toContainEqual({ path: 'nodes', reason: 'not_list', message: 'Debe ser una lista' });
    expect(res.body.error.message).toContain('nodes: Debe ser una lista');
    expect(res.body.error.message).not.toMatch(/Invalid|expected/);
  });

  it('says the limit of a value that is too long', async () => {
    const res = await omni.call(
      'POST',
      '/api/v1/flows',
      { name: 'x'.repeat(201), nodes: [], edges: [] },
      { 'accept-language': 'es' },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0]).toMatchObject({
      path: 'name',
      reason: 'too_long',
      message: 'Demasiado largo: como máximo 200 caracteres',
    });
  });

  it('keeps the English text for an English reader or none at all', async () => {
    for (const headers of [{ 'accept-language': 'en-GB' }, {}] as Record<string, string>[]) {
      const res = await omni.call('POST', '/api/v1/flows', badFlow, headers);
      expect(res.status).toBe(400);
      const issues = res.body.error.details.issues as { path: string; message: string }[];
      expect(issues.find((i) => i.path === 'name')?.message).toBe('Give the flow a name');
    }
  });
});
