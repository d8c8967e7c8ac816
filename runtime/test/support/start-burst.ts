// Starts 150 runs of one flow version as fast as it can, ten at a time, as a busy API would.
// The crash test runs it as a child process and kills it with SIGKILL mid-burst.
import { Client, Connection } from '@temporalio/client';
import { eq } from 'drizzle-orm';
import { flowVersions, openDb } from '@omniflow/db';
import { startFlowRun } from '../../src/runs/start-flow-run.ts';

const { DATABASE_URL, TEMPORAL_ADDRESS, TASK_QUEUE, FLOW_VERSION_ID } = process.env;
if (!DATABASE_URL || !TEMPORAL_ADDRESS || !TASK_QUEUE || !FLOW_VERSION_ID)
  throw new Error('start-burst needs DATABASE_URL, TEMPORAL_ADDRESS, TASK_QUEUE and FLOW_VERSION_ID');

const handle = await openDb({ databaseUrl: DATABASE_URL });
const temporal = new Client({ connection: await Connection.connect({ address: TEMPORAL_ADDRESS }) });
const [version] = await handle.db.select().from(flowVersions).where(eq(flowVersions.id, FLOW_VERSION_ID));
if (!version) throw new Error(`No flow version ${FLOW_VERSION_ID}`);
const deps = { db: handle.db, temporal, taskQueue: TASK_QUEUE };
let n = 0;
await Promise.all(
  Array.from({ length: 10 }, async () => {
    while (n < 150)
      await startFlowRun(deps, { workspaceId: version.workspaceId, version, input: { n: n++ } });
  }),
);
await handle.close();
process.exit(0);
