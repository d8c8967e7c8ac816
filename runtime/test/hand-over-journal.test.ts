import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns, messages, newId, openDb, workspaces, type DbHandle } from '@omniflow/db';
import { HandOverJournal } from '../src/campaigns/hand-over-journal.ts';

// Embedded PGlite: the journal's statement is plain SQL, the same on PostgreSQL.
describe('the hand-over journal', () => {
  let handle: DbHandle;
  let workspaceId: string;
  beforeAll(async () => {
    handle = await openDb({ dataDir: 'memory://' });
    workspaceId = newId();
    await handle.db.insert(workspaces).values({ id: workspaceId, name: 'Journal' });
  });
  afterAll(async () => handle?.close());

  const rows = async (statuses: ('queued' | 'sent' | 'failed')[]) => {
    const ids = statuses.map(() => newId());
    await handle.db.insert(messages).values(
      statuses.map((status, i) => ({
        id: ids[i]!,
        workspaceId,
        channel: 'sms' as const,
        direction: 'outbound' as const,
        contactAddress: `+5190000000${i}`,
        body: { text: 'x' },
        status,
        ...(status === 'sent' && i === 1 ? { providerMessageId: `p-${ids[i]}` } : {}),
      })),
    );
    return ids;
  };
  const statusOf = async (ids: string[]) => {
    const found = await handle.db
      .select({ id: messages.id, status: messages.status, provider: messages.providerMessageId })
      .from(messages)
      .where(inArray(messages.id, ids));
    return ids.map((id) => found.find((f) => f.id === id)!);
  };

  it("marks a dead process's journaled rows still queued as sent, leaves the rest, and removes the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const journal = new HandOverJournal(dir);
    const [queued, answered, failed, unjournaled] = await rows(['queued', 'sent', 'failed', 'queued']);
    // A process that has exited: its pid is free (spawnSync waited for it).
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(join(dir, `${dead}-a.log`), `${queued}\n${answered}\n${failed}\nnot-an-id\n`);
    expect(await journal.recover(handle.db)).toBe(1);
    const [q, a, f, u] = await statusOf([queued!, answered!, failed!, unjournaled!]);
    expect(q).toMatchObject({ status: 'sent', provider: null });
    expect(a).toMatchObject({ status: 'sent', provider: `p-${answered}` });
    expect(f!.status).toBe('failed');
    expect(u!.status).toBe('queued');
    expect(readdirSync(dir)).toEqual([]);
  });

  it("leaves a live process's journal and this process's open one alone, and recovers an abandoned one", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const journal = new HandOverJournal(dir);
    const [other, open, abandoned] = await rows(['queued', 'queued', 'queued']);
    // pid 1 is alive for as long as this machine is.
    writeFileSync(join(dir, `1-live.log`), `${other}\n`);
    const current = journal.start();
    await current.handedOver(open!);
    const failedAttempt = journal.start();
    await failedAttempt.handedOver(abandoned!);
    failedAttempt.abandon();
    expect(await journal.recover(handle.db)).toBe(1);
    expect((await statusOf([other!, open!, abandoned!])).map((r) => r.status)).toEqual([
      'queued',
      'queued',
      'sent',
    ]);
    current.done();
    expect(readdirSync(dir)).toEqual(['1-live.log']);
  });

  it('writes the hand-overs of one turn in one write, and settles each once its line is in the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const chunk = new HandOverJournal(dir).start();
    const [first, second] = ['01900000-0000-7000-8000-000000000001', '01900000-0000-7000-8000-000000000002'];
    const a = chunk.handedOver(first);
    const b = chunk.handedOver(second);
    const [file] = readdirSync(dir);
    // Nothing written yet in this turn: a driver waiting on either has not written to its provider.
    expect(readFileSync(join(dir, file!), 'utf8')).toBe('');
    expect(a).toBe(b);
    await a;
    expect(readFileSync(join(dir, file!), 'utf8')).toBe(`${first}\n${second}\n`);
    await chunk.handedOver(first);
    expect(readFileSync(join(dir, file!), 'utf8').split('\n')).toHaveLength(4);
    chunk.done();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("leaves another installation's journal (none of its messages in this database) for that one", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const journal = new HandOverJournal(dir);
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(join(dir, `${dead}-theirs.log`), `${newId()}\n${newId()}\n`);
    expect(await journal.recover(handle.db)).toBe(0);
    expect(readdirSync(dir)).toEqual([`${dead}-theirs.log`]);
  });

  it("writes the rows of a dead process's journaled campaign messages as sent, once, skipping cut lines and other databases' campaigns", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const journal = new HandOverJournal(dir);
    const campaignId = newId();
    await handle.db
      .insert(campaigns)
      .values({ id: campaignId, workspaceId, name: 'Aviso', kind: 'broadcast', channels: ['sms'] });
    const line = (id: string, cp = campaignId, n = 1) =>
      JSON.stringify({
        id,
        cp,
        ch: 'sms',
        a: `+5191000000${n}`,
        // A contact erased since: the row keeps no contact.
        c: newId(),
        k: `campaign:${cp}:${id}`,
        b: { text: `Aviso ${n}` },
        h: [{ status: 'queued', at: '2026-12-07T06:00:00.000Z' }],
      });
    const [written, answered, theirs] = [newId(), newId(), newId()];
    // One whose answer the dead process did record (a row exists): left as it is.
    const [recorded] = await rows(['sent']);
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(
      join(dir, `${dead}-b.log`),
      `${line(written!)}
${line(recorded!, campaignId, 2)}
${line(theirs!, newId(), 3)}
${line(answered!).slice(0, 40)}`,
    );
    expect(await journal.recover(handle.db)).toBe(1);
    const found = await handle.db
      .select()
      .from(messages)
      .where(inArray(messages.id, [written!, recorded!, theirs!, answered!]));
    expect(found.map((m) => m.id).sort()).toEqual([written!, recorded!].sort());
    expect(found.find((m) => m.id === written)).toMatchObject({
      workspaceId,
      campaignId,
      channel: 'sms',
      direction: 'outbound',
      contactAddress: '+51910000001',
      contactId: null,
      status: 'sent',
      providerMessageId: null,
      body: { text: 'Aviso 1' },
    });
    expect(found.find((m) => m.id === written)!.statusHistory.map((e) => e.status)).toEqual([
      'queued',
      'sent',
    ]);
    expect(found.find((m) => m.id === recorded)!.contactAddress).toBe('+51900000000');
    expect(readdirSync(dir)).toEqual([]);
    // Once: a second recovery finds nothing left.
    expect(await journal.recover(handle.db)).toBe(0);
  });

  it('recovers nothing from a directory that does not exist yet', async () => {
    expect(await new HandOverJournal(join(tmpdir(), `absent-${newId()}`)).recover(handle.db)).toBe(0);
  });
});
