import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactImports, newId } from '@omniflow/db';
import { createImportSweeper } from '../src/contacts-import/sweep-stalled-imports.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

// Imports run in the API process that took the file; one that stopped leaves its row `running`.
// The worker's sweep marks it failed once it has not moved for a while, and says so in es/en.

describe('sweeping contact imports left running by a stopped process', () => {
  let omni: TestOmniflow;
  let workspaceId: string;
  let clock = 0;
  const stallMs = 60_000;

  const importRow = async (processedRows: number, status: 'running' | 'done' = 'running') => {
    const id = newId();
    await omni.handle.db.insert(contactImports).values({
      id,
      workspaceId,
      fileName: 'clientes.csv',
      status,
      mapping: { phone: 'phone' },
      totalRows: 5000,
      processedRows,
      created: processedRows,
    });
    return id;
  };
  const rowOf = async (id: string) =>
    (await omni.handle.db.select().from(contactImports).where(eq(contactImports.id, id)))[0]!;

  beforeAll(async () => {
    omni = await startTestOmniflow({ worker: false });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
  });
  afterAll(async () => omni?.close());

  it('fails an import that stopped moving, keeps one that moves, and leaves finished ones alone', async () => {
    const sweep = createImportSweeper(omni.handle.db, { stallMs, now: () => clock });
    const dead = await importRow(2000);
    const alive = await importRow(1000);
    const finished = await importRow(5000, 'done');

    expect(await sweep()).toEqual([]); // first look: nothing known yet
    clock += stallMs / 2;
    await omni.handle.db
      .update(contactImports)
      .set({ processedRows: 3000 })
      .where(eq(contactImports.id, alive));
    expect(await sweep()).toEqual([]); // not long enough for the dead one, and the other moved
    clock += stallMs / 2;
    expect(await sweep()).toEqual([dead]);

    expect(await rowOf(dead)).toMatchObject({
      status: 'failed',
      processedRows: 2000,
      error: 'IMPORT_INTERRUPTED:2000:5000',
      finishedAt: expect.any(Date),
    });
    expect((await rowOf(alive)).status).toBe('running');
    expect((await rowOf(finished)).status).toBe('done');
    // The alive one stalls later: its own stall time counts from its last move.
    clock += stallMs;
    expect(await sweep()).toEqual([alive]);
    expect(await sweep()).toEqual([]);
  });

  it('does not fail an import whose chunk landed just before its stall time', async () => {
    const sweep = createImportSweeper(omni.handle.db, { stallMs, now: () => clock });
    const id = await importRow(1000);
    await sweep();
    clock += stallMs;
    // Another API replica, slow but alive, writes its next chunk.
    await omni.handle.db.update(contactImports).set({ processedRows: 2000 }).where(eq(contactImports.id, id));
    expect(await sweep()).toEqual([]);
    expect((await rowOf(id)).status).toBe('running');
  });

  it('says why in the reader’s language, with how far it got', async () => {
    const sweep = createImportSweeper(omni.handle.db, { stallMs, now: () => clock });
    const id = await importRow(4000);
    await sweep();
    clock += stallMs;
    await sweep();
    const es = await omni.call('GET', `/api/v1/contact-imports/${id}?language=es`);
    expect(es.body).toMatchObject({ status: 'failed', processedRows: 4000 });
    expect(es.body.error).toContain('se detuvo al reiniciarse el servidor, tras 4000 de 5000 filas');
    const en = await omni.call('GET', `/api/v1/contact-imports/${id}`, undefined, {
      'accept-language': 'en-GB',
    });
    expect(en.body.error).toContain('stopped when the server restarted, after 4000 of 5000 rows');
    const listed = await omni.call('GET', '/api/v1/contact-imports', undefined, {
      'accept-language': 'es-PE',
    });
    expect(listed.body.imports.find((i: { id: string }) => i.id === id).error).toContain('vuelve a subir');
    expect((await omni.call('GET', `/api/v1/contact-imports/${id}?language=fr`)).status).toBe(400);
  });
});
