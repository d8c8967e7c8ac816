import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFilesystemRecordingStore } from './filesystem-recording-store.ts';

const root = mkdtempSync(join(tmpdir(), 'omniflow-fs-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function text(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

describe('createFilesystemRecordingStore', () => {
  const store = createFilesystemRecordingStore({ dir: join(root, 'store') });
  const source = join(root, 'source.wav');
  writeFileSync(source, '0123456789');

  it('stores, reads whole or a range, and counts usage per workspace prefix', async () => {
    expect(await store.put('ws-a/2030/01/01/one.wav', source, 'audio/wav')).toEqual({ bytes: 10 });
    await store.put('ws-a/2030/01/02/two.wav', source, 'audio/wav');
    await store.put('ws-b/2030/01/01/three.wav', source, 'audio/wav');
    expect(await text(await store.get('ws-a/2030/01/01/one.wav'))).toBe('0123456789');
    expect(await text(await store.get('ws-a/2030/01/01/one.wav', { start: 2, end: 4 }))).toBe('234');
    expect(await store.usage('ws-a')).toBe(20);
    expect(await store.usage('ws-c')).toBe(0);
  });

  it('deletes, and deleting again is not an error; reading what is gone says so', async () => {
    await store.put('ws-d/x.wav', source, 'audio/wav');
    await store.delete('ws-d/x.wav');
    await store.delete('ws-d/x.wav');
    await expect(store.get('ws-d/x.wav')).rejects.toMatchObject({ code: 'RECORDING_AUDIO_MISSING' });
  });

  it('never follows a key out of its folder', async () => {
    await expect(store.put('../escape.wav', source, 'audio/wav')).rejects.toMatchObject({
      code: 'RECORDING_INVALID',
    });
  });
});
