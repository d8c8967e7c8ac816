import { resolve } from 'node:path';
import { createFilesystemRecordingStore } from './filesystem-recording-store.ts';
import { RecordingError, type RecordingStore } from './recording-store.ts';
import { createS3RecordingStore } from './s3-recording-store.ts';

/**
 * The store an install is configured for: S3 when OMNIFLOW_S3_ENDPOINT or OMNIFLOW_S3_BUCKET is
 * set, else the folder OMNIFLOW_RECORDINGS_DIR (default `.omniflow/recordings`).
 */
export function recordingStoreFromEnv(
  env: Record<string, string | undefined>,
  cwd = process.cwd(),
): RecordingStore {
  if (env.OMNIFLOW_S3_ENDPOINT || env.OMNIFLOW_S3_BUCKET) {
    const missing = [
      'OMNIFLOW_S3_BUCKET',
      'OMNIFLOW_S3_ACCESS_KEY_ID',
      'OMNIFLOW_S3_SECRET_ACCESS_KEY',
    ].filter((name) => !env[name]);
    if (missing.length > 0) {
      throw new RecordingError(
        'RECORDING_STORE_MISCONFIGURED',
        `Recordings go to S3 but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set`,
      );
    }
    return createS3RecordingStore({
      ...(env.OMNIFLOW_S3_ENDPOINT ? { endpoint: env.OMNIFLOW_S3_ENDPOINT } : {}),
      region: env.OMNIFLOW_S3_REGION ?? 'us-east-1',
      bucket: env.OMNIFLOW_S3_BUCKET!,
      accessKeyId: env.OMNIFLOW_S3_ACCESS_KEY_ID!,
      secretAccessKey: env.OMNIFLOW_S3_SECRET_ACCESS_KEY!,
      // Self-hosted servers rarely have wildcard DNS for bucket subdomains: path style unless told.
      forcePathStyle: env.OMNIFLOW_S3_FORCE_PATH_STYLE !== 'false',
      ...(env.OMNIFLOW_S3_PREFIX ? { prefix: env.OMNIFLOW_S3_PREFIX } : {}),
    });
  }
  return createFilesystemRecordingStore({
    dir: resolve(cwd, env.OMNIFLOW_RECORDINGS_DIR ?? '.omniflow/recordings'),
  });
}
