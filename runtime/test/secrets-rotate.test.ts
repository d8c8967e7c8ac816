import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  channelNumbers,
  credentials,
  dkimKeys,
  flows,
  hookSecrets,
  newId,
  openDb,
  users,
  webhookSubscriptions,
  workspaceWebhooks,
  workspaces,
  type DbHandle,
} from '@omniflow/db';
import { contextOf as channelContext, createCredentialsStore } from '../src/credentials/credentials-store.ts';
import { openSecrets, sealSecrets } from '../src/credentials/secret-box.ts';
import { loadSecretKeyring, parseSecretKey, type SecretKeyring } from '../src/credentials/secret-keyring.ts';
import { rotateSecretKey, RotationNeedsNextKey } from '../src/credentials/secret-key-rotation.ts';
import { countOtherKeys } from '../src/credentials/reseal-secrets.ts';
import { sealedColumns } from '../src/credentials/sealed-columns.ts';
import { createStatusWebhookStore } from '../src/transactional/status-webhook-store.ts';
import { createImapMailboxStore } from '../src/email/imap-mailbox-store.ts';
import { contextOf as dkimContext, createDkimKeyStore } from '../src/email/dkim-key-store.ts';
import { contextOf as totpContext } from '../src/people/second-factor.ts';
import { contextOf as subscriptionContext } from '../src/webhooks/webhook-subscriptions.ts';
import { contextOf as numberContext } from '../src/channel-numbers/channel-number-store.ts';
import { createHookSecretStore, hookSecretContext } from '../src/hooks/hook-secret-store.ts';
import { createAiProviderStore } from '../src/ai/ai-provider-store.ts';
import { eq } from 'drizzle-orm';
import { freshPostgresDatabase } from './support/postgres.ts';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/omniflow.mjs', import.meta.url));

/** What every sealed value opens to, read back through the stores that use them. */
async function everyValue(db: DbHandle['db'], keyring: SecretKeyring, workspaceIds: string[]) {
  const ring = () => keyring;
  const values: Record<string, unknown> = {};
  for (const workspaceId of workspaceIds) {
    values[`${workspaceId}/sms`] = (await createCredentialsStore(db, ring).read(workspaceId, 'sms'))?.settings
      .secrets;
    values[`${workspaceId}/webhook`] = (await createStatusWebhookStore(db, ring).target(workspaceId))?.secret;
    const imap = createImapMailboxStore(db, ring);
    for (const mailbox of await imap.list(workspaceId))
      values[`${workspaceId}/imap/${mailbox.id}`] = await imap.savedPassword(
        workspaceId,
        mailbox.id,
        mailbox,
      );
    // Opened from the row: the store's signingKey() keeps rows for 2 s, which would hide the change.
    for (const row of await db.select().from(dkimKeys).where(eq(dkimKeys.workspaceId, workspaceId)))
      values[`${workspaceId}/dkim/${row.domain}`] = openSecrets(
        keyring,
        { sealed: row.privateKeySealed, keyId: row.keyId },
        dkimContext(workspaceId, row.domain),
      ).privateKey;
    // A person's sign-in code secret, a webhook subscription's signing secret and a further
    // number's provider secrets, opened from their rows with the contexts their code seals with.
    for (const row of await db.select().from(users).where(eq(users.workspaceId, workspaceId)))
      if (row.totpSecret)
        values[`${workspaceId}/totp/${row.email}`] = openSecrets(
          keyring,
          row.totpSecret,
          totpContext(row.id),
        ).secret;
    for (const row of await db
      .select()
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.workspaceId, workspaceId)))
      values[`${workspaceId}/subscription/${row.url}`] = openSecrets(
        keyring,
        { sealed: row.secretSealed, keyId: row.keyId },
        subscriptionContext(workspaceId, row.id),
      ).secret;
    for (const row of await db
      .select()
      .from(channelNumbers)
      .where(eq(channelNumbers.workspaceId, workspaceId)))
      values[`${workspaceId}/number/${row.address}`] = openSecrets(
        keyring,
        { sealed: row.secretsSealed, keyId: row.keyId },
        numberContext(row),
      ).authToken;
    // A webhook flow's HMAC secret and the workspace's AI provider key.
    for (const row of await db.select().from(hookSecrets).where(eq(hookSecrets.workspaceId, workspaceId)))
      values[`${workspaceId}/hook/${row.flowId}`] = openSecrets(
        keyring,
        { sealed: row.secretSealed, keyId: row.keyId },
        hookSecretContext(workspaceId, row.flowId),
      ).secret;
    values[`${workspaceId}/ai`] = (await createAiProviderStore(db, ring).open(workspaceId))?.apiKey;
  }
  return values;
}

describe('omniflow secrets rotate', () => {
  let handle: DbHandle;
  let drop: () => Promise<void>;
  let url: string;
  const home = mkdtempSync(join(tmpdir(), 'omniflow-rotate-'));
  const env = { OMNIFLOW_HOME: home };
  const workspaceIds = [newId(), newId(), newId()];
  let before: Record<string, unknown>;

  beforeAll(async () => {
    const fresh = await freshPostgresDatabase(inject('postgresUrl'));
    url = fresh.url;
    drop = fresh.drop;
    handle = await openDb({ databaseUrl: url });
    const keyring = loadSecretKeyring(env);
    const ring = () => keyring;
    for (const [i, id] of workspaceIds.entries()) {
      await handle.db.insert(workspaces).values({ id, name: `Workspace ${i}` });
      // Channel secrets sealed as the store seals them (its save also checks the provider).
      const sealed = sealSecrets(keyring, { password: `smpp-password-${i}` }, channelContext(id, 'sms'));
      await handle.db.insert(credentials).values({
        id: newId(),
        workspaceId: id,
        channel: 'sms',
        provider: 'smpp',
        config: { host: 'smsc.example', port: 2775, systemId: 'omniflow', sourceAddress: 'Omniflow' },
        secretsSealed: sealed.sealed,
        keyId: sealed.keyId,
        secretNames: ['password'],
      });
      await createStatusWebhookStore(handle.db, ring).put(id, `https://hooks.example/${i}`, true);
      for (const domain of ['a.example', 'b.example', 'c.example'])
        await createDkimKeyStore(handle.db, ring).save(id, { domain });
      for (const user of ['sales', 'support'])
        await createImapMailboxStore(handle.db, ring).create(id, {
          host: 'imap.example',
          port: 993,
          security: 'tls',
          user: `${user}-${i}`,
          folder: 'INBOX',
          address: `${user}-${i}@example.com`,
          pollSeconds: 60,
          enabled: false,
          password: `imap-${user}-${i}`,
        });
      const userId = newId();
      await handle.db.insert(users).values({
        id: userId,
        workspaceId: id,
        email: `totp-${i}@example.test`,
        passwordHash: 'not used here',
        role: 'admin',
        totpSecret: sealSecrets(keyring, { secret: `TOTPSECRET${i}` }, totpContext(userId)),
      });
      // A person without a second factor has nothing sealed: rotation passes them by.
      await handle.db.insert(users).values({
        id: newId(),
        workspaceId: id,
        email: `plain-${i}@example.test`,
        passwordHash: 'not used here',
        role: 'viewer',
      });
      const subscriptionId = newId();
      const signing = sealSecrets(keyring, { secret: `whsec_${i}` }, subscriptionContext(id, subscriptionId));
      await handle.db.insert(webhookSubscriptions).values({
        id: subscriptionId,
        workspaceId: id,
        url: `https://subscriber.example/${i}`,
        events: ['message.delivered'],
        secretSealed: signing.sealed,
        keyId: signing.keyId,
      });
      const numberId = newId();
      const numberSecrets = sealSecrets(
        keyring,
        { authToken: `twilio-token-${i}` },
        numberContext({ workspaceId: id, channel: 'sms', id: numberId }),
      );
      await handle.db.insert(channelNumbers).values({
        id: numberId,
        workspaceId: id,
        channel: 'sms',
        address: `+3460000000${i}`,
        provider: 'twilio',
        config: { accountSid: 'AC0', from: `+3460000000${i}` },
        secretsSealed: numberSecrets.sealed,
        keyId: numberSecrets.keyId,
        secretNames: ['authToken'],
      });
      const flowId = newId();
      await handle.db.insert(flows).values({ id: flowId, workspaceId: id, name: `Webhook ${i}`, draft: {} });
      await createHookSecretStore(handle.db, ring).renew(id, flowId);
      await createAiProviderStore(handle.db, ring).put(id, {
        baseUrl: 'https://llm.example/v1',
        model: 'small',
        apiKey: `sk-ai-${i}`,
      });
    }
    before = await everyValue(handle.db, keyring, workspaceIds);
  }, 60_000);
  afterAll(async () => {
    await handle?.close();
    await drop?.();
    rmSync(home, { recursive: true, force: true });
  });

  const total = () => workspaceIds.length * (1 + 1 + 3 + 2 + 1 + 1 + 1 + 1 + 1);
  const keyFile = () => join(home, 'secret.key');
  const keyOnly = (file: string): SecretKeyring => ({
    current: parseSecretKey(readFileSync(file, 'utf8'), file),
    previous: [],
    source: file,
  });

  it('covers every table that stores a sealed value', () => {
    expect(sealedColumns.map((c) => c.name)).toEqual([
      'AI provider keys',
      'channel credentials',
      'status webhook secrets',
      'IMAP mailbox passwords',
      'DKIM private keys',
      'sign-in code secrets',
      'webhook subscription secrets',
      'channel number secrets',
      'flow webhook signing secrets',
    ]);
    expect(Object.values(before).filter((v) => v === undefined)).toEqual([]);
  });

  it('re-seals every value with a new key that alone opens them all, and can do it twice', async () => {
    const oldKey = readFileSync(keyFile(), 'utf8');
    const progress: number[] = [];
    const first = await rotateSecretKey(handle.db, env, {
      batchSize: 4,
      onProgress: (p) => progress.push(p.resealed),
    });
    expect(first.resealed).toBe(total());
    expect(first.plan.resumed).toBe(false);
    // Shown as it goes, batch by batch.
    expect(progress.length).toBeGreaterThan(5);
    expect(readFileSync(keyFile(), 'utf8')).not.toBe(oldKey);
    expect(readFileSync(`${keyFile()}.retired`, 'utf8')).toBe(oldKey);
    expect(existsSync(`${keyFile()}.next`)).toBe(false);
    expect(await everyValue(handle.db, keyOnly(keyFile()), workspaceIds)).toEqual(before);
    // The old key alone opens none.
    await expect(everyValue(handle.db, keyOnly(`${keyFile()}.retired`), workspaceIds)).rejects.toThrow(
      /sealed with key/,
    );

    const second = await rotateSecretKey(handle.db, env, { batchSize: 50 });
    expect(second.resealed).toBe(total());
    expect(second.plan.next.id).not.toBe(first.plan.next.id);
    expect(await everyValue(handle.db, keyOnly(keyFile()), workspaceIds)).toEqual(before);
  }, 60_000);

  it('leaves every value readable after a crash half way, and a rerun finishes on the same key', async () => {
    let batches = 0;
    await expect(
      rotateSecretKey(handle.db, env, {
        batchSize: 3,
        afterBatch: () => {
          if (++batches === 3) throw new Error('power cut');
        },
      }),
    ).rejects.toThrow('power cut');
    const pending = readFileSync(`${keyFile()}.next`, 'utf8');
    // Half on each key, and what a restarted Omniflow loads opens both.
    const onPending = await countOtherKeys(handle.db, parseSecretKey(pending, 'pending').id);
    expect(onPending).toBeGreaterThan(0);
    expect(onPending).toBeLessThan(total());
    expect(await everyValue(handle.db, loadSecretKeyring(env), workspaceIds)).toEqual(before);

    const rerun = await rotateSecretKey(handle.db, env, { batchSize: 3 });
    expect(rerun.plan.resumed).toBe(true);
    expect(rerun.plan.next.id).toBe(parseSecretKey(pending, 'pending').id);
    // Only what was left: the values re-sealed before the crash are not done twice.
    expect(rerun.resealed).toBe(onPending);
    expect(await everyValue(handle.db, keyOnly(keyFile()), workspaceIds)).toEqual(before);
  }, 60_000);

  it('with OMNIFLOW_SECRET_KEY, asks for OMNIFLOW_SECRET_KEY_NEXT and re-seals with it', async () => {
    const current = readFileSync(keyFile(), 'utf8').trim();
    const next = Buffer.alloc(32, 7).toString('base64');
    await expect(rotateSecretKey(handle.db, { OMNIFLOW_SECRET_KEY: current })).rejects.toBeInstanceOf(
      RotationNeedsNextKey,
    );
    const outcome = await rotateSecretKey(handle.db, {
      OMNIFLOW_SECRET_KEY: current,
      OMNIFLOW_SECRET_KEY_NEXT: next,
    });
    expect(outcome.resealed).toBe(total());
    const nextOnly = { current: parseSecretKey(next, 'next'), previous: [], source: 'test' };
    expect(await everyValue(handle.db, nextOnly, workspaceIds)).toEqual(before);
    // Run again with the same keys: nothing left to do.
    expect(
      (await rotateSecretKey(handle.db, { OMNIFLOW_SECRET_KEY: current, OMNIFLOW_SECRET_KEY_NEXT: next }))
        .resealed,
    ).toBe(0);
  }, 60_000);

  it('runs from the CLI with progress, in Spanish, and refuses a bad batch size', async () => {
    const next = Buffer.alloc(32, 9).toString('base64');
    const cliEnv = {
      ...process.env,
      DATABASE_URL: url,
      OMNIFLOW_HOME: home,
      OMNIFLOW_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
      OMNIFLOW_SECRET_KEY_NEXT: next,
      OMNIFLOW_LANG: 'es',
    };
    const done = await run(process.execPath, [bin, 'secrets', 'rotate', '--batch', '5'], { env: cliEnv });
    expect(done.stdout).toContain('Listo: 36 valor(es) sellados de nuevo');
    expect(done.stderr).toContain('Sellando secretos de nuevo: 36/36');
    const nextOnly = { current: parseSecretKey(next, 'next'), previous: [], source: 'test' };
    expect(await everyValue(handle.db, nextOnly, workspaceIds)).toEqual(before);
    const bad = await run(process.execPath, [bin, 'secrets', 'rotate', '--batch', '0', '--lang', 'en'], {
      env: cliEnv,
    }).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 1 });
    const needsNext = await run(process.execPath, [bin, 'secrets', 'rotate', '--lang', 'en'], {
      env: { ...cliEnv, OMNIFLOW_SECRET_KEY_NEXT: '' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect((needsNext as { stderr: string }).stderr).toContain('set OMNIFLOW_SECRET_KEY_NEXT');
  }, 120_000);

  it('stops before switching keys when a value opens with no known key, losing nothing', async () => {
    const stranger = {
      current: parseSecretKey(Buffer.alloc(32, 3).toString('base64'), 'x'),
      previous: [],
      source: 'x',
    };
    const [row] = await handle.db.select().from(workspaceWebhooks).limit(1);
    const sealed = sealSecrets(stranger, { secret: 'lost' }, `${row!.workspaceId}/status-webhook`);
    await handle.db.update(workspaceWebhooks).set({ secretSealed: sealed.sealed, keyId: sealed.keyId });
    const keyBefore = readFileSync(keyFile(), 'utf8');
    await expect(rotateSecretKey(handle.db, { OMNIFLOW_HOME: home })).rejects.toThrow(
      /status webhook secrets: 3/,
    );
    expect(readFileSync(keyFile(), 'utf8')).toBe(keyBefore);
  }, 60_000);
});
