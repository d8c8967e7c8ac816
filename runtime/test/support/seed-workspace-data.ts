import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  aiProviders,
  aiUsage,
  callRecords,
  campaignRecipients,
  campaigns,
  contacts,
  conversations,
  flows,
  flowVersions,
  healthSamples,
  hookSecrets,
  mailAttachments,
  messages,
  newId,
  recordings,
  reportDeliveries,
  reportSchedules,
  runs,
  templates,
  voicePrompts,
  workspaces,
  type Db,
} from '@omniflow/db';
import type { RecordingStore } from '../../src/recordings/recording-store.ts';

/** What `seedWorkspaceData` made: counts per table and each stored file's bytes by key. */
export interface SeededData {
  workspaceId: string;
  counts: Record<string, number>;
  stored: Map<string, Buffer>;
  /** Sealed values of the workspace (a webhook flow's secret, the AI provider's key): never exported. */
  sealed: string[];
}

/** A WAV header over random samples: real enough for a player, unique per call. */
function wav(samples: number): Buffer {
  const data = randomBytes(samples * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/**
 * Known data in one workspace, across every table a backup or an export carries: a flow with two
 * versions, runs, contacts, messages, a conversation, calls with recordings, a voice prompt, a
 * mail attachment, templates, a campaign with recipients, channel health samples, a scheduled
 * report with a delivery, AI usage, and the sealed rows (hook secret, AI provider) an export leaves
 * out. Stored files go through `store`.
 */
export async function seedWorkspaceData(
  db: Db,
  store: RecordingStore,
  options: { workspaceId?: string; contacts?: number; tag?: string } = {},
): Promise<SeededData> {
  const tag = options.tag ?? randomBytes(3).toString('hex');
  let workspaceId = options.workspaceId;
  if (!workspaceId) {
    workspaceId = newId();
    await db.insert(workspaces).values({ id: workspaceId, name: `Seeded ${tag}` });
  }
  const stored = new Map<string, Buffer>();
  const scratch = await mkdtemp(join(tmpdir(), 'omniflow-seed-'));
  const put = async (key: string, bytes: Buffer) => {
    const file = join(scratch, 'f');
    await writeFile(file, bytes);
    await store.put(key, file, 'audio/wav');
    stored.set(key, bytes);
    return bytes.length;
  };
  const graph = { name: 'Seeded', nodes: [{ id: 'start', type: 'flow.start', config: {} }], edges: [] };
  const flowId = newId();
  await db
    .insert(flows)
    .values({ id: flowId, workspaceId, name: `Seeded flow ${tag}`, draft: graph, latestVersion: 2 });
  const versionIds = [newId(), newId()];
  await db.insert(flowVersions).values(
    versionIds.map((id, i) => ({
      id,
      workspaceId: workspaceId!,
      flowId,
      version: i + 1,
      graph,
      machine: {},
      hash: `h${i}${tag}`,
    })),
  );
  const contactCount = options.contacts ?? 25;
  const contactIds = Array.from({ length: contactCount }, () => newId());
  await db.insert(contacts).values(
    contactIds.map((id, i) => ({
      id,
      workspaceId: workspaceId!,
      displayName: `Persona ${i} «ñandú», "comillas"\nsalto`,
      attributes: { n: i },
    })),
  );
  const runIds = [newId(), newId(), newId()];
  await db.insert(runs).values(
    runIds.map((id) => ({
      id,
      workspaceId: workspaceId!,
      flowId,
      flowVersionId: versionIds[1]!,
      version: 2,
      status: 'completed' as const,
      temporalWorkflowId: `wf-${id}`,
    })),
  );
  const messageCount = 40;
  await db.insert(messages).values(
    Array.from({ length: messageCount }, (_, i) => ({
      id: newId(),
      workspaceId: workspaceId!,
      channel: 'sms' as const,
      direction: i % 2 ? ('inbound' as const) : ('outbound' as const),
      contactAddress: `+3460000${String(i).padStart(4, '0')}`,
      contactId: contactIds[i % contactCount]!,
      body: { text: `Mensaje ${i}` },
      status: 'delivered' as const,
    })),
  );
  await db
    .insert(conversations)
    .values({ id: newId(), workspaceId, channel: 'sms', contactAddress: '+34600000000' });
  const callIds = [newId(), newId()];
  await db.insert(callRecords).values(
    callIds.map((id, i) => ({
      id,
      workspaceId: workspaceId!,
      callId: `call-${id}`,
      driver: 'sip',
      runId: runIds[i]!,
      flowId,
      fromNumber: '+34911000000',
      toNumber: '+34600000001',
      startedAt: new Date(),
    })),
  );
  for (const [i, callId] of callIds.entries()) {
    const id = newId();
    const key = `${workspaceId}/2026/12/07/${id}.wav`;
    const bytes = await put(key, wav(4000 + i * 100));
    await db.insert(recordings).values({
      id,
      workspaceId,
      callRecordId: callId,
      fromNumber: '+34911000000',
      toNumber: '+34600000001',
      storageKey: key,
      bytes,
      durationMs: 500,
    });
  }
  const promptId = newId();
  const promptKey = `prompts/${workspaceId}/${promptId}.wav`;
  await db.insert(voicePrompts).values({
    id: promptId,
    workspaceId,
    name: `Bienvenida ${tag}`,
    durationMs: 250,
    bytes: await put(promptKey, wav(2000)),
    storageKey: promptKey,
  });
  const attachmentId = newId();
  const attachmentKey = `${workspaceId}/mail/2026/12/07/${attachmentId}`;
  await db.insert(mailAttachments).values({
    id: attachmentId,
    workspaceId,
    filename: 'factura.pdf',
    contentType: 'application/pdf',
    bytes: await put(attachmentKey, randomBytes(3000)),
    storageKey: attachmentKey,
  });
  await db.insert(templates).values([
    {
      id: newId(),
      workspaceId,
      name: `Aviso ${tag}`,
      kind: 'text',
      variants: { es: { body: 'Hola {{name}}' } },
    },
    { id: newId(), workspaceId, name: `Boletín ${tag}`, kind: 'email', variants: {} },
  ]);
  const campaignId = newId();
  await db
    .insert(campaigns)
    .values({ id: campaignId, workspaceId, name: `Campaña ${tag}`, kind: 'broadcast', channels: ['sms'] });
  const recipientCount = 10;
  await db.insert(campaignRecipients).values(
    contactIds.slice(0, recipientCount).map((contactId, i) => ({
      campaignId,
      contactId,
      workspaceId: workspaceId!,
      channel: 'sms' as const,
      address: `+3460000${String(i).padStart(4, '0')}`,
      status: i % 3 ? ('sent' as const) : ('failed' as const),
    })),
  );
  const now = Date.now();
  await db.insert(healthSamples).values(
    [0, 1].map((i) => ({
      id: newId(),
      workspaceId: workspaceId!,
      component: 'sms',
      kind: 'smpp',
      sampledAt: new Date(now - i * 60_000),
      intervalMs: 60_000,
      up: i === 0,
      ...(i === 0 ? {} : { lastError: `bind refused ${tag}`, lastErrorAt: new Date(now - 60_000) }),
    })),
  );
  const scheduleId = newId();
  await db.insert(reportSchedules).values({
    id: scheduleId,
    workspaceId,
    report: 'call-traffic',
    period: 'yesterday',
    format: 'pdf',
    frequency: 'daily',
    hour: 7,
    recipients: [`jefa-${tag}@example.test`],
    language: 'es',
    nextRunAt: new Date(now + 86_400_000),
  });
  await db
    .insert(reportDeliveries)
    .values({ id: newId(), workspaceId, scheduleId, trigger: 'schedule', status: 'sent', attempts: 1 });
  await db.insert(aiUsage).values(
    [0, 1].map((i) => ({
      workspaceId: workspaceId!,
      flowId,
      runId: newId(),
      nodeId: 'classify',
      model: 'small',
      promptTokens: 100 + i,
      completionTokens: 10 + i,
    })),
  );
  // Sealed rows: made-up ciphertexts are enough, nothing opens them here.
  const sealed = [`v1.seed-hook-${tag}`, `v1.seed-ai-${tag}`];
  await db.insert(hookSecrets).values({ flowId, workspaceId, secretSealed: sealed[0]!, keyId: 'seed' });
  await db.insert(aiProviders).values({
    workspaceId,
    baseUrl: 'https://llm.example/v1',
    model: 'small',
    secretsSealed: sealed[1]!,
    keyId: 'seed',
    hasApiKey: true,
  });
  await rm(scratch, { recursive: true, force: true });
  return {
    sealed,
    workspaceId,
    stored,
    counts: {
      flows: 1,
      flow_versions: 2,
      contacts: contactCount,
      runs: 3,
      messages: messageCount,
      conversations: 1,
      call_records: 2,
      recordings: 2,
      voice_prompts: 1,
      mail_attachments: 1,
      templates: 2,
      campaigns: 1,
      campaign_recipients: recipientCount,
      health_samples: 2,
      report_schedules: 1,
      report_deliveries: 1,
      ai_usage: 2,
    },
  };
}
