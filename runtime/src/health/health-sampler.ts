import { lt } from 'drizzle-orm';
import { healthSamples, newId, type Db } from '@omniflow/db';
import { errorText, type HealthProbe, type HealthReading } from './health-reading.ts';

export interface HealthSamplerOptions {
  db: Db;
  probes: HealthProbe[];
  /** How often to sample (OMNIFLOW_HEALTH_SAMPLE_MS, default 30 s). */
  intervalMs?: number;
  /** Samples older than this are removed (OMNIFLOW_HEALTH_RETENTION_DAYS, default 100: a quarter's SLA). */
  retentionDays?: number;
  clock?: () => Date;
  onError?: (error: unknown) => void;
}

interface Remembered {
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
}

const hourMs = 3_600_000;

/**
 * Samples every probe each period and writes the readings in one insert. Each row carries the
 * component's last success and last error, so the newest row alone answers "last success 12 s
 * ago, last error …" and the rows together give availability (availability.ts).
 */
export function startHealthSampler(options: HealthSamplerOptions) {
  const intervalMs = options.intervalMs ?? 30_000;
  const retentionMs = (options.retentionDays ?? 100) * 24 * hourMs;
  const clock = options.clock ?? (() => new Date());
  const report = options.onError ?? ((error) => console.warn(`Health sampling failed: ${errorText(error)}`));
  const memory = new Map<string, Remembered>();
  let prunedAt = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let busy = false;

  function remember(reading: HealthReading, now: Date): Remembered {
    const key = `${reading.workspaceId ?? ''}/${reading.component}`;
    const seen = memory.get(key) ?? { lastSuccessAt: null, lastError: null, lastErrorAt: null };
    // A probe that knows when its peer last worked (a webhook's last delivery) says so, even null.
    if (reading.lastSuccessAt !== undefined) seen.lastSuccessAt = reading.lastSuccessAt;
    else if (reading.up) seen.lastSuccessAt = now;
    if (reading.error) {
      // A component still down keeps failing now; one back up reports a past error, dated once.
      const known = reading.up && reading.error === seen.lastError ? seen.lastErrorAt : null;
      seen.lastError = reading.error;
      seen.lastErrorAt = reading.lastErrorAt ?? known ?? now;
    }
    memory.set(key, seen);
    return seen;
  }

  async function tick() {
    const now = clock();
    const settled = await Promise.allSettled(options.probes.map((probe) => probe(now)));
    const readings: HealthReading[] = [];
    for (const result of settled) {
      if (result.status === 'fulfilled') readings.push(...result.value);
      else report(result.reason);
    }
    if (readings.length > 0) {
      await options.db.insert(healthSamples).values(
        readings.map((reading) => {
          const seen = remember(reading, now);
          return {
            id: newId(),
            workspaceId: reading.workspaceId,
            component: reading.component,
            kind: reading.kind,
            sampledAt: now,
            intervalMs,
            up: reading.up,
            lastSuccessAt: seen.lastSuccessAt,
            lastError: seen.lastError,
            lastErrorAt: seen.lastErrorAt,
          };
        }),
      );
    }
    if (now.getTime() - prunedAt >= hourMs) {
      prunedAt = now.getTime();
      await options.db
        .delete(healthSamples)
        .where(lt(healthSamples.sampledAt, new Date(now.getTime() - retentionMs)));
    }
  }

  const once = () => {
    busy = true;
    running = tick()
      .catch(report)
      .finally(() => {
        busy = false;
      });
    return running;
  };

  return {
    /** One sample now (also what each period runs). */
    sample: once,
    start() {
      void once();
      // A tick slower than the period (database slow) is not stacked: the next one is skipped.
      timer = setInterval(() => {
        if (!busy) void once();
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

export type HealthSampler = ReturnType<typeof startHealthSampler>;
