import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { queryRows } from '@omniflow/db';
import { seedAudience } from './support/campaign-audience.ts';
import { waitsForEventFlow } from './support/flows.ts';
import { omniflowProcesses } from './support/spawn-omniflow.ts';
import { eventually, publishFlow, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const people = 1500;

describe.skipIf(!inject('postgresUrl'))(
  'a journey campaign whose worker is killed with SIGKILL mid-chunk',
  () => {
    let omni: TestOmniflow;
    const processes = omniflowProcesses(() => omni);

    beforeAll(async () => {
      omni = await startTestOmniflow({ db: 'postgres', worker: false });
    }, 60_000);
    afterAll(async () => {
      await processes.killAll();
      await omni?.close();
    });

    // A narrow window, so the kill lands while chunks are starting runs.
    const startWorkerProcess = () => processes.spawn(['worker'], { env: { OMNIFLOW_JOURNEY_WINDOW: '2' } });

    const journeyRuns = async (campaignId: string) =>
      (
        await queryRows<{ n: string; people: string; workflows: string; unnoted: string }>(
          omni.handle.db,
          sql`select count(*) as n, count(distinct input->>'contactId') as people,
          count(distinct temporal_workflow_id) as workflows,
          count(*) filter (where temporal_run_id is null) as unnoted
          from runs where input->>'campaignId' = ${campaignId}`,
        )
      )[0]!;

    it('starts every person exactly once on a new worker', async () => {
      const workspace = await omni.handle.db.query.workspaces.findFirst();
      const { segmentId } = await seedAudience(omni.handle.db, {
        workspaceId: workspace!.id,
        count: people,
        channel: 'sms',
      });
      const flowId = await publishFlow(omni, waitsForEventFlow('Espera respuesta'));
      const created = await omni.call('POST', '/api/v1/campaigns', {
        name: 'Recorrido',
        kind: 'journey',
        flowId,
        channel: 'sms',
        segmentId,
      });
      expect(created.status).toBe(201);
      const id = created.body.id;
      expect((await omni.call('POST', `/api/v1/campaigns/${id}/start`)).status).toBe(200);

      const first = startWorkerProcess();
      await eventually(async () => (Number((await journeyRuns(id)).n) >= 300 ? true : undefined), 90_000);
      await first.kill();
      const atKill = Number((await journeyRuns(id)).n);
      expect(atKill).toBeLessThan(people);

      startWorkerProcess();
      await eventually(async () => {
        const row = await omni.call('GET', `/api/v1/campaigns/${id}`);
        return row.body.status === 'completed' ? true : undefined;
      }, 150_000);

      const runs = await journeyRuns(id);
      console.log(`SIGKILL with ${atKill} journeys started`);
      expect(Number(runs.n)).toBe(people);
      expect(Number(runs.people)).toBe(people);
      expect(Number(runs.workflows)).toBe(people);
      expect(Number(runs.unnoted)).toBe(0);
      // Temporal holds one execution per person's workflow id: none was started twice.
      const executions = new Map<string, number>();
      for await (const w of omni.temporal.workflow.list({
        query: `WorkflowId STARTS_WITH "campaign:${id}:"`,
      }))
        executions.set(w.workflowId, (executions.get(w.workflowId) ?? 0) + 1);
      expect(executions.size).toBe(people);
      expect([...executions.values()].every((n) => n === 1)).toBe(true);
      const stats = (await omni.call('GET', `/api/v1/campaigns/${id}/stats`)).body;
      expect(stats.journeys).toMatchObject({ started: people, failed: 0 });
      expect(stats.queued).toBe(0);
    }, 300_000);
  },
);
