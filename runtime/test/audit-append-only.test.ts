import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { auditEvents, newId, workspaces } from '@omniflow/db';
import { purgeExpiredAudit } from '../src/audit/audit-retention.ts';
import { eraseAuditSnapshots } from '../src/audit/erase-audit-snapshots.ts';
import { recordAudit } from '../src/audit/record-audit.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const databases = [
  { db: 'pglite' as const, enabled: true },
  { db: 'postgres' as const, enabled: Boolean(inject('postgresUrl')) },
];

const day = 86_400_000;

/** What the database said when it refused (drizzle wraps it as the cause of its own error). */
async function refusal(query: Promise<unknown>): Promise<string> {
  try {
    await query;
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return cause instanceof Error ? cause.message : String(cause);
  }
  return 'accepted';
}

// The append-only trigger (migration audit_append_only) and the retention sweep, on both databases.
describe.each(databases)('the audit table on $db', ({ db, enabled }) => {
  let omni: TestOmniflow;
  let workspaceId: string;

  beforeAll(async () => {
    if (!enabled) return;
    omni = await startTestOmniflow({ db });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
  }, 120_000);
  afterAll(async () => omni?.close());

  const row = (daysAgo: number, inWorkspace = workspaceId) =>
    recordAudit(omni.handle.db, {
      workspaceId: inWorkspace,
      actor: { kind: 'system' },
      action: 'settings.updated',
      resource: { type: 'workspace', id: inWorkspace },
      occurredAt: new Date(Date.now() - daysAgo * day),
    });
  const exists = async (id: string) =>
    (await omni.handle.db.select().from(auditEvents).where(eq(auditEvents.id, id))).length === 1;

  it.skipIf(!enabled)('refuses UPDATE, DELETE and TRUNCATE, also straight in SQL', async () => {
    const id = await row(1);
    const attempts = [
      sql`update audit_events set action = 'nothing.happened' where id = ${id}`,
      sql`delete from audit_events where id = ${id}`,
      sql`truncate audit_events`,
      // Outside the sweep's own transaction, a session-wide setting is refused too.
      sql`update audit_events set actor_name = 'someone else'`,
    ];
    for (const attempt of attempts)
      expect(await refusal(omni.handle.db.execute(attempt))).toMatch(
        /append-only: (UPDATE|DELETE|TRUNCATE) refused/,
      );
    expect(await exists(id)).toBe(true);
    const [kept] = await omni.handle.db.select().from(auditEvents).where(eq(auditEvents.id, id));
    expect(kept!.action).toBe('settings.updated');

    // The setting allows deletes (only), and only inside the transaction that set it.
    await omni.handle.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('omniflow.audit_retention', 'on', true)`);
      expect(await refusal(tx.execute(sql`update audit_events set action = 'x' where id = ${id}`))).toMatch(
        /append-only: (UPDATE|DELETE|TRUNCATE) refused/,
      );
    });
    expect(await refusal(omni.handle.db.execute(sql`delete from audit_events where id = ${id}`))).toMatch(
      /append-only: (UPDATE|DELETE|TRUNCATE) refused/,
    );
    expect(await exists(id)).toBe(true);
  });

  it.skipIf(!enabled)('retention removes only rows older than their workspace keeps them', async () => {
    const other = newId();
    await omni.handle.db
      .insert(workspaces)
      .values({ id: other, name: 'Short memory', auditRetentionDays: 30 });
    const gone = newId(); // a workspace no longer there keeps the default year
    const ids = {
      oldHere: await row(400),
      yearHere: await row(300),
      oldThere: await row(40, other),
      newThere: await row(20, other),
      oldGone: await row(366, gone),
      newGone: await row(200, gone),
    };
    const removed = await purgeExpiredAudit(omni.handle.db, { batchSize: 2 });
    expect(removed).toBe(3);
    for (const [name, id] of Object.entries(ids))
      expect({ name, kept: await exists(id) }).toEqual({
        name,
        kept: name.startsWith('new') || name === 'yearHere',
      });
    expect(await purgeExpiredAudit(omni.handle.db)).toBe(0);
  });

  it.skipIf(!enabled)('is swept by the daily retention workflow', async () => {
    const old = await row(500);
    const recent = await row(5);
    await omni.temporal.workflow.execute('retentionSweep', {
      taskQueue: omni.taskQueue,
      workflowId: `retention-${randomUUID()}`,
      args: [],
    });
    expect(await exists(old)).toBe(false);
    expect(await exists(recent)).toBe(true);
  });

  it.skipIf(!enabled)('lets an erasure blank a person’s snapshots, and nothing else', async () => {
    const contactId = newId();
    const about = (action: string) =>
      recordAudit(omni.handle.db, {
        workspaceId,
        actor: { kind: 'user', id: newId(), name: 'Lucía', email: 'lucia@example.org' },
        action,
        resource: { type: 'contact', id: contactId, label: 'Ana Ruiz' },
        request: { ip: '203.0.113.7' },
        before: action === 'contact.created' ? null : { firstName: 'Ana' },
        after: { firstName: 'Ana', lastName: 'Ruiz', phone: '+34600112233' },
      });
    const ids = [await about('contact.created'), await about('contact.updated')];
    const other = await row(1);
    expect(await eraseAuditSnapshots(omni.handle.db, workspaceId, { type: 'contact', id: contactId })).toBe(
      2,
    );
    const rows = await omni.handle.db.select().from(auditEvents).where(eq(auditEvents.resourceId, contactId));
    expect(rows.map((r) => [r.action, r.before, r.after, r.resourceLabel, r.actorName, r.ip])).toEqual([
      ['contact.created', null, { erased: true }, null, 'Lucía', '203.0.113.7'],
      ['contact.updated', { erased: true }, { erased: true }, null, 'Lucía', '203.0.113.7'],
    ]);
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(JSON.stringify(rows)).not.toContain('+34600112233');
    expect(await exists(other)).toBe(true);

    // The same door does not let who, what or when change, nor a delete through.
    for (const attempt of [
      sql`update audit_events set actor_name = 'someone else' where id = ${ids[0]}`,
      sql`update audit_events set action = 'contact.viewed' where id = ${ids[0]}`,
      sql`delete from audit_events where id = ${ids[0]}`,
    ])
      expect(
        await refusal(
          omni.handle.db.transaction(async (tx) => {
            await tx.execute(sql`select set_config('omniflow.audit_erasure', 'on', true)`);
            await tx.execute(attempt);
          }),
        ),
      ).toMatch(/append-only: (UPDATE|DELETE) refused/);
  });
});
