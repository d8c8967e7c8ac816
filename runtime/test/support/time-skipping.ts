import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import { openDb, type DbHandle } from '@omniflow/db';
import type { NodeRegistry } from '@omniflow/nodes/sdk';
import { loadRegistry } from '../../src/server/load-registry.ts';
import { flowWorkerParts } from '../../src/worker/flow-worker.ts';

export interface TimeSkippingOmniflow {
  env: TestWorkflowEnvironment;
  handle: DbHandle;
  registry: NodeRegistry;
  /** A worker for flowRun on its own task queue, as production builds it. */
  worker(taskQueue: string): Promise<Worker>;
  close(): Promise<void>;
}

/** The time-skipping test server (from PyPI, see global setup) with PGlite, for long waits. */
export async function startTimeSkipping(): Promise<TimeSkippingOmniflow> {
  const path = inject('testServerPath');
  const env = await TestWorkflowEnvironment.createTimeSkipping(
    path ? { server: { executable: { type: 'existing-path', path } } } : {},
  );
  const handle = await openDb({ dataDir: 'memory://' });
  const registry = await loadRegistry({});
  return {
    env,
    handle,
    registry,
    worker: async (taskQueue) =>
      Worker.create({
        connection: env.nativeConnection,
        taskQueue,
        ...(await flowWorkerParts({ db: handle.db, registry })),
      }),
    close: async () => {
      await env.teardown();
      await handle.close();
    },
  };
}
