import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3RecordingStore, type S3RecordingStoreOptions } from './s3-recording-store.ts';

// A real S3-protocol server on loopback (s3rver: objects on disk, access keys checked), so the AWS
// SDK's requests, ranges, listing and errors are the wire's own. It caught the SDK's default
// aws-chunked uploads being stored with their framing by a server that does not speak them.

const root = mkdtempSync(join(tmpdir(), 'omniflow-s3-store-'));
let server: S3rver;
let options: S3RecordingStoreOptions;

beforeAll(async () => {
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: join(root, 'objects'),
    configureBuckets: [{ name: 'recordings', configs: [] }],
  });
  const address: AddressInfo = await server.run();
  options = {
    endpoint: `http://127.0.0.1:${address.port}`,
    region: 'us-east-1',
    bucket: 'recordings',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
    prefix: 'omniflow/',
  };
});
afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

const text = (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

describe('createS3RecordingStore against an S3-compatible server', () => {
  const source = join(root, 'source.wav');
  writeFileSync(source, '0123456789');

  it('stores under its prefix, reads whole or a range, and counts usage per workspace', async () => {
    const store = createS3RecordingStore(options);
    expect(await store.put('ws-a/2030/01/01/one.wav', source, 'audio/wav')).toEqual({ bytes: 10 });
    await store.put('ws-a/2030/01/02/two.wav', source, 'audio/wav');
    await store.put('ws-b/2030/01/01/three.wav', source, 'audio/wav');
    expect(await text(await store.get('ws-a/2030/01/01/one.wav'))).toBe('0123456789');
    expect(await text(await store.get('ws-a/2030/01/01/one.wav', { start: 2, end: 4 }))).toBe('234');
    expect(await store.usage('ws-a')).toBe(20);
    expect(await store.usage('ws-c')).toBe(0);
    // The prefix keeps the bucket shareable: a store without it sees nothing at the bare key.
    const bare = createS3RecordingStore({ ...options, prefix: '' });
    expect(await text(await bare.get('omniflow/ws-b/2030/01/01/three.wav'))).toBe('0123456789');
    await expect(bare.get('ws-b/2030/01/01/three.wav')).rejects.toMatchObject({
      code: 'RECORDING_AUDIO_MISSING',
    });
  });

  it('deletes, and deleting again is not an error; reading what is gone says so', async () => {
    const store = createS3RecordingStore(options);
    await store.put('ws-d/x.wav', source, 'audio/wav');
    await store.delete('ws-d/x.wav');
    await store.delete('ws-d/x.wav');
    await expect(store.get('ws-d/x.wav')).rejects.toMatchObject({ code: 'RECORDING_AUDIO_MISSING' });
  });

  it('fails loudly with an unknown access key or a missing bucket instead of losing the audio', async () => {
    const wrongKey = createS3RecordingStore({ ...options, accessKeyId: 'NOT-OURS' });
    await expect(wrongKey.put('ws-e/x.wav', source, 'audio/wav')).rejects.toThrow(/access key/i);
    const noBucket = createS3RecordingStore({ ...options, bucket: 'nowhere' });
    await expect(noBucket.put('ws-e/x.wav', source, 'audio/wav')).rejects.toThrow(/bucket/i);
  });
});
