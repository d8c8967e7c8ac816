import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaces } from '@omniflow/db';
import { createFilesystemRecordingStore } from '../src/recordings/filesystem-recording-store.ts';
import { recordCall } from '../src/recordings/record-call.ts';
import { RecordingError } from '../src/recordings/recording-store.ts';
import { saveRecording } from '../src/recordings/save-recording.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

// Recordings and call records against real PGlite and PostgreSQL, real WAV files (made by sox)
// and the filesystem store; the HTTP API is driven through app.request().
const scratch = mkdtempSync(join(tmpdir(), 'omniflow-recordings-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A WAV of `seconds` of tone at 8 kHz mono 16-bit, as a voice driver's record() writes. */
function recordedWav(name: string, seconds: number): string {
  const file = join(scratch, `${name}.wav`);
  execFileSync('sox', [
    '-n',
    '-r',
    '8000',
    '-c',
    '1',
    '-b',
    '16',
    file,
    'synth',
    String(seconds),
    'sine',
    '300',
  ]);
  return file;
}

describe.each(['pglite', 'postgres'] as const)('recordings and calls on %s', (db) => {
  let omni: TestOmniflow;
  let workspaceId: string;
  let flowId: string;
  const storeDir = join(scratch, `store-${db}`);
  const store = createFilesystemRecordingStore({ dir: storeDir });
  const deps = () => ({ db: omni.handle.db, store });
  const audio = (id: string, headers: Record<string, string> = {}, query = '') =>
    omni.app.request(`/api/v1/recordings/${id}/audio${query}`, {
      headers: { authorization: `Bearer ${omni.apiKey}`, ...headers },
    });

  beforeAll(async () => {
    omni = await startTestOmniflow({ db, worker: false, appDeps: { recordingStore: store } });
    workspaceId = (await omni.handle.db.select().from(workspaces))[0]!.id;
    const flow = await omni.call('POST', '/api/v1/flows', {
      name: 'Help desk IVR',
      nodes: [{ id: 'start', type: 'flow.start', config: {} }],
      edges: [],
    });
    flowId = flow.body.id;
  }, 120_000);
  afterAll(() => omni?.close());

  it('saves a recording and serves it: metadata, whole audio, a seekable range, a download', async () => {
    const file = recordedWav(`two-seconds-${db}`, 2);
    const saved = await saveRecording(deps(), {
      workspaceId,
      file,
      from: '+34 600 11 22 33',
      to: '900100200',
      flowId,
      nodeId: 'voicemail',
    });
    expect(saved).toMatchObject({ fromNumber: '+34600112233', bytes: readFileSync(file).length });
    expect(saved.durationMs).toBe(2000);
    expect(saved.storageKey).toMatch(new RegExp(`^${workspaceId}/\\d{4}/\\d{2}/\\d{2}/${saved.id}\\.wav$`));

    const meta = await omni.call('GET', `/api/v1/recordings/${saved.id}`);
    expect(meta.status).toBe(200);
    expect(meta.body).toMatchObject({ from: '+34600112233', to: '900100200', flowId, durationMs: 2000 });

    const whole = await audio(saved.id);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/wav');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await whole.arrayBuffer()).equals(readFileSync(file))).toBe(true);

    const part = await audio(saved.id, { range: 'bytes=44-143' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 44-143/${saved.bytes}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(readFileSync(file).subarray(44, 144))).toBe(true);

    const past = await audio(saved.id, { range: `bytes=${saved.bytes}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${saved.bytes}`);

    const download = await audio(saved.id, {}, '?download=1');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="recording-${saved.id}.wav"`,
    );
  });

  it('lists by number (either side), date range and flow, in cursor pages', async () => {
    const file = recordedWav(`short-${db}`, 0.2);
    const at = (day: string) => new Date(`2030-03-${day}T10:00:00Z`);
    for (const [day, from, to] of [
      ['01', '+1555000001', '100'],
      ['02', '+1555000002', '100'],
      ['03', '+1555000001', '200'],
    ] as const) {
      await saveRecording(deps(), { workspaceId, file, from, to, at: at(day), flowId });
    }
    const byNumber = await omni.call('GET', '/api/v1/recordings?number=%2B1555000001');
    expect(byNumber.body.items.map((r: { to: string }) => r.to).sort()).toEqual(['100', '200']);
    const byCalled = await omni.call('GET', '/api/v1/recordings?number=200');
    expect(byCalled.body.items).toHaveLength(1);
    const byDate = await omni.call(
      'GET',
      '/api/v1/recordings?from=2030-03-02T00:00:00Z&to=2030-03-03T00:00:00Z',
    );
    expect(byDate.body.items.map((r: { from: string }) => r.from)).toEqual(['+1555000002']);
    const byFlow = await omni.call('GET', `/api/v1/recordings?flowId=${flowId}&limit=2`);
    expect(byFlow.body.items).toHaveLength(2);
    const next = await omni.call(
      'GET',
      `/api/v1/recordings?flowId=${flowId}&limit=2&cursor=${byFlow.body.nextCursor}`,
    );
    const ids = [...byFlow.body.items, ...next.body.items].map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(4);
  });

  it('answers bad filters and ids with actionable 400, 404 and 422', async () => {
    const badDate = await omni.call('GET', '/api/v1/recordings?from=yesterday');
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.message).toMatch(/from must be an ISO date-time/);
    const backwards = await omni.call(
      'GET',
      '/api/v1/recordings?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z',
    );
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.code).toBe('RANGE_INVALID');
    expect((await omni.call('GET', '/api/v1/recordings/not-an-id')).status).toBe(400);
    const missing = await omni.call('GET', '/api/v1/recordings/01900000-0000-7000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect((await omni.call('GET', '/api/v1/recordings?cursor=garbage')).body.error.code).toBe(
      'CURSOR_INVALID',
    );
  });

  it('deletes one recording with its audio, then answers 404', async () => {
    const saved = await saveRecording(deps(), {
      workspaceId,
      file: recordedWav(`gone-${db}`, 0.1),
      from: '1',
      to: '2',
    });
    expect(existsSync(join(storeDir, saved.storageKey))).toBe(true);
    expect((await omni.call('DELETE', `/api/v1/recordings/${saved.id}`)).status).toBe(204);
    expect(existsSync(join(storeDir, saved.storageKey))).toBe(false);
    expect((await omni.call('GET', `/api/v1/recordings/${saved.id}`)).status).toBe(404);
    expect((await omni.call('DELETE', `/api/v1/recordings/${saved.id}`)).status).toBe(404);
  });

  it('deletes by date range and says how many', async () => {
    const file = recordedWav(`old-${db}`, 0.1);
    const old = [];
    for (const day of ['10', '11', '12'])
      old.push(
        await saveRecording(deps(), {
          workspaceId,
          file,
          from: '+1777',
          to: '1',
          at: new Date(`2020-01-${day}T00:00:00Z`),
        }),
      );
    const answer = await omni.call('POST', '/api/v1/recordings/delete', {
      from: '2020-01-11T00:00:00Z',
      to: '2020-01-13T00:00:00Z',
    });
    expect(answer).toMatchObject({ status: 200, body: { deleted: 2 } });
    const left = await omni.call('GET', '/api/v1/recordings?number=%2B1777');
    expect(left.body.items.map((r: { id: string }) => r.id)).toEqual([old[0]!.id]);
    expect(existsSync(join(storeDir, old[1]!.storageKey))).toBe(false);
    const backwards = await omni.call('POST', '/api/v1/recordings/delete', {
      from: '2020-02-01T00:00:00Z',
      to: '2020-01-01T00:00:00Z',
    });
    expect(backwards.status).toBe(422);
    expect((await omni.call('POST', '/api/v1/recordings/delete', {})).status).toBe(400);
  });

  it('reports usage with a warning at 80 % and refuses recordings past the quota', async () => {
    const usage = await omni.call('GET', '/api/v1/recordings/usage');
    expect(usage.body).toMatchObject({ store: 'filesystem', quotaBytes: 250_000_000_000, warning: false });
    const used: number = usage.body.bytes;
    const file = recordedWav(`quota-${db}`, 1);
    const size = readFileSync(file).length;

    // A quota where the stored bytes are 85 %: warned, not yet full.
    const quota = Math.ceil(used / 0.85);
    const tight = await omni.call('PUT', '/api/v1/recordings/quota', { quotaBytes: quota });
    expect(tight.body).toMatchObject({ warning: true, full: false, quotaBytes: quota });
    expect(tight.body.percent).toBeGreaterThanOrEqual(80);

    const refused = await saveRecording(deps(), { workspaceId, file, from: '1', to: '2' }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(RecordingError);
    expect(refused).toMatchObject({ code: 'RECORDING_QUOTA_EXCEEDED', details: { bytes: size } });
    expect((await omni.call('GET', '/api/v1/recordings/usage')).body.bytes).toBe(used);

    await omni.call('PUT', '/api/v1/recordings/quota', { quotaBytes: used + size });
    await saveRecording(deps(), { workspaceId, file, from: '1', to: '2' });
    expect((await omni.call('GET', '/api/v1/recordings/usage')).body).toMatchObject({
      full: true,
      percent: 100,
    });
    await omni.call('PUT', '/api/v1/recordings/quota', { quotaBytes: 250_000_000_000 });
  });

  it('saves once per idempotency key, as a retried activity would', async () => {
    const file = recordedWav(`retry-${db}`, 0.1);
    const input = { workspaceId, file, from: '5', to: '6', idempotencyKey: `run:rec:1:${db}` };
    const first = await saveRecording(deps(), input);
    const again = await saveRecording(deps(), input);
    expect(again.id).toBe(first.id);
    expect((await omni.call('GET', '/api/v1/recordings?number=5')).body.items).toHaveLength(1);
  });

  it('refuses a file that is not a WAV', async () => {
    const text = join(scratch, 'note.txt');
    execFileSync('sh', ['-c', `echo hello > ${text}`]);
    await expect(
      saveRecording(deps(), { workspaceId, file: text, from: '1', to: '2' }),
    ).rejects.toMatchObject({
      code: 'RECORDING_INVALID',
    });
  });

  it('records a call at start and at end, and lists calls by number, date and flow', async () => {
    const startedAt = new Date('2031-05-05T09:00:00Z');
    const base = {
      workspaceId,
      callId: `sip-${db}-1`,
      driver: 'sip',
      from: '+34 911 222 333',
      to: '900',
      startedAt,
      flowId,
    };
    const started = await recordCall(omni.handle.db, base);
    expect(started).toMatchObject({ durationMs: null, endedAt: null });
    const ended = await recordCall(omni.handle.db, {
      ...base,
      answeredAt: new Date('2031-05-05T09:00:02Z'),
      endedAt: new Date('2031-05-05T09:01:02Z'),
      path: ['start', 'menu', 'sales'],
      digits: [{ nodeId: 'menu', digits: '1' }],
      hangupSide: 'caller',
    });
    expect(ended.id).toBe(started.id);
    expect(ended.durationMs).toBe(60_000);

    const one = await omni.call('GET', `/api/v1/calls/${ended.id}`);
    expect(one.body).toMatchObject({
      from: '+34911222333',
      path: ['start', 'menu', 'sales'],
      digits: [{ nodeId: 'menu', digits: '1' }],
      hangupSide: 'caller',
      durationMs: 60_000,
    });
    const found = await omni.call(
      'GET',
      `/api/v1/calls?number=%2B34911222333&flowId=${flowId}&from=2031-05-05T00:00:00Z`,
    );
    expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([ended.id]);
    const other = await omni.call('GET', '/api/v1/calls?from=2031-05-06T00:00:00Z');
    expect(other.body.items).toEqual([]);
    expect((await omni.call('GET', '/api/v1/calls/01900000-0000-7000-8000-000000000000')).status).toBe(404);
  });
  it('counts calls per day in a time zone, answered and abandoned apart, with the list filters', async () => {
    const call = (n: number, startedAt: string, extra: Partial<Parameters<typeof recordCall>[1]>) =>
      recordCall(omni.handle.db, {
        workspaceId,
        callId: `volume-${db}-${n}`,
        driver: 'sip',
        from: '+3491000000',
        to: '800',
        startedAt: new Date(startedAt),
        flowId,
        ...extra,
      });
    // 23:30 UTC on the 1st is already the 2nd in Madrid (UTC+1 in January).
    await call(1, '2032-01-01T10:00:00Z', {
      answeredAt: new Date('2032-01-01T10:00:01Z'),
      endedAt: new Date('2032-01-01T10:01:00Z'),
      hangupSide: 'flow',
    });
    await call(2, '2032-01-01T23:30:00Z', {
      answeredAt: new Date('2032-01-01T23:30:01Z'),
      endedAt: new Date('2032-01-01T23:30:20Z'),
      hangupSide: 'caller',
    });
    await call(3, '2032-01-02T09:00:00Z', {
      endedAt: new Date('2032-01-02T09:00:05Z'),
      hangupSide: 'caller',
    });
    await call(4, '2032-01-02T09:10:00Z', {
      answeredAt: new Date('2032-01-02T09:10:01Z'),
      endedAt: new Date('2032-01-02T09:11:00Z'),
      hangupSide: 'transfer',
    });
    const range = 'from=2032-01-01T00:00:00Z&to=2032-01-03T00:00:00Z';
    const utc = await omni.call('GET', `/api/v1/calls/volume?${range}`);
    expect(utc.body).toEqual({
      bucket: 'day',
      timeZone: 'UTC',
      items: [
        { period: '2032-01-01', total: 2, answered: 1, abandoned: 1 },
        { period: '2032-01-02', total: 2, answered: 1, abandoned: 1 },
      ],
    });
    const madrid = await omni.call('GET', `/api/v1/calls/volume?${range}&tz=Europe/Madrid`);
    expect(madrid.body.items).toEqual([
      { period: '2032-01-01', total: 1, answered: 1, abandoned: 0 },
      { period: '2032-01-02', total: 3, answered: 1, abandoned: 2 },
    ]);
    const hours = await omni.call('GET', `/api/v1/calls/volume?${range}&bucket=hour&number=%2B3491000000`);
    expect(hours.body.items.map((i: { period: string; total: number }) => [i.period, i.total])).toEqual([
      ['2032-01-01T10:00', 1],
      ['2032-01-01T23:00', 1],
      ['2032-01-02T09:00', 2],
    ]);
    const otherNumber = await omni.call('GET', `/api/v1/calls/volume?${range}&number=123`);
    expect(otherNumber.body.items).toEqual([]);

    const badZone = await omni.call('GET', '/api/v1/calls/volume?tz=Mars/Olympus');
    expect(badZone.status).toBe(400);
    expect(badZone.body.error.message).toMatch(/IANA time zone/);
    expect((await omni.call('GET', '/api/v1/calls/volume?bucket=week')).status).toBe(400);
    const backwards = await omni.call(
      'GET',
      '/api/v1/calls/volume?from=2032-01-03T00:00:00Z&to=2032-01-01T00:00:00Z',
    );
    expect(backwards.status).toBe(422);
  });

  it("lists one call's recordings and counts what a filter (a delete by date) would take", async () => {
    const callRow = await recordCall(omni.handle.db, {
      workspaceId,
      callId: `with-recordings-${db}`,
      driver: 'sip',
      from: '+3492000000',
      to: '801',
      startedAt: new Date('2033-02-01T08:00:00Z'),
    });
    const file = recordedWav(`call-${db}`, 0.3);
    const size = readFileSync(file).length;
    const mine = await saveRecording(deps(), {
      workspaceId,
      file,
      from: '+3492000000',
      to: '801',
      callRecordId: callRow.id,
      at: new Date('2033-02-01T08:00:30Z'),
    });
    await saveRecording(deps(), {
      workspaceId,
      file,
      from: '+3492000000',
      to: '801',
      at: new Date('2033-02-02T08:00:00Z'),
    });

    const ofCall = await omni.call('GET', `/api/v1/recordings?callRecordId=${callRow.id}`);
    expect(ofCall.body.items.map((r: { id: string }) => r.id)).toEqual([mine.id]);
    expect((await omni.call('GET', '/api/v1/recordings?callRecordId=nope')).status).toBe(400);

    const count = await omni.call(
      'GET',
      '/api/v1/recordings/count?from=2033-02-01T00:00:00Z&to=2033-02-03T00:00:00Z',
    );
    expect(count.body).toEqual({ count: 2, bytes: 2 * size });
    const deleted = await omni.call('POST', '/api/v1/recordings/delete', {
      from: '2033-02-01T00:00:00Z',
      to: '2033-02-03T00:00:00Z',
    });
    expect(deleted.body.deleted).toBe(count.body.count);
    const after = await omni.call('GET', '/api/v1/recordings/count?from=2033-02-01T00:00:00Z');
    expect(after.body).toEqual({ count: 0, bytes: 0 });
    const backwards = await omni.call(
      'GET',
      '/api/v1/recordings/count?from=2033-02-03T00:00:00Z&to=2033-02-01T00:00:00Z',
    );
    expect(backwards.status).toBe(422);
  });
});
