import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { and, eq } from 'drizzle-orm';
import { voicePrompts, type Db } from '@omniflow/db';
import { NodeError, type NodeVoicePrompts } from '@omniflow/nodes/sdk';
import type { RecordingStore } from '../recordings/recording-store.ts';

/**
 * Recorded prompts as local files for the drivers of this process (the SIP endpoint reads and
 * decodes a file; the TwiML driver serves the file at /audio/<sha>.wav). A prompt's audio never
 * changes after upload, so its id names its local copy: fetched from the store once per process
 * and machine, then read from disk on every call.
 */
export function createVoicePromptFiles(deps: {
  db: Db;
  store: RecordingStore;
  /** The workspace whose flow holds a call: a flow only plays its own workspace's prompts. */
  workspaceOf(callId: string): string | undefined;
  dir: string;
}): NodeVoicePrompts {
  const inflight = new Map<string, Promise<string>>();

  async function download(storageKey: string, path: string) {
    await mkdir(deps.dir, { recursive: true });
    const partial = join(deps.dir, `.${randomUUID()}.partial`);
    try {
      const body = await deps.store.get(storageKey);
      await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), createWriteStream(partial));
      // Renamed whole, so a call starting meanwhile never plays half a prompt.
      await rename(partial, path);
    } finally {
      await rm(partial, { force: true });
    }
  }

  return {
    async file(promptId, callId) {
      const workspaceId = deps.workspaceOf(callId);
      const [row] = workspaceId
        ? await deps.db
            .select({ id: voicePrompts.id, storageKey: voicePrompts.storageKey })
            .from(voicePrompts)
            .where(and(eq(voicePrompts.workspaceId, workspaceId), eq(voicePrompts.id, promptId)))
        : [];
      if (!row)
        throw new NodeError(
          'VOICE_PROMPT_UNKNOWN',
          `The recorded audio ${promptId} is not in this call's workspace (deleted?); choose another audio in the flow`,
          false,
        );
      const path = join(deps.dir, `${row.id}.wav`);
      if (await exists(path)) return path;
      const running = inflight.get(path);
      if (running) return running;
      const work = download(row.storageKey, path).then(() => path);
      inflight.set(path, work);
      try {
        return await work;
      } finally {
        inflight.delete(path);
      }
    },
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
