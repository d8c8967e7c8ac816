import { createReadStream, createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { backupNamePattern, listingFromSidecar, sidecarOf, type BackupListing } from './backup-archives.ts';
import { BackupError } from './backup-error.ts';
import type { BackupBucketSettings } from './backup-settings.ts';

/** How an install's backups look in their bucket: what is there, put, fetch and remove. */
export interface BackupBucket {
  /** `s3://bucket/prefix`, for sentences. */
  readonly where: string;
  /** Uploads the archive and then its `.json` beside it, streamed in parts (never whole in memory). */
  upload(archivePath: string, sidecarPath: string, name: string): Promise<void>;
  /** The backups in the bucket, newest first, described by their `.json`. */
  list(): Promise<BackupListing[]>;
  /** Writes the named archive to `toPath`; BACKUP_NOT_FOUND when the bucket has no such object. */
  download(name: string, toPath: string): Promise<void>;
  /** Removes all but the newest `keep` backups (archive and `.json`); answers the names removed. */
  prune(keep: number): Promise<string[]>;
}

// S3's smallest part is 5 MiB; 8 MiB parts two at a time hold at most 16 MiB of an archive in memory.
const partSize = 8 * 1024 * 1024;

/**
 * The provider's own words for a failed request: the SDK puts S3's `<Code>` in `name` and its
 * `<Message>` in `message`; a network failure has only a message.
 */
export function providerWords(error: unknown): string {
  const { name, message } = error as { name?: string; message?: string };
  const text = message && message !== 'UnknownError' ? message : 'no answer from the server';
  return name && name !== 'Error' && !text.includes(name) ? `${text} (${name})` : text;
}

export function createBackupBucket(settings: BackupBucketSettings): BackupBucket {
  const client = new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    // As for recordings: many self-hosted servers store aws-chunked bodies framing and all.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
  });
  const Bucket = settings.bucket;
  const key = (name: string) => `${settings.prefix}${name}`;

  async function objects(): Promise<{ name: string; bytes: number; at: Date }[]> {
    const found: { name: string; bytes: number; at: Date }[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({
          Bucket,
          Prefix: settings.prefix,
          ...(token ? { ContinuationToken: token } : {}),
        }),
      );
      for (const object of page.Contents ?? []) {
        const name = (object.Key ?? '').slice(settings.prefix.length);
        found.push({ name, bytes: object.Size ?? 0, at: object.LastModified ?? new Date(0) });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return found;
  }

  async function text(name: string): Promise<string | undefined> {
    try {
      const answer = await client.send(new GetObjectCommand({ Bucket, Key: key(name) }));
      return await answer.Body?.transformToString();
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }

  async function upload(path: string, name: string, contentType: string) {
    await new Upload({
      client,
      params: { Bucket, Key: key(name), Body: createReadStream(path), ContentType: contentType },
      partSize,
      queueSize: 2,
      // A failed multipart upload is aborted, so the bucket is not billed for orphaned parts.
      leavePartsOnError: false,
    }).done();
  }

  const bucket: BackupBucket = {
    where: `s3://${settings.bucket}/${settings.prefix}`,
    async upload(archivePath, sidecarPath, name) {
      await upload(archivePath, name, 'application/x-tar');
      // The `.json` last: a listing never shows an archive still arriving as finished.
      await upload(sidecarPath, sidecarOf(name), 'application/json');
    },
    async list() {
      const archives = (await objects())
        .filter((o) => backupNamePattern.test(o.name))
        .sort((a, b) => (a.name < b.name ? 1 : -1));
      return Promise.all(
        archives.map(async (o) => listingFromSidecar(o.name, o.bytes, await text(sidecarOf(o.name)), o.at)),
      );
    },
    async download(name, toPath) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: key(name) }));
        await pipeline(answer.Body as Readable, createWriteStream(toPath, { mode: 0o600 }));
      } catch (error) {
        if (error instanceof NoSuchKey)
          throw new BackupError({ code: 'BACKUP_NOT_FOUND', name, dir: bucket.where });
        throw error;
      }
    },
    async prune(keep) {
      const old = (await bucket.list()).slice(keep).map((b) => b.file);
      // One request per object: multi-object delete needs a Content-MD5 some servers reject.
      for (const name of old)
        for (const gone of [name, sidecarOf(name)])
          await client.send(new DeleteObjectCommand({ Bucket, Key: key(gone) }));
      return old;
    },
  };
  return bucket;
}
