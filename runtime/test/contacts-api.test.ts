import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  callRecords,
  campaignRecipients,
  campaigns,
  contactChannels,
  emailEvents,
  messages,
  newId,
  recordings,
  runs,
  segmentMembers,
  segments,
} from '@omniflow/db';
import { createApiKey } from '../src/api/api-keys.ts';
import { createMessagingService } from '../src/messaging/messaging-service.ts';
import { routeInbound } from '../src/messaging/route-inbound.ts';
import { createFilesystemRecordingStore } from '../src/recordings/filesystem-recording-store.ts';
import { seedRun } from './support/seed-run.ts';
import { campaignStats } from '../src/campaigns/campaign-stats.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const tinyFlow = {
  name: 'Recordatorio',
  nodes: [
    { id: 'start', type: 'flow.start', config: {} },
    { id: 'end', type: 'flow.end', config: {} },
  ],
  edges: [{ id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'end' } }],
};

// PostgreSQL is what installs run; PGlite is cheap and is what `omniflow dev` runs.
const databases = [
  ...(inject('postgresUrl') ? [{ db: 'postgres' as const }] : []),
  { db: 'pglite' as const },
];

describe.each(databases)('contacts API on $db', ({ db }) => {
  let omni: TestOmniflow;
  let workspaceId: string;
  let recordingDir: string;
  const as: Record<'agent' | 'coordinator', Record<string, string>> = { agent: {}, coordinator: {} };

  beforeAll(async () => {
    recordingDir = await mkdtemp(join(tmpdir(), 'omniflow-contacts-'));
    omni = await startTestOmniflow({
      db,
      worker: false,
      appDeps: { recordingStore: createFilesystemRecordingStore({ dir: recordingDir }) },
    });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    for (const role of ['agent', 'coordinator'] as const) {
      const { key } = await createApiKey(omni.handle.db, workspaceId, role, null, role);
      as[role] = { authorization: `Bearer ${key}` };
    }
  });
  afterAll(async () => {
    await omni?.close();
    await rm(recordingDir, { recursive: true, force: true });
  });

  const create = async (body: object) => {
    const made = await omni.call('POST', '/api/v1/contacts', body);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    return made.body as { id: string; addresses: { id: string; channel: string; address: string }[] };
  };

  it('creates a person with typed fields, tags and addresses, and finds them by name or address', async () => {
    expect(
      (await omni.call('POST', '/api/v1/contact-fields', { key: 'fecha_cita', label: 'Cita', type: 'date' }))
        .status,
    ).toBe(201);
    await omni.call('POST', '/api/v1/contact-fields', {
      key: 'plan',
      label: 'Plan',
      type: 'choice',
      choices: ['basico', 'premium'],
    });
    await omni.call('POST', '/api/v1/contact-fields', { key: 'hijos', label: 'Hijos', type: 'number' });
    const ana = await create({
      firstName: 'Ana',
      lastName: 'Quispe',
      language: 'es-PE',
      timezone: 'America/Lima',
      tags: ['vip', 'lima', 'vip'],
      attributes: { fecha_cita: '2026-03-31', plan: 'premium', hijos: 2, nota_libre: 'sin tipo' },
      addresses: [
        { channel: 'sms', address: '+51 987 654 321', consent: { source: 'web_form' } },
        { channel: 'email', address: 'Ana@Example.org' },
        { channel: 'whatsapp', address: '+51987654321' },
      ],
    });
    const got = await omni.call('GET', `/api/v1/contacts/${ana.id}`, undefined, as.agent);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      firstName: 'Ana',
      timezone: 'America/Lima',
      tags: ['vip', 'lima'],
      attributes: { fecha_cita: '2026-03-31', plan: 'premium', hijos: 2, nota_libre: 'sin tipo' },
    });
    const sms = got.body.addresses.find((a: { channel: string }) => a.channel === 'sms');
    expect(sms).toMatchObject({ address: '+51987654321', consent: { source: 'web_form' }, optedOut: null });
    expect(got.body.addresses.find((a: { channel: string }) => a.channel === 'email').address).toBe(
      'ana@example.org',
    );

    await create({ firstName: 'Bruno', addresses: [{ channel: 'email', address: 'bruno@example.org' }] });
    const byName = await omni.call('GET', '/api/v1/contacts?q=quis');
    expect(byName.body.items.map((c: { id: string }) => c.id)).toEqual([ana.id]);
    const byAddress = await omni.call('GET', '/api/v1/contacts?q=987654');
    expect(byAddress.body.items.map((c: { id: string }) => c.id)).toEqual([ana.id]);
    const byTag = await omni.call('GET', '/api/v1/contacts?tag=vip');
    expect(byTag.body.items.map((c: { id: string }) => c.id)).toEqual([ana.id]);
    const withConsent = await omni.call('GET', '/api/v1/contacts?channel=sms&consent=true');
    expect(withConsent.body.items.map((c: { id: string }) => c.id)).toEqual([ana.id]);
    const noConsentEmail = await omni.call('GET', '/api/v1/contacts?channel=email&consent=false');
    expect(noConsentEmail.body.items).toHaveLength(2);
  });

  it('answers 400 with a message per field for values that do not fit', async () => {
    const bad = await omni.call('POST', '/api/v1/contacts', {
      timezone: 'Mars/Olympus',
      language: 'Spanish',
      attributes: { fecha_cita: '31/03/2026', plan: 'gold', hijos: 'dos' },
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['timezone', 'language']));
    // Types are checked once the shape is right.
    const typed = await omni.call('POST', '/api/v1/contacts', {
      attributes: { fecha_cita: '31/03/2026', plan: 'gold', hijos: 'dos' },
    });
    expect(typed.status).toBe(400);
    expect(typed.body.error.details.issues).toEqual([
      { path: 'attributes.fecha_cita', message: 'Cita is a date like 2026-03-31' },
      { path: 'attributes.plan', message: 'Plan is one of: basico, premium' },
      { path: 'attributes.hijos', message: 'Hijos is a number, like 42 or 3.5' },
    ]);
    const phone = await omni.call('POST', '/api/v1/contacts', {
      addresses: [{ channel: 'sms', address: '987654321' }],
    });
    expect(phone.status).toBe(400);
    expect(phone.body.error.details.issues[0]).toMatchObject({ path: 'addresses.0.address' });
    expect(phone.body.error.message).toContain('+51987654321');
    const choiceless = await omni.call('POST', '/api/v1/contact-fields', {
      key: 'x',
      label: 'X',
      type: 'choice',
    });
    expect(choiceless.status).toBe(400);
    expect(choiceless.body.error.details.issues[0].path).toBe('choices');
    const badCursor = await omni.call('GET', `/api/v1/contacts/${newId()}/timeline?cursor=nonsense`);
    expect([400, 404]).toContain(badCursor.status);
  });

  it('pages the list with a cursor, and manages field definitions and addresses', async () => {
    const first = await omni.call('GET', '/api/v1/contacts?limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await omni.call('GET', `/api/v1/contacts?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].id < first.body.items[0].id).toBe(true);

    const fields = await omni.call('GET', '/api/v1/contact-fields', undefined, as.agent);
    const plan = fields.body.items.find((f: { key: string }) => f.key === 'plan');
    const renamed = await omni.call(
      'PATCH',
      `/api/v1/contact-fields/${plan.id}`,
      { label: 'Tarifa', choices: ['basico', 'premium', 'oro'] },
      as.coordinator,
    );
    expect(renamed.body).toMatchObject({
      label: 'Tarifa',
      type: 'choice',
      choices: ['basico', 'premium', 'oro'],
    });
    const dupKey = await omni.call('POST', '/api/v1/contact-fields', {
      key: 'plan',
      label: 'P',
      type: 'text',
    });
    expect(dupKey.status).toBe(409);
    const temp = await omni.call('POST', '/api/v1/contact-fields', {
      key: 'temporal',
      label: 'T',
      type: 'boolean',
    });
    expect((await omni.call('DELETE', `/api/v1/contact-fields/${temp.body.id}`)).status).toBe(204);
    expect((await omni.call('DELETE', `/api/v1/contact-fields/${temp.body.id}`)).status).toBe(404);

    const person = await create({ firstName: 'Fede' });
    const added = await omni.call('POST', `/api/v1/contacts/${person.id}/addresses`, {
      channel: 'email',
      address: ' Fede@Example.ORG ',
      consent: { source: 'api', at: '2026-02-01T09:00:00Z' },
    });
    expect(added.status).toBe(201);
    const address = added.body.addresses[0];
    expect(address).toMatchObject({
      address: 'fede@example.org',
      consent: { source: 'api', at: '2026-02-01T09:00:00.000Z' },
    });
    const withdrawn = await omni.call('PATCH', `/api/v1/contacts/${person.id}/addresses/${address.id}`, {
      consent: null,
    });
    expect(withdrawn.body.consent).toBeNull();
    const cleared = await omni.call('PATCH', `/api/v1/contacts/${person.id}`, {
      timezone: null,
      attributes: { plan: 'oro' },
    });
    expect(cleared.body).toMatchObject({ timezone: null, attributes: { plan: 'oro' } });
    expect((await omni.call('DELETE', `/api/v1/contacts/${person.id}/addresses/${address.id}`)).status).toBe(
      204,
    );
    expect((await omni.call('GET', `/api/v1/contacts/${person.id}`)).body.addresses).toEqual([]);
  });

  it('answers 404 for a contact that is not there, and 409 for an address someone has', async () => {
    const missing = newId();
    for (const [method, path, body] of [
      ['GET', `/api/v1/contacts/${missing}`],
      ['PATCH', `/api/v1/contacts/${missing}`, { firstName: 'X' }],
      ['DELETE', `/api/v1/contacts/${missing}`],
      ['GET', `/api/v1/contacts/${missing}/timeline`],
      ['POST', `/api/v1/contacts/${missing}/addresses`, { channel: 'sms', address: '+34600000001' }],
    ] as const) {
      const answer = await omni.call(method, path, body);
      expect({ path, method, status: answer.status }).toEqual({ path, method, status: 404 });
    }
    const taken = await omni.call('POST', '/api/v1/contacts', {
      addresses: [{ channel: 'email', address: 'BRUNO@example.org' }],
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('ADDRESS_TAKEN');
  });

  it('lets agents read, coordinators edit, and only admins erase or merge', async () => {
    const person = await create({ firstName: 'Roles' });
    expect((await omni.call('GET', '/api/v1/contacts', undefined, as.agent)).status).toBe(200);
    expect((await omni.call('POST', '/api/v1/contacts', {}, as.agent)).status).toBe(403);
    expect(
      (await omni.call('PATCH', `/api/v1/contacts/${person.id}`, { lastName: 'X' }, as.agent)).status,
    ).toBe(403);
    expect(
      (await omni.call('POST', '/api/v1/contact-fields', { key: 'y', label: 'Y', type: 'text' }, as.agent))
        .status,
    ).toBe(403);
    const edited = await omni.call(
      'PATCH',
      `/api/v1/contacts/${person.id}`,
      { lastName: 'Editado' },
      as.coordinator,
    );
    expect(edited.status).toBe(200);
    expect(edited.body.lastName).toBe('Editado');
    expect(
      (await omni.call('DELETE', `/api/v1/contacts/${person.id}`, undefined, as.coordinator)).status,
    ).toBe(403);
    expect(
      (await omni.call('POST', `/api/v1/contacts/${person.id}/merge`, { from: newId() }, as.coordinator))
        .status,
    ).toBe(403);
  });

  it('records consent and opt-out per address, and an inbound START as keyword consent', async () => {
    const person = await create({
      firstName: 'Carla',
      addresses: [{ channel: 'sms', address: '+34600000002' }],
    });
    const address = person.addresses[0]!;
    const out = await omni.call('PATCH', `/api/v1/contacts/${person.id}/addresses/${address.id}`, {
      optedOut: true,
    });
    expect(out.body.optedOut).toMatchObject({ source: 'manual' });

    const deps = {
      db: omni.handle.db,
      temporal: omni.temporal,
      taskQueue: omni.taskQueue,
      messaging: createMessagingService({ db: omni.handle.db, drivers: {} }),
    };
    const receivedAt = new Date('2026-05-01T12:00:00Z');
    const start = await routeInbound(deps, workspaceId, {
      channel: 'sms',
      from: '+34600000002',
      to: '+34900000000',
      providerMessageId: `p-${newId()}`,
      text: 'START',
      receivedAt,
    });
    expect(start.outcome).toBe('opted-in');
    const after = await omni.call('GET', `/api/v1/contacts/${person.id}`);
    expect(after.body.addresses[0]).toMatchObject({
      optedOut: null,
      consent: { source: 'keyword', at: receivedAt.toISOString() },
    });
  });

  it("puts an inbound message on the person's timeline, found by any of their addresses", async () => {
    const person = await create({
      firstName: 'Diego',
      addresses: [
        { channel: 'sms', address: '+34600000003' },
        { channel: 'whatsapp', address: '+34600000003' },
      ],
    });
    const deps = {
      db: omni.handle.db,
      temporal: omni.temporal,
      taskQueue: omni.taskQueue,
      messaging: createMessagingService({ db: omni.handle.db, drivers: {} }),
    };
    const routed = await routeInbound(deps, workspaceId, {
      channel: 'whatsapp',
      from: '+34600000003',
      to: '+34900000000',
      providerMessageId: `wamid.${newId()}`,
      text: 'Hola, ¿mi cita?',
      receivedAt: new Date(),
    });
    expect(routed.outcome).toBe('unrouted');
    const [row] = await omni.handle.db
      .select({ contactId: messages.contactId })
      .from(messages)
      .where(eq(messages.contactAddress, '+34600000003'));
    expect(row!.contactId).toBe(person.id);
    const timeline = await omni.call('GET', `/api/v1/contacts/${person.id}/timeline`, undefined, as.agent);
    expect(timeline.status).toBe(200);
    expect(timeline.body.items).toEqual([
      expect.objectContaining({
        kind: 'message',
        channel: 'whatsapp',
        direction: 'inbound',
        status: 'received',
        detail: expect.objectContaining({ body: { text: 'Hola, ¿mi cita?' } }),
      }),
    ]);
  });

  /** A person with a bit of everything: SMS and email messages, an open, a call, a run, a campaign. */
  async function seedHistory(phone: string, email: string) {
    const person = await create({
      firstName: 'Historia',
      addresses: [
        { channel: 'sms', address: phone },
        { channel: 'email', address: email },
      ],
    });
    const d = omni.handle.db;
    const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 10, minutes));
    const messageIds: string[] = [];
    // Older rows have no contact_id: found by address.
    for (let i = 0; i < 5; i++) {
      const id = newId();
      messageIds.push(id);
      await d.insert(messages).values({
        id,
        workspaceId,
        channel: i % 2 ? 'email' : 'sms',
        direction: 'outbound',
        contactAddress: i % 2 ? email : phone,
        body: i % 2 ? { email: { subject: `Asunto ${i}` }, text: `Mensaje ${i}` } : { text: `Mensaje ${i}` },
        status: 'delivered',
        createdAt: at(i),
      });
    }
    await d
      .insert(emailEvents)
      .values({ id: newId(), workspaceId, messageId: messageIds[1]!, type: 'open', at: at(10) });
    const callId = newId();
    await d.insert(callRecords).values({
      id: callId,
      workspaceId,
      callId: `sip-${callId}`,
      driver: 'sip',
      fromNumber: phone.replace('+', ''),
      toNumber: '34900000000',
      startedAt: at(20),
      answeredAt: at(20),
      durationMs: 42_000,
    });
    await writeFile(join(recordingDir, 'audio.wav'), 'RIFF....');
    const store = createFilesystemRecordingStore({ dir: recordingDir });
    const storageKey = `${workspaceId}/${callId}.wav`;
    const { bytes } = await store.put(storageKey, join(recordingDir, 'audio.wav'), 'audio/wav');
    const recordingId = newId();
    await d.insert(recordings).values({
      id: recordingId,
      workspaceId,
      callRecordId: callId,
      fromNumber: phone.replace('+', ''),
      toNumber: '34900000000',
      storageKey,
      bytes,
      durationMs: 42_000,
    });
    const run = await seedRun(d, omni.deps.registry, tinyFlow, { text: 'Quiero mi cita' });
    await d
      .update(runs)
      .set({ contact: phone, startedAt: at(30) })
      .where(eq(runs.id, run.runId));
    const campaignId = newId();
    await d.insert(campaigns).values({
      id: campaignId,
      workspaceId,
      name: 'Recordatorio de marzo',
      kind: 'broadcast',
      channels: ['sms'],
    });
    await d.insert(campaignRecipients).values({
      campaignId,
      contactId: person.id,
      workspaceId,
      channel: 'sms',
      address: phone,
      status: 'delivered',
      messageId: messageIds[4]!,
      updatedAt: at(40),
    });
    return { person, messageIds, callId, recordingId, storageKey, campaignId, runId: run.runId };
  }

  it('shows calls, messages, email opens, runs and campaigns newest first, a page at a time', async () => {
    const { person, recordingId } = await seedHistory('+34600000004', 'historia@example.org');
    const all = await omni.call('GET', `/api/v1/contacts/${person.id}/timeline?limit=200`);
    expect(all.body.items.map((i: { kind: string }) => i.kind)).toEqual([
      'campaign',
      'run',
      'call',
      'email_event',
      'message',
      'message',
      'message',
      'message',
      'message',
    ]);
    expect(all.body.items[2]).toMatchObject({
      channel: 'voice',
      status: 'answered',
      detail: { recordingId },
    });
    expect(all.body.items[3]).toMatchObject({ status: 'open', detail: { subject: 'Asunto 1' } });
    expect(all.body.items[0].detail.name).toBe('Recordatorio de marzo');
    expect(all.body.items[1].detail.flowName).toBe('Recordatorio');

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await omni.call(
        'GET',
        `/api/v1/contacts/${person.id}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((i: { id: string }) => i.id));
  });

  it('merges a duplicate: addresses, messages, campaigns, lists, tags and fields follow', async () => {
    const kept = await create({
      firstName: 'Elena',
      tags: ['a'],
      attributes: { plan: 'basico' },
      addresses: [{ channel: 'sms', address: '+34600000005' }],
    });
    const { person: dup, campaignId } = await seedHistory('+34600000006', 'elena@example.org');
    await omni.call('PATCH', `/api/v1/contacts/${dup.id}`, {
      tags: ['b'],
      lastName: 'Ruiz',
      attributes: { hijos: 1, plan: 'premium' },
    });
    const segmentId = newId();
    await omni.handle.db
      .insert(segments)
      .values({ id: segmentId, workspaceId, name: `lista ${segmentId}`, kind: 'static' });
    await omni.handle.db.insert(segmentMembers).values([
      { segmentId, contactId: kept.id },
      { segmentId, contactId: dup.id },
    ]);
    const before = await omni.call('GET', `/api/v1/contacts/${dup.id}/timeline?limit=200`);

    const merged = await omni.call('POST', `/api/v1/contacts/${kept.id}/merge`, { from: dup.id });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body).toMatchObject({
      firstName: 'Elena',
      lastName: 'Ruiz',
      tags: ['a', 'b'],
      attributes: { plan: 'basico', hijos: 1 },
    });
    expect(merged.body.addresses.map((a: { address: string }) => a.address).sort()).toEqual([
      '+34600000005',
      '+34600000006',
      'elena@example.org',
    ]);
    expect((await omni.call('GET', `/api/v1/contacts/${dup.id}`)).status).toBe(404);
    const after = await omni.call('GET', `/api/v1/contacts/${kept.id}/timeline?limit=200`);
    expect(after.body.items.map((i: { id: string }) => i.id)).toEqual(
      before.body.items.map((i: { id: string }) => i.id),
    );
    const recipients = await omni.handle.db
      .select()
      .from(campaignRecipients)
      .where(eq(campaignRecipients.campaignId, campaignId));
    expect(recipients.map((r) => r.contactId)).toEqual([kept.id]);
    const members = await omni.handle.db
      .select()
      .from(segmentMembers)
      .where(eq(segmentMembers.segmentId, segmentId));
    expect(members.map((m) => m.contactId)).toEqual([kept.id]);
    expect((await omni.call('POST', `/api/v1/contacts/${kept.id}/merge`, { from: kept.id })).status).toBe(
      409,
    );
    expect((await omni.call('POST', `/api/v1/contacts/${kept.id}/merge`, { from: dup.id })).status).toBe(404);
  });

  it.runIf(db === 'postgres')(
    'settles two opposite merges of one pair: one wins, the other finds no duplicate',
    async () => {
      const a = await create({ firstName: 'Uno', addresses: [{ channel: 'sms', address: '+34600000010' }] });
      const b = await create({ firstName: 'Dos', addresses: [{ channel: 'sms', address: '+34600000011' }] });
      const answers = await Promise.all([
        omni.call('POST', `/api/v1/contacts/${a.id}/merge`, { from: b.id }),
        omni.call('POST', `/api/v1/contacts/${b.id}/merge`, { from: a.id }),
      ]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 404]);
      const kept = answers.find((r) => r.status === 200)!.body;
      expect(kept.addresses.map((x: { address: string }) => x.address).sort()).toEqual([
        '+34600000010',
        '+34600000011',
      ]);
    },
  );

  it('erases a person on request: bodies blanked, rows and counts kept, recordings removed', async () => {
    const { person, messageIds, storageKey, recordingId, callId, runId } = await seedHistory(
      '+34600000007',
      'borrar@example.org',
    );
    expect(existsSync(join(recordingDir, storageKey))).toBe(true);
    const erased = await omni.call('DELETE', `/api/v1/contacts/${person.id}`);
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect(erased.body).toEqual({ messages: 5, recordings: 1 });
    expect((await omni.call('GET', `/api/v1/contacts/${person.id}`)).status).toBe(404);
    const rows = await omni.handle.db.select().from(messages);
    const theirs = rows.filter((r) => messageIds.includes(r.id));
    expect(theirs).toHaveLength(5);
    for (const row of theirs)
      expect(row).toMatchObject({ body: {}, contactAddress: '', status: 'delivered' });
    expect(await omni.handle.db.select().from(recordings).where(eq(recordings.id, recordingId))).toEqual([]);
    expect(existsSync(join(recordingDir, storageKey))).toBe(false);
    const [call] = await omni.handle.db.select().from(callRecords).where(eq(callRecords.id, callId));
    expect(call).toMatchObject({ fromNumber: '', durationMs: 42_000 });
    const [run] = await omni.handle.db.select().from(runs).where(eq(runs.id, runId));
    expect(run).toMatchObject({ contact: null, input: {} });
    const addresses = await omni.handle.db
      .select()
      .from(contactChannels)
      .where(eq(contactChannels.address, '+34600000007'));
    expect(addresses).toEqual([]);
  });

  it('keeps no campaign recipient row with an erased person’s address', async () => {
    const { person } = await seedHistory('+34600000008', 'olvido@example.org');
    expect((await omni.call('DELETE', `/api/v1/contacts/${person.id}`)).status).toBe(200);
    const left = await omni.handle.db
      .select()
      .from(campaignRecipients)
      .where(eq(campaignRecipients.address, '+34600000008'));
    expect(left).toEqual([]);
  });

  it('keeps the campaign’s counts after a recipient is erased', async () => {
    const { person, campaignId } = await seedHistory('+34600000009', 'cuenta@example.org');
    const before = await campaignStats(omni.handle.db, { id: campaignId, ratePerSecond: null });
    expect(before).toMatchObject({ targeted: 1, delivered: 1 });
    expect((await omni.call('DELETE', `/api/v1/contacts/${person.id}`)).status).toBe(200);
    const after = await campaignStats(omni.handle.db, { id: campaignId, ratePerSecond: null });
    expect(after).toMatchObject({ targeted: 1, delivered: 1 });
  });
});
