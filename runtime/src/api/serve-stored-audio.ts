import type { Context } from 'hono';
import { parseByteRange } from '../recordings/byte-range.ts';
import { RecordingError, type RecordingStore } from '../recordings/recording-store.ts';
import { ApiError } from './api-error.ts';

/**
 * Answers a GET for audio kept in a RecordingStore, whole or as the byte range the browser's
 * player asks for when it seeks. Stored audio never changes, so the browser may keep it an hour.
 */
export async function serveStoredAudio(
  c: Context,
  store: RecordingStore,
  audio: {
    storageKey: string;
    bytes: number;
    contentType: string;
    /** What the 416 calls it ("The recording has N bytes"). */
    noun: string;
    /** What a person can do when the row is there but its audio is not. */
    whenMissing: string;
    extraHeaders?: Record<string, string>;
  },
): Promise<Response> {
  const headers: Record<string, string> = {
    'content-type': audio.contentType,
    'accept-ranges': 'bytes',
    'cache-control': 'private, max-age=3600',
    ...audio.extraHeaders,
  };
  const range = parseByteRange(c.req.header('range'), audio.bytes);
  if (range === 'unsatisfiable')
    return c.json(
      { error: { code: 'RANGE_NOT_SATISFIABLE', message: `The ${audio.noun} has ${audio.bytes} bytes` } },
      416,
      { 'content-range': `bytes */${audio.bytes}` },
    );
  try {
    const body = await store.get(audio.storageKey, range);
    if (!range) return c.body(body, 200, { ...headers, 'content-length': String(audio.bytes) });
    return c.body(body, 206, {
      ...headers,
      'content-length': String(range.end - range.start + 1),
      'content-range': `bytes ${range.start}-${range.end}/${audio.bytes}`,
    });
  } catch (error) {
    if (error instanceof RecordingError && error.code === 'RECORDING_AUDIO_MISSING')
      throw new ApiError(404, error.code, `${error.message}; ${audio.whenMissing}`);
    throw error;
  }
}
