import { sql } from 'drizzle-orm';
import type { Db } from '@omniflow/db';
import { positiveMs } from '../worker/channel-upkeep.ts';
import type { HealthProbe } from './health-reading.ts';
import { startHealthSampler } from './health-sampler.ts';

/**
 * A process's sampler as the environment sets it: OMNIFLOW_HEALTH_SAMPLE_MS (default 30 s),
 * OMNIFLOW_HEALTH_RETENTION_DAYS (default 100), OMNIFLOW_HEALTH_SAMPLES=0 turns it off.
 */
export function startProcessHealth(
  db: Db,
  probes: HealthProbe[],
  env: Record<string, string | undefined> = process.env,
) {
  if (env.OMNIFLOW_HEALTH_SAMPLES === '0') return { stop: async () => undefined };
  const sampler = startHealthSampler({
    db,
    probes,
    intervalMs: positiveMs(env.OMNIFLOW_HEALTH_SAMPLE_MS, 30_000),
    retentionDays: positiveMs(env.OMNIFLOW_HEALTH_RETENTION_DAYS, 100),
  });
  sampler.start();
  return sampler;
}

/** The database answering a trivial query: what "this process can work" needs first. */
export const databaseAnswers = (db: Db) => async () => void (await db.execute(sql`select 1`));
