import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { RecordingError, type RecordingStore } from './recording-store.ts';

export interface S3RecordingStoreOptions {
  /** An S3-compatible endpoint (MinIO, Ceph, Garage…); absent means AWS itself. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `https://host/bucket/key` instead of `https://bucket.host/key`: most self-hosted servers need it. */
  forcePathStyle: boolean;
  /** Put before every key, so one bucket can hold other things too. */
  prefix?: string;
}

/** Recordings in an S3-compatible bucket. */
export function createS3RecordingStore(options: S3RecordingStoreOptions): RecordingStore {
  const client = new S3Client({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    forcePathStyle: options.forcePathStyle,
    // The SDK's default since 2025 sends bodies aws-chunked with a trailing CRC32, which many
    // self-hosted S3 servers store verbatim (framing and all): checksum only where S3 demands one.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
  });
  const objectKey = (key: string) => `${options.prefix ?? ''}${key}`;
  return {
    kind: 's3',
    async put(key, path, contentType) {
      const { size } = await stat(path);
      await client.send(
        new PutObjectCommand({
          Bucket: options.bucket,
          Key: objectKey(key),
          Body: createReadStream(path),
          // A stream has no length of its own; S3 needs one for a single-part upload.
          ContentLength: size,
          ContentType: contentType,
        }),
      );
      return { bytes: size };
    },
    async get(key, range) {
      try {
        const answer = await client.send(
          new GetObjectCommand({
            Bucket: options.bucket,
            Key: objectKey(key),
            ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
          }),
        );
        if (!answer.Body) throw new NoSuchKey({ message: 'empty body', $metadata: {} });
        return answer.Body.transformToWebStream() as ReadableStream<Uint8Array>;
      } catch (error) {
        if (error instanceof NoSuchKey)
          throw new RecordingError(
            'RECORDING_AUDIO_MISSING',
            `The audio of this recording is gone from bucket ${options.bucket}`,
          );
        throw error;
      }
    },
    async delete(key) {
      // S3 answers a delete of a missing key with success, which is what we promise.
      await client.send(new DeleteObjectCommand({ Bucket: options.bucket, Key: objectKey(key) }));
    },
    async usage(prefix) {
      let total = 0;
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({
            Bucket: options.bucket,
            Prefix: objectKey(prefix),
            ...(token ? { ContinuationToken: token } : {}),
          }),
        );
        for (const object of page.Contents ?? []) total += object.Size ?? 0;
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return total;
    },
  };
}
