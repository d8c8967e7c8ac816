import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb, type DbHandle } from '@omniflow/db';
import { SandboxDriver } from '@omniflow/nodes/drivers/messaging';
import { LoopbackSmsc } from '@omniflow/nodes/drivers/sms/testing';
import { bootstrapAdmin } from '../src/auth/bootstrap-admin.ts';
import { loadSecretKeyring } from '../src/credentials/secret-keyring.ts';
import { createChannelResolver } from '../src/messaging/channel-resolver.ts';
import { latestHealth } from '../src/health/health-queries.ts';
import { startHealthSampler } from '../src/health/health-sampler.ts';
import { smppProbe } from '../src/health/smpp-probe.ts';
import { freshPostgresDatabase, type FreshDatabase } from './support/postgres.ts';
import { eventually } from './support/test-omniflow.ts';

const keyring = loadSecretKeyring({ OMNIFLOW_SECRET_KEY: randomBytes(32).toString('hex') });
const credentials = { systemId: 'omniflow', password: 'secret' };

describe('the SMPP health probe against a real SMSC', () => {
  let fresh: FreshDatabase;
  let handle: DbHandle;
  let smsc: LoopbackSmsc;
  let workspaceId: string;
  let resolver: ReturnType<typeof createChannelResolver>;

  beforeAll(async () => {
    smsc = await LoopbackSmsc.start(credentials);
    fresh = await freshPostgresDatabase(inject('postgresUrl'));
    handle = await openDb({ databaseUrl: fresh.url });
    await bootstrapAdmin(handle.db, { OMNIFLOW_ADMIN_EMAIL: 'a@example.test', OMNIFLOW_ADMIN_PASSWORD: 'x' });
    workspaceId = (await handle.db.query.workspaces.findFirst())!.id;
    resolver = createChannelResolver({
      db: handle.db,
      keyring: () => keyring,
      fallback: { sms: new SandboxDriver('sms') },
      retireAfterMs: 0,
    });
  });
  afterAll(async () => {
    await resolver?.close();
    await smsc?.stop().catch(() => undefined);
    await handle?.close();
    await fresh?.drop();
  });

  it('shows SMS up while bound, then down with the link’s error once the SMSC stops', async () => {
    // What the worker's channel links do (channel-links.ts): listening for receipts opens the bind.
    resolver.onDriver(({ driver }) => void driver.onStatus?.(async () => undefined));
    const smpp = smppProbe(resolver);
    const sampler = startHealthSampler({ db: handle.db, probes: [smpp.probe], intervalMs: 200 });
    // Nothing saved yet: nothing to report (the sandbox is not a channel to watch).
    await sampler.sample();
    expect(await latestHealth(handle.db, workspaceId)).toEqual([]);

    await resolver.store.save(workspaceId, 'sms', {
      provider: 'smpp',
      config: { ...smsc.address, systemId: credentials.systemId, sourceAddress: 'Acme' },
      secrets: { password: credentials.password },
    });
    await resolver.refresh();
    const up = await eventually(async () => {
      await sampler.sample();
      const [sms] = await latestHealth(handle.db, workspaceId);
      return sms?.up ? sms : undefined;
    });
    expect(up).toMatchObject({ component: 'sms', kind: 'smpp', up: true, lastError: null });
    expect(up.lastSuccessAt).not.toBeNull();

    await smsc.stop();
    const down = await eventually(async () => {
      await sampler.sample();
      const [sms] = await latestHealth(handle.db, workspaceId);
      return sms && !sms.up ? sms : undefined;
    });
    expect(down.lastError).toEqual(expect.any(String));
    expect(down.lastError!.length).toBeGreaterThan(0);
    expect(down.lastErrorAt).not.toBeNull();
    // The last success is kept: "last success 12 s ago" is still true.
    expect(new Date(down.lastSuccessAt!).getTime()).toBeGreaterThanOrEqual(
      new Date(up.lastSuccessAt!).getTime(),
    );
    smpp.detach();
    await sampler.stop();
  });
});
