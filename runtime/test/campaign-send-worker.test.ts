import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { queryRows } from '@omniflow/db';
import { LoopbackSmsc } from '@omniflow/nodes/drivers/sms/testing';
import { nodeOptionsFor } from '../bin/send-worker-heap.mjs';
import { seedAudience } from './support/campaign-audience.ts';
import { omniflowProcesses } from './support/spawn-omniflow.ts';
import { eventually, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

// `omniflow worker --campaign-sends` (the send queues only, with a bounded heap) beside
// `omniflow worker --no-campaign-sends` (flows only): a broadcast is sent by the first, whole.

const credentials = { systemId: 'omniflow', password: 'sends' };
const people = 300;

describe('the send worker heap bound', () => {
  it('is added only for `worker --campaign-sends`, and never over an operator’s own', () => {
    expect(nodeOptionsFor(['worker', '--campaign-sends'], '')).toMatch(/--max-old-space-size=\d+/);
    expect(nodeOptionsFor(['worker', '--campaign-sends'], '--enable-source-maps')).toMatch(
      /^--enable-source-maps --max-old-space-size=\d+/,
    );
    expect(nodeOptionsFor(['worker', '--campaign-sends'], '--max-old-space-size=512')).toBe(
      '--max-old-space-size=512',
    );
    expect(nodeOptionsFor(['worker'], '')).toBe('');
    expect(nodeOptionsFor(['dev', '--campaign-sends'], undefined)).toBe('');
  });
});

describe.skipIf(!inject('postgresUrl'))('a campaign send worker of its own', () => {
  let smsc: LoopbackSmsc;
  let omni: TestOmniflow;
  const processes = omniflowProcesses(() => omni);

  beforeAll(async () => {
    smsc = await LoopbackSmsc.start(credentials);
    omni = await startTestOmniflow({ db: 'postgres', worker: false });
    const saved = await omni.call('PUT', '/api/v1/channels/sms', {
      provider: 'smpp',
      config: {
        ...smsc.address,
        systemId: credentials.systemId,
        sourceAddress: '+5110000000',
        messagesPerSecond: 10_000,
      },
      secrets: { password: credentials.password },
    });
    expect(saved.status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await processes.killAll();
    await omni?.close();
    await smsc?.stop();
  });

  const start = (args: string[], viaBin: boolean, env: Record<string, string | undefined> = {}) =>
    processes.spawn(args, { viaBin, env });

  async function pollers(queue: string) {
    const connection = await Connection.connect({ address: inject('temporalAddress') });
    try {
      const answer = await connection.workflowService.describeTaskQueue({
        namespace: 'default',
        taskQueue: { name: queue },
        taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY,
      });
      return new Set((answer.pollers ?? []).map((p) => p.identity ?? ''));
    } finally {
      await connection.close();
    }
  }

  it('refuses to start without a database, saying what to set', async () => {
    const { exited, output } = start(['worker', '--campaign-sends'], true, { DATABASE_URL: '' });
    expect(await exited).not.toBe(0);
    expect(output()).toContain('A separate worker needs DATABASE_URL');
  }, 60_000);

  it('sends a whole broadcast with a bounded heap while the flow worker polls no send queue', async () => {
    const sender = start(['worker', '--campaign-sends'], true);
    start(['worker', '--no-campaign-sends'], false);
    const line = await eventually(async () => /heap limit (\d+) MB/.exec(sender.output())?.[1], 60_000);
    // V8's default here is several gigabytes; the bound is a few hundred megabytes at most.
    expect(Number(line)).toBeLessThan(400);

    const workspace = await omni.handle.db.query.workspaces.findFirst();
    const { segmentId } = await seedAudience(omni.handle.db, {
      workspaceId: workspace!.id,
      count: people,
      channel: 'sms',
    });
    const created = await omni.call('POST', '/api/v1/campaigns', {
      name: 'Recordatorio',
      channel: 'sms',
      segmentId,
      content: { text: 'Hola {{ contact.first_name }}, su cita es mañana' },
    });
    const id = created.body.id;
    expect((await omni.call('POST', `/api/v1/campaigns/${id}/start`)).status).toBe(200);
    await eventually(async () => {
      const row = await omni.call('GET', `/api/v1/campaigns/${id}`);
      return row.body.status === 'completed' ? true : undefined;
    }, 120_000);

    const [rows] = await queryRows<{ n: string; sent: string }>(
      omni.handle.db,
      sql`select count(*) as n, count(*) filter (where status = 'sent') as sent
        from messages where campaign_id = ${id}::uuid`,
    );
    expect(Number(rows!.n)).toBe(people);
    expect(Number(rows!.sent)).toBe(people);
    expect(new Set(smsc.messages().map((m) => m.destination)).size).toBe(people);

    // The send queue's pollers and the flow queue's are different processes.
    const sendPollers = await pollers(`${omni.taskQueue}-campaign-sms`);
    const flowPollers = await pollers(omni.taskQueue);
    expect(sendPollers.size).toBeGreaterThan(0);
    expect(flowPollers.size).toBeGreaterThan(0);
    expect([...sendPollers].filter((identity) => flowPollers.has(identity))).toEqual([]);
  }, 240_000);
});
