import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '@omniflow/db';
import { SandboxDriver } from '@omniflow/nodes/drivers/messaging';
import { SmppDriver, TwilioSmsDriver } from '@omniflow/nodes/drivers/sms';
import { bootstrapAdmin } from '../src/auth/bootstrap-admin.ts';
import { loadSecretKeyring } from '../src/credentials/secret-keyring.ts';
import { createChannelResolver, type BuiltDriver } from '../src/messaging/channel-resolver.ts';

const keyring = loadSecretKeyring({ OMNIFLOW_SECRET_KEY: randomBytes(32).toString('hex') });
const twilio = {
  provider: 'twilio' as const,
  config: { accountSid: `AC${'2'.repeat(32)}`, from: '+34911000003' },
  secrets: { authToken: 'token' },
};
const smpp = {
  provider: 'smpp' as const,
  config: { host: '127.0.0.1', port: 1, systemId: 'x', sourceAddress: 'Acme' },
  secrets: { password: 'p' },
};

describe('the channel resolver', () => {
  let handle: DbHandle;
  let workspaceId: string;
  const fallback = { sms: new SandboxDriver('sms') };
  const resolvers: ReturnType<typeof createChannelResolver>[] = [];
  const resolver = () => {
    const made = createChannelResolver({ db: handle.db, keyring: () => keyring, fallback, retireAfterMs: 0 });
    resolvers.push(made);
    return made;
  };

  beforeAll(async () => {
    handle = await openDb({ dataDir: 'memory://' });
    await bootstrapAdmin(handle.db, { OMNIFLOW_ADMIN_EMAIL: 'a@example.test', OMNIFLOW_ADMIN_PASSWORD: 'x' });
    workspaceId = (await handle.db.query.workspaces.findFirst())!.id;
  });
  afterAll(async () => {
    await Promise.all(resolvers.map((r) => r.close()));
    await handle?.close();
  });

  it('uses the fallback until settings are saved, then the saved provider, seen by every resolver', async () => {
    const api = resolver();
    const worker = resolver();
    expect(await worker.driverFor(workspaceId, 'sms')).toBe(fallback.sms);
    expect(await worker.driverFor(workspaceId, 'whatsapp')).toBeUndefined();

    await api.store.save(workspaceId, 'sms', twilio);
    const first = await worker.driverFor(workspaceId, 'sms');
    expect(first).toBeInstanceOf(TwilioSmsDriver);
    expect(await worker.driverFor(workspaceId, 'sms')).toBe(first);

    // Saving again, even the same values, is a new revision: the driver is rebuilt.
    await api.store.save(workspaceId, 'sms', { ...twilio, secrets: {} });
    const second = await worker.driverFor(workspaceId, 'sms');
    expect(second).toBeInstanceOf(TwilioSmsDriver);
    expect(second).not.toBe(first);

    await api.store.remove(workspaceId, 'sms');
    expect(await worker.driverFor(workspaceId, 'sms')).toBe(fallback.sms);
  });

  it('builds SMPP links on refresh, tells subscribers once, and closes a replaced one', async () => {
    const worker = resolver();
    const built: BuiltDriver[] = [];
    worker.onDriver((b) => built.push(b));
    await worker.store.save(workspaceId, 'sms', smpp);
    const [one, two] = await Promise.all([
      worker.driverFor(workspaceId, 'sms'),
      worker.driverFor(workspaceId, 'sms'),
    ]);
    expect(one).toBe(two);
    expect(one).toBeInstanceOf(SmppDriver);
    await worker.refresh();
    expect(built.map((b) => [b.workspaceId, b.channel])).toEqual([[workspaceId, 'sms']]);

    await worker.store.save(workspaceId, 'sms', { ...smpp, secrets: { password: 'q' } });
    await worker.refresh();
    expect(built).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Closed: a send on the replaced driver is refused rather than left hanging.
    await expect(
      built[0]!.driver.send({ to: '+34600000000', text: 'x', idempotencyKey: 'k' }),
    ).rejects.toMatchObject({ code: 'SMS_DRIVER_CLOSED' });
    await worker.store.remove(workspaceId, 'sms');
  });
});
