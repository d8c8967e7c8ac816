/** Bytes `start`…`end` of an object, both included (HTTP Range semantics, RFC 9110 §14.1.2). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where recorded audio lives (issue #6): a folder by default, an S3-compatible bucket when
 * configured. Keys are `workspaceId/yyyy/mm/dd/recordingId.wav`; the database says which keys
 * exist, the store only holds bytes.
 */
export interface RecordingStore {
  /** `filesystem` or `s3`, for logs and `GET /recordings/usage`. */
  readonly kind: string;
  /** Stores the file at `path` under `key`; answers how many bytes were stored. */
  put(key: string, path: string, contentType: string): Promise<{ bytes: number }>;
  /** The object's bytes, or one range of them (for seeking in a player); RECORDING_AUDIO_MISSING when gone. */
  get(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array>>;
  /** Removes the object; removing one that is already gone is not an error. */
  delete(key: string): Promise<void>;
  /** Bytes stored under a key prefix (a workspace id): to reconcile with the database. */
  usage(prefix: string): Promise<number>;
}

export type RecordingErrorCode =
  | 'RECORDING_QUOTA_EXCEEDED'
  | 'RECORDING_INVALID'
  | 'RECORDING_AUDIO_MISSING'
  | 'RECORDING_STORE_MISCONFIGURED';

/** A recording that cannot be stored or read, with a stable code. */
export class RecordingError extends Error {
  constructor(
    readonly code: RecordingErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'RecordingError';
  }
}
