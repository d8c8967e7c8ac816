import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { healthSamples, newId, openDb, queryRows, type DbHandle } from '@omniflow/db';
import { SmtpSink } from '@omniflow/nodes/drivers/email/testing';
import { bootstrapAdmin } from '../src/auth/bootstrap-admin.ts';
import { createCredentialsStore } from '../src/credentials/credentials-store.ts';
import { loadSecretKeyring } from '../src/credentials/secret-keyring.ts';
import { latestHealth } from '../src/health/health-queries.ts';
import { startHealthSampler } from '../src/health/health-sampler.ts';
import { processProbe } from '../src/health/process-probe.ts';
import { smtpProbe } from '../src/health/smtp-probe.ts';
import { freshPostgresDatabase, type FreshDatabase } from './support/postgres.ts';

const keyring = loadSecretKeyring({ OMNIFLOW_SECRET_KEY: randomBytes(32).toString('hex') });

describe('the SMTP health probe against a real SMTP server on loopback', () => {
  let fresh: FreshDatabase;
  let handle: DbHandle;
  let sink: SmtpSink;
  let workspaceId: string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    fresh = await freshPostgresDatabase(inject('postgresUrl'));
    handle = await openDb({ databaseUrl: fresh.url });
    await bootstrapAdmin(handle.db, { OMNIFLOW_ADMIN_EMAIL: 'a@example.test', OMNIFLOW_ADMIN_PASSWORD: 'x' });
    workspaceId = (await handle.db.query.workspaces.findFirst())!.id;
    await createCredentialsStore(handle.db, () => keyring).save(workspaceId, 'email', {
      provider: 'smtp',
      config: { host: '127.0.0.1', port: sink.port, security: 'none', fromAddress: 'help@example.test' },
      secrets: {},
    });
  });
  afterAll(async () => {
    await sink?.close().catch(() => undefined);
    await handle?.close();
    await fresh?.drop();
  });

  it('shows email reachable while the server greets, unreachable with the error once it is down', async () => {
    let clock = new Date('2026-12-01T10:00:00Z');
    const sampler = startHealthSampler({
      db: handle.db,
      probes: [smtpProbe(handle.db, 2_000)],
      clock: () => clock,
    });
    await sampler.sample();
    const [up] = await latestHealth(handle.db, workspaceId, clock);
    expect(up).toMatchObject({
      component: 'email',
      kind: 'smtp',
      up: true,
      lastSuccessAt: clock.toISOString(),
      lastError: null,
    });

    await sink.close();
    clock = new Date('2026-12-01T10:00:30Z');
    await sampler.sample();
    const [down] = await latestHealth(handle.db, workspaceId, clock);
    expect(down).toMatchObject({
      up: false,
      lastSuccessAt: '2026-12-01T10:00:00.000Z',
      lastErrorAt: '2026-12-01T10:00:30.000Z',
    });
    expect(down!.lastError).toBe(`connect ECONNREFUSED 127.0.0.1:${sink.port}`);
    await sampler.stop();
  });

  it('keeps sampling the others when one probe throws, and the process probe reports its check', async () => {
    const clock = new Date('2026-12-01T11:00:00Z');
    const problems: unknown[] = [];
    const sampler = startHealthSampler({
      db: handle.db,
      clock: () => clock,
      onError: (error) => problems.push(error),
      probes: [
        async () => {
          throw new Error('probe bug');
        },
        processProbe('api', async () => {
          throw new Error('temporal: timed out after 3 s');
        }),
        processProbe('worker', async () => undefined),
      ],
    });
    await sampler.sample();
    expect(problems).toEqual([new Error('probe bug')]);
    const states = await latestHealth(handle.db, workspaceId, clock);
    expect(states.filter((s) => s.kind !== 'smtp').map((s) => [s.component, s.up, s.lastError])).toEqual([
      ['api', false, 'temporal: timed out after 3 s'],
      ['worker', true, null],
    ]);
    // An hour without a sample: the list shows it down (stale), whatever its last sample said.
    const later = await latestHealth(handle.db, workspaceId, new Date(clock.getTime() + 3_600_000));
    expect(later.find((s) => s.component === 'worker')).toMatchObject({ up: false, stale: true });
  });

  it('removes samples older than the retention', async () => {
    await handle.db.insert(healthSamples).values({
      id: newId(),
      workspaceId: null,
      component: 'api',
      kind: 'api',
      sampledAt: new Date('2026-01-01T00:00:00Z'),
      intervalMs: 30_000,
      up: true,
    });
    const sampler = startHealthSampler({
      db: handle.db,
      probes: [processProbe('worker', async () => undefined)],
      retentionDays: 100,
      clock: () => new Date('2026-12-01T12:00:00Z'),
    });
    await sampler.sample();
    const [oldest] = await queryRows<{ first: Date }>(
      handle.db,
      sql`select min(sampled_at) as first from health_samples`,
    );
    expect(new Date(oldest!.first).getTime()).toBeGreaterThan(new Date('2026-08-01T00:00:00Z').getTime());
  });
});
