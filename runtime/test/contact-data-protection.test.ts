import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import {
  auditEvents,
  callRecords,
  campaignRecipients,
  campaigns,
  contacts,
  conversations,
  emailEvents,
  messages,
  newId,
  recordings,
  runs,
  runSteps,
  segmentMembers,
  segments,
} from '@omniflow/db';
import { createApiKey } from '../src/api/api-keys.ts';
import { campaignStats } from '../src/campaigns/campaign-stats.ts';
import { createFilesystemRecordingStore } from '../src/recordings/filesystem-recording-store.ts';
import { seedRun } from './support/seed-run.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const tinyFlow = {
  name: 'Cita médica',
  nodes: [
    { id: 'start', type: 'flow.start', config: {} },
    { id: 'end', type: 'flow.end', config: {} },
  ],
  edges: [{ id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'end' } }],
};

/** A real WAV: one second of a 440 Hz tone, 8 kHz mono 16-bit, as calls are recorded. */
function toneWav(): Buffer {
  const rate = 8000;
  const pcm = Buffer.alloc(rate * 2);
  for (let i = 0; i < rate; i++)
    pcm.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
}

interface Archive {
  files: Record<string, Buffer>;
  manifest: { contactId: string; files: { path: string; records?: number; bytes: number; sha256: string }[] };
}

describe('a contact’s data-protection export and erasure', () => {
  let omni: TestOmniflow;
  let workspaceId: string;
  let recordingDir: string;
  let designer: Record<string, string>;
  const wav = toneWav();

  beforeAll(async () => {
    recordingDir = await mkdtemp(join(tmpdir(), 'omniflow-dp-'));
    omni = await startTestOmniflow({
      worker: false,
      appDeps: { recordingStore: createFilesystemRecordingStore({ dir: recordingDir }) },
    });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    designer = {
      authorization: `Bearer ${(await createApiKey(omni.handle.db, workspaceId, 'd', null, 'designer')).key}`,
    };
  });
  afterAll(async () => {
    await omni?.close();
    await rm(recordingDir, { recursive: true, force: true });
  });

  /** A person with two addresses, messages both ways, an email open, a call with its recording,
   * a run with a step holding their answer, a conversation, a campaign and a list. */
  async function seedPerson(phone: string, email: string) {
    await omni.call('POST', '/api/v1/contact-fields', { key: 'dni', label: 'DNI', type: 'text' });
    const made = await omni.call('POST', '/api/v1/contacts', {
      firstName: 'Lucía',
      lastName: 'Pérez',
      tags: ['paciente'],
      attributes: { dni: '12345678Z' },
      addresses: [
        { channel: 'sms', address: phone, consent: { source: 'web_form' } },
        { channel: 'email', address: email },
      ],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const person = made.body as { id: string };
    const d = omni.handle.db;
    const messageIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const id = newId();
      messageIds.push(id);
      await d.insert(messages).values({
        id,
        workspaceId,
        channel: i % 2 ? 'email' : 'sms',
        direction: i === 0 ? 'inbound' : 'outbound',
        contactAddress: i % 2 ? email : phone,
        ...(i === 3 ? { contactId: person.id } : {}),
        body: { text: `Mi cita del martes ${i}` },
        status: 'delivered',
      });
    }
    await d.insert(emailEvents).values({ id: newId(), workspaceId, messageId: messageIds[1]!, type: 'open' });
    const callId = newId();
    await d.insert(callRecords).values({
      id: callId,
      workspaceId,
      callId: `sip-${callId}`,
      driver: 'sip',
      fromNumber: phone.replace('+', ''),
      toNumber: '34900000000',
      startedAt: new Date(),
      durationMs: 1000,
    });
    await writeFile(join(recordingDir, 'upload.wav'), wav);
    const store = createFilesystemRecordingStore({ dir: recordingDir });
    const storageKey = `${workspaceId}/${callId}.wav`;
    const { bytes } = await store.put(storageKey, join(recordingDir, 'upload.wav'), 'audio/wav');
    const recordingId = newId();
    await d.insert(recordings).values({
      id: recordingId,
      workspaceId,
      callRecordId: callId,
      fromNumber: phone.replace('+', ''),
      toNumber: '34900000000',
      storageKey,
      bytes,
      durationMs: 1000,
    });
    const run = await seedRun(d, omni.deps.registry, tinyFlow, { text: 'Quiero mi cita, DNI 12345678Z' });
    await d.update(runs).set({ contact: phone, status: 'completed' }).where(eq(runs.id, run.runId));
    await d.insert(runSteps).values({
      workspaceId,
      runId: run.runId,
      seq: 1,
      nodeId: 'start',
      nodeType: 'flow.start',
      enteredAt: new Date(),
      output: { answer: 'DNI 12345678Z' },
    });
    await d.insert(conversations).values({ id: newId(), workspaceId, channel: 'sms', contactAddress: phone });
    const campaignId = newId();
    await d
      .insert(campaigns)
      .values({ id: campaignId, workspaceId, name: 'Recordatorio', kind: 'broadcast', channels: ['sms'] });
    await d.insert(campaignRecipients).values({
      campaignId,
      contactId: person.id,
      workspaceId,
      channel: 'sms',
      address: phone,
      status: 'delivered',
      messageId: messageIds[2]!,
    });
    const segmentId = newId();
    await d
      .insert(segments)
      .values({ id: segmentId, workspaceId, name: `Pacientes ${segmentId}`, kind: 'static' });
    await d.insert(segmentMembers).values({ segmentId, contactId: person.id });
    return { person, messageIds, storageKey, recordingId, runId: run.runId, campaignId };
  }

  async function exportOf(id: string): Promise<Archive> {
    const response = await omni.app.request(`/api/v1/contacts/${id}/export`, {
      headers: { authorization: `Bearer ${omni.apiKey}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toContain(`contact-${id}.zip`);
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
    const files: Record<string, Buffer> = {};
    for (const [path, entry] of Object.entries(zip.files))
      if (!entry.dir) files[path] = await entry.async('nodebuffer');
    return { files, manifest: JSON.parse(files['manifest.json']!.toString('utf8')) };
  }
  const lines = (archive: Archive, path: string) =>
    archive.files[path]!.toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, any>);

  it('exports everything held about the person in one zip that matches its manifest', async () => {
    const { person, messageIds, recordingId, runId, campaignId } = await seedPerson(
      '+34611000001',
      'lucia@example.org',
    );
    const archive = await exportOf(person.id);
    // Every file is listed with its size and checksum, and every listed file is there.
    expect(Object.keys(archive.files).sort()).toEqual(
      [...archive.manifest.files.map((f) => f.path), 'manifest.json'].sort(),
    );
    for (const file of archive.manifest.files) {
      const body = archive.files[file.path]!;
      expect(body.length).toBe(file.bytes);
      expect(createHash('sha256').update(body).digest('hex')).toBe(file.sha256);
    }
    expect(archive.manifest.contactId).toBe(person.id);
    const contact = JSON.parse(archive.files['contact.json']!.toString('utf8'));
    expect(contact).toMatchObject({
      firstName: 'Lucía',
      lastName: 'Pérez',
      attributes: { dni: '12345678Z' },
    });
    const addresses = archive.files['addresses.csv']!.toString('utf8');
    expect(addresses).toContain('"sms","+34611000001"');
    expect(addresses).toMatch(/"web_form"/);
    expect(
      lines(archive, 'messages.jsonl')
        .map((m) => m.id)
        .sort(),
    ).toEqual([...messageIds].sort());
    expect(lines(archive, 'messages.jsonl')[0]!.body.text).toMatch(/Mi cita/);
    expect(lines(archive, 'email-events.jsonl')).toHaveLength(1);
    expect(lines(archive, 'runs.jsonl').map((r) => r.id)).toEqual([runId]);
    expect(lines(archive, 'run-steps.jsonl')[0]!.output).toEqual({ answer: 'DNI 12345678Z' });
    expect(lines(archive, 'conversations.jsonl')).toHaveLength(1);
    expect(lines(archive, 'calls.jsonl')).toHaveLength(1);
    expect(archive.files['campaigns.csv']!.toString('utf8')).toContain(`"${campaignId}","Recordatorio"`);
    expect(archive.files['segments.csv']!.toString('utf8')).toMatch(/Pacientes/);
    // The recording, byte for byte, as a WAV file.
    const [recording] = lines(archive, 'recordings.jsonl');
    expect(recording).toMatchObject({ id: recordingId, file: `recordings/${recordingId}.wav` });
    const audio = archive.files[`recordings/${recordingId}.wav`]!;
    expect(audio.equals(wav)).toBe(true);
    expect(audio.subarray(0, 4).toString()).toBe('RIFF');
    expect(audio.subarray(8, 12).toString()).toBe('WAVE');
    // Audited, with what was handed over.
    const [audited] = await omni.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'contact.exported'), eq(auditEvents.resourceId, person.id)));
    expect(audited).toMatchObject({ workspaceId, actorKind: 'api-key', resourceType: 'contact' });
    expect((audited!.details as { files: unknown[] }).files.length).toBe(archive.manifest.files.length);
  });

  it('erases the person but keeps an anonymous row, so every count stays the same', async () => {
    const { person, storageKey, recordingId, campaignId } = await seedPerson(
      '+34611000002',
      'borrar@example.org',
    );
    const d = omni.handle.db;
    const messagesBefore = await d.select({ n: count() }).from(messages);
    const contactsBefore = await d.select({ n: count() }).from(contacts);
    const statsBefore = await campaignStats(d, { id: campaignId, ratePerSecond: null });
    expect(existsSync(join(recordingDir, storageKey))).toBe(true);

    const erased = await omni.call('POST', `/api/v1/contacts/${person.id}/erase`);
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect(erased.body).toMatchObject({ messages: 4, recordings: 1 });
    const trail = await d.select().from(auditEvents).where(eq(auditEvents.resourceId, person.id));
    expect(trail.map((row) => row.action)).toContain('contact.erased');
    // Earlier rows about them keep who and when, not what they held.
    expect(JSON.stringify(trail.filter((row) => row.action !== 'contact.erased'))).not.toMatch(/borrar@/);

    expect(await d.select({ n: count() }).from(messages)).toEqual(messagesBefore);
    expect(await d.select({ n: count() }).from(contacts)).toEqual(contactsBefore);
    expect(await campaignStats(d, { id: campaignId, ratePerSecond: null })).toEqual(statsBefore);
    expect(existsSync(join(recordingDir, storageKey))).toBe(false);
    expect(await d.select().from(recordings).where(eq(recordings.id, recordingId))).toEqual([]);

    const shown = await omni.call('GET', `/api/v1/contacts/${person.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({
      firstName: '',
      lastName: '',
      displayName: '',
      tags: [],
      attributes: {},
      addresses: [],
      erasedAt: erased.body.erasedAt,
    });

    // Nothing personal is left to export: no name, address, body, answer or audio.
    const archive = await exportOf(person.id);
    const everything = Object.entries(archive.files)
      .filter(([path]) => path !== 'manifest.json')
      .map(([, body]) => body.toString('utf8'))
      .join('\n');
    for (const personal of ['Lucía', 'Pérez', '12345678Z', '34611000002', 'borrar@example.org', 'Mi cita'])
      expect(everything).not.toContain(personal);
    expect(Object.keys(archive.files).filter((p) => p.startsWith('recordings/'))).toEqual([]);
    // Their messages stay theirs (the anonymous row's), emptied: per-contact counts hold.
    expect(lines(archive, 'messages.jsonl').map((m) => [m.body, m.contactAddress])).toEqual(
      Array.from({ length: 4 }, () => [{}, '']),
    );

    // Asking again changes nothing and keeps the first time.
    const again = await omni.call('POST', `/api/v1/contacts/${person.id}/erase`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ messages: 0, recordings: 0, erasedAt: erased.body.erasedAt });
  });

  it('refuses to erase while a run for them is in progress, in the caller’s language', async () => {
    const { person, runId } = await seedPerson('+34611000003', 'espera@example.org');
    await omni.handle.db.update(runs).set({ status: 'waiting' }).where(eq(runs.id, runId));
    const refused = await omni.call('POST', `/api/v1/contacts/${person.id}/erase`, undefined, {
      'accept-language': 'es',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CONTACT_RUNS_IN_PROGRESS');
    expect(refused.body.error.message).toMatch(/en curso/);
    expect(refused.body.error.details.runIds).toEqual([runId]);
    expect((await omni.call('GET', `/api/v1/contacts/${person.id}`)).body.firstName).toBe('Lucía');
    await omni.handle.db.update(runs).set({ status: 'cancelled' }).where(eq(runs.id, runId));
    expect((await omni.call('POST', `/api/v1/contacts/${person.id}/erase`)).status).toBe(200);
  });

  it('answers 404 for an unknown or malformed id, 403 to a non-admin', async () => {
    const { person } = await seedPerson('+34611000004', 'roles@example.org');
    const unknown = newId();
    expect((await omni.call('GET', `/api/v1/contacts/${unknown}/export`)).status).toBe(404);
    expect((await omni.call('POST', `/api/v1/contacts/${unknown}/erase`)).status).toBe(404);
    expect((await omni.call('GET', '/api/v1/contacts/not-an-id/export')).status).toBe(400);
    expect((await omni.call('POST', '/api/v1/contacts/not-an-id/erase')).status).toBe(400);
    expect((await omni.call('GET', `/api/v1/contacts/${person.id}/export`, undefined, designer)).status).toBe(
      403,
    );
    expect((await omni.call('POST', `/api/v1/contacts/${person.id}/erase`, undefined, designer)).status).toBe(
      403,
    );
    expect((await omni.call('GET', `/api/v1/contacts/${person.id}`)).body.firstName).toBe('Lucía');
  });
});
