import { inject } from 'vitest';
import { spawnOmniflowCli, type SpawnedOmniflow } from './spawn-omniflow-cli.ts';

export type { SpawnedOmniflow } from './spawn-omniflow-cli.ts';

/** What the child works against: a test install's environment, database and task queue. */
export interface SpawnTarget {
  env: Record<string, string | undefined>;
  databaseUrl: string | undefined;
  taskQueue: string;
}

/**
 * The `omniflow` CLI in child processes against a test install (its database, the test Temporal
 * server, its task queue), as an operator would run a separate worker; `killAll` in `afterAll`
 * leaves none behind.
 */
export function omniflowProcesses(target: () => SpawnTarget) {
  const spawned: SpawnedOmniflow[] = [];
  return {
    /**
     * Runs `omniflow <args>`: through the published bin (`viaBin`, which sets the send worker's
     * heap bound and starts a child of its own) or straight from the sources. `env` comes last.
     */
    spawn(args: string[], options: { viaBin?: boolean; env?: Record<string, string | undefined> } = {}) {
      const { env, databaseUrl, taskQueue } = target();
      const process_ = spawnOmniflowCli(args, {
        ...(options.viaBin ? { viaBin: true } : {}),
        env: {
          ...env,
          DATABASE_URL: databaseUrl,
          TEMPORAL_ADDRESS: inject('temporalAddress'),
          OMNIFLOW_TASK_QUEUE: taskQueue,
          ...options.env,
        },
      });
      spawned.push(process_);
      return process_;
    },
    async killAll() {
      await Promise.all(spawned.map((p) => p.kill()));
    },
  };
}
