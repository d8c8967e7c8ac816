import { readFile } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import { isUniqueViolation, newId, voicePrompts, type Db } from '@omniflow/db';
import { PromptError, readWavInfo, type PromptCache } from '@omniflow/nodes/drivers/voice';
import type { RecordingStore } from '../recordings/recording-store.ts';
import { audioKindOf } from './audio-kind.ts';
import { VoicePromptError } from './voice-prompt-error.ts';

export type VoicePromptRow = typeof voicePrompts.$inferSelect;

const MiB = 1024 * 1024;

/**
 * An upload is at most 10 MiB (a few minutes of MP3, about a minute of CD-quality WAV) and a
 * prompt at most 10 minutes: a greeting or a menu, not hold music for an hour.
 */
export const voicePromptLimits = { uploadBytes: 10 * MiB, durationMs: 10 * 60_000 } as const;

/** Prompts sit apart from call recordings in the store: `usage(workspaceId)` counts recordings only. */
export const voicePromptKey = (workspaceId: string, id: string) => `prompts/${workspaceId}/${id}.wav`;

export interface SaveVoicePromptInput {
  workspaceId: string;
  name: string;
  bytes: Uint8Array;
  createdBy?: string | null;
}

/**
 * Converts an uploaded WAV or MP3 to the prompt format with sox (8 kHz mono 16-bit, what both
 * drivers play without resampling), stores it and adds the workspace's row. A name already
 * taken is refused before the conversion, and again by the unique index if two uploads race.
 */
export async function saveVoicePrompt(
  deps: { db: Db; store: RecordingStore; converter: Pick<PromptCache, 'convertUpload'> },
  input: SaveVoicePromptInput,
): Promise<VoicePromptRow> {
  const { db, store, converter } = deps;
  if (input.bytes.byteLength > voicePromptLimits.uploadBytes)
    throw new VoicePromptError(413, 'AUDIO_TOO_LARGE', 'tooBig', { max: '10 MB' });
  const kind = audioKindOf(input.bytes);
  if (!kind) throw new VoicePromptError(422, 'AUDIO_INVALID', 'notAudio');
  await refuseTakenName(db, input.workspaceId, input.name);

  let converted: string;
  try {
    converted = await converter.convertUpload(input.bytes, kind);
  } catch (error) {
    if (error instanceof PromptError && error.code === 'AUDIO_INVALID')
      throw new VoicePromptError(422, 'AUDIO_INVALID', 'unreadable', { reason: error.message });
    if (error instanceof PromptError && error.code === 'AUDIO_CONVERTER_UNAVAILABLE')
      throw new VoicePromptError(503, 'AUDIO_CONVERTER_UNAVAILABLE', 'converterMissing', {
        reason: error.message,
      });
    throw error;
  }
  const info = readWavInfo(await readFile(converted));
  if (!info) throw new VoicePromptError(422, 'AUDIO_INVALID', 'notAudio');
  if (info.durationMs > voicePromptLimits.durationMs)
    throw new VoicePromptError(422, 'AUDIO_TOO_LONG', 'tooLong', {
      minutes: voicePromptLimits.durationMs / 60_000,
    });

  const id = newId();
  const storageKey = voicePromptKey(input.workspaceId, id);
  const { bytes } = await store.put(storageKey, converted, 'audio/wav');
  try {
    const [row] = await db
      .insert(voicePrompts)
      .values({
        id,
        workspaceId: input.workspaceId,
        name: input.name,
        durationMs: Math.round(info.durationMs),
        contentType: 'audio/wav',
        bytes,
        storageKey,
        createdBy: input.createdBy ?? null,
      })
      .returning();
    return row!;
  } catch (error) {
    await store.delete(storageKey);
    if (isUniqueViolation(error))
      throw new VoicePromptError(409, 'VOICE_PROMPT_NAME_TAKEN', 'duplicate', { name: input.name });
    throw error;
  }
}

export async function refuseTakenName(db: Db, workspaceId: string, name: string, exceptId?: string) {
  const [taken] = await db
    .select({ id: voicePrompts.id })
    .from(voicePrompts)
    .where(and(eq(voicePrompts.workspaceId, workspaceId), eq(voicePrompts.name, name)));
  if (taken && taken.id !== exceptId)
    throw new VoicePromptError(409, 'VOICE_PROMPT_NAME_TAKEN', 'duplicate', { name });
}
