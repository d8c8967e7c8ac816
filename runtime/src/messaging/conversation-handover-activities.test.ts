import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flowVersions, flows, messages, newId, openDb, runs, workspaces, type DbHandle } from '@omniflow/db';
import { createConversationHandoverActivities } from './conversation-handover-activities.ts';

describe('handing a conversation’s untaken messages to its next run', () => {
  let handle: DbHandle;
  let workspaceId: string;
  let flowId: string;
  let endedRunId: string;
  const workflowId = 'conversation:w:whatsapp:+34600300001';
  const message = (providerMessageId: string, text: string) => ({
    type: 'message',
    data: { channel: 'whatsapp', from: '+34600300001', to: '+34910000000', text },
    providerMessageId,
  });

  beforeEach(async () => {
    handle = await openDb({ dataDir: 'memory://' });
    workspaceId = newId();
    flowId = newId();
    endedRunId = newId();
    const versionId = newId();
    await handle.db.insert(workspaces).values({ id: workspaceId, name: 'w' });
    await handle.db
      .insert(flows)
      .values({ id: flowId, workspaceId, name: 'Citas', draft: {}, latestVersion: 1 });
    await handle.db.insert(flowVersions).values({
      id: versionId,
      workspaceId,
      flowId,
      version: 1,
      // Only "cita …" starts it, as a keyword trigger does.
      graph: {
        trigger: { node: 'hi' },
        nodes: [{ id: 'hi', type: 'message.inbound', config: { channel: 'whatsapp', keyword: 'cita' } }],
      },
      machine: { id: 'flow' },
      hash: 'h',
    });
    await handle.db.insert(runs).values({
      id: endedRunId,
      workspaceId,
      flowId,
      flowVersionId: versionId,
      version: 1,
      temporalWorkflowId: workflowId,
      status: 'completed',
    });
    for (const [id, text] of [
      ['wamid.1', 'gracias'],
      ['wamid.2', 'cita mañana'],
      ['wamid.3', 'a las 10'],
    ] as const) {
      await handle.db.insert(messages).values({
        id: newId(),
        workspaceId,
        channel: 'whatsapp',
        direction: 'inbound',
        contactAddress: '+34600300001',
        ourAddress: '+34910000000',
        runId: endedRunId,
        providerMessageId: id,
        body: { text },
        status: 'received',
      });
    }
  });
  afterEach(async () => handle?.close());

  const runOf = async (providerMessageId: string) =>
    (
      await handle.db
        .select({ runId: messages.runId })
        .from(messages)
        .where(eq(messages.providerMessageId, providerMessageId))
    )[0]?.runId;

  it('starts the flow the first message it takes wants, with the later ones as its first events', async () => {
    const activities = createConversationHandoverActivities(handle.db);
    const runId = newId();
    const input = {
      workspaceId,
      workflowId,
      runId,
      endedRunId,
      // Something that is not a message's data is skipped, as is one no flow takes.
      messages: [
        { type: 'message', data: 42 },
        message('wamid.1', 'gracias'),
        message('wamid.2', 'cita mañana'),
        message('wamid.3', 'a las 10'),
      ],
    };
    const next = await activities.prepareNextConversationRun(input);
    expect(next.args).toMatchObject({
      runId,
      workspaceId,
      input: { text: 'cita mañana', from: '+34600300001' },
      run: { id: runId, flowId, version: 1 },
      events: [message('wamid.3', 'a las 10')],
      conversation: true,
      handedOver: true,
    });
    // A retried attempt answers the same and writes no second row.
    expect((await activities.prepareNextConversationRun(input)).args?.runId).toBe(runId);
    const rows = await handle.db.select().from(runs).where(eq(runs.temporalWorkflowId, workflowId));
    expect(rows.map((r) => r.id).sort()).toEqual([endedRunId, runId].sort());
    expect(rows.find((r) => r.id === runId)).toMatchObject({ contact: '+34600300001', temporalRunId: null });
    expect([await runOf('wamid.1'), await runOf('wamid.2'), await runOf('wamid.3')]).toEqual([
      null,
      runId,
      runId,
    ]);

    await activities.noteConversationRunStarted({ runId, temporalRunId: 'execution-2' });
    const [noted] = await handle.db
      .select({ temporalRunId: runs.temporalRunId })
      .from(runs)
      .where(eq(runs.id, runId));
    expect(noted!.temporalRunId).toBe('execution-2');
  });

  it('starts nothing when no flow takes any of them, and leaves them recorded without a run', async () => {
    const activities = createConversationHandoverActivities(handle.db);
    const next = await activities.prepareNextConversationRun({
      workspaceId,
      workflowId,
      runId: newId(),
      endedRunId,
      messages: [message('wamid.1', 'gracias')],
    });
    expect(next.args).toBeUndefined();
    expect(await handle.db.select({ id: runs.id }).from(runs)).toHaveLength(1);
    expect(await runOf('wamid.1')).toBeNull();
    expect(await runOf('wamid.2')).toBe(endedRunId);
  });
});
