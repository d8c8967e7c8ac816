import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { isUniqueViolation, voicePrompts } from '@omniflow/db';
import { createPromptCache, type PromptCache } from '@omniflow/nodes/drivers/voice';
import { voicePromptRef } from '@omniflow/nodes/sdk';
import type { RecordingStore } from '../../recordings/recording-store.ts';
import { flowsUsingVoicePrompt } from '../../voice-prompts/flows-using-voice-prompt.ts';
import {
  refuseTakenName,
  saveVoicePrompt,
  type VoicePromptRow,
} from '../../voice-prompts/save-voice-prompt.ts';
import { VoicePromptError } from '../../voice-prompts/voice-prompt-error.ts';
import { voicePromptMessage } from '../voice-prompt-text.ts';
import { ApiError, errorBody } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { serveStoredAudio } from '../serve-stored-audio.ts';
import { readerLanguage, type ReaderLanguage } from '../reader-language.ts';
import { errorResponses, errorSchema, idParam, json, notFoundResponse } from '../schemas.ts';
import { validationIssueText } from '../validation-text.ts';

const nameSchema = z
  .string()
  .trim()
  .min(1, 'Give the audio a name')
  .max(80, 'A name is at most 80 characters');

const voicePromptSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    /** What a flow's audio field holds to play it: stable across renames. */
    reference: z.string(),
    durationMs: z.number(),
    bytes: z.number(),
    contentType: z.string(),
    audioUrl: z.string(),
    createdAt: z.string(),
  })
  .openapi('VoicePrompt');

const voicePromptView = (row: VoicePromptRow) => ({
  id: row.id,
  name: row.name,
  reference: voicePromptRef(row.id),
  durationMs: row.durationMs,
  bytes: row.bytes,
  contentType: row.contentType,
  audioUrl: `/api/v1/voice-prompts/${row.id}/audio`,
  createdAt: row.createdAt.toISOString(),
});

const refusals = {
  403: json(errorSchema, 'Not a designer or an admin'),
  409: json(errorSchema, 'VOICE_PROMPT_NAME_TAKEN or VOICE_PROMPT_IN_USE (details.flows names the flows)'),
};

const routes = {
  list: createRoute({
    method: 'get',
    path: '/voice-prompts',
    tags: ['voice prompts'],
    summary: "The workspace's recorded prompts, by name",
    responses: {
      200: json(z.object({ items: z.array(voicePromptSchema) }), 'The prompts'),
      ...errorResponses,
    },
  }),
  upload: createRoute({
    method: 'post',
    path: '/voice-prompts',
    tags: ['voice prompts'],
    summary: 'Upload a WAV or MP3 as a prompt (designers)',
    description:
      'Either multipart/form-data with `name` and `file`, or the audio itself as the body (audio/wav, ' +
      'audio/mpeg, application/octet-stream) with `?name=`. Converted with sox to 8 kHz mono 16-bit WAV. ' +
      '413 over 10 MB, 422 when sox cannot read it, 409 when the name is taken.',
    request: { query: z.object({ name: nameSchema.optional() }) },
    responses: {
      201: json(voicePromptSchema, 'The stored prompt'),
      ...errorResponses,
      ...refusals,
      413: json(errorSchema, 'The file is larger than 10 MB'),
      422: json(errorSchema, 'Not a WAV or MP3 sox can read, or longer than 10 minutes'),
      503: json(errorSchema, 'sox (or libsox-fmt-mp3) is not installed on the server'),
    },
  }),
  rename: createRoute({
    method: 'patch',
    path: '/voice-prompts/{id}',
    tags: ['voice prompts'],
    summary: 'Rename a prompt (designers); flows keep playing it',
    request: {
      params: idParam,
      body: { required: true, content: { 'application/json': { schema: z.object({ name: nameSchema }) } } },
    },
    responses: {
      200: json(voicePromptSchema, 'The renamed prompt'),
      ...errorResponses,
      ...notFoundResponse,
      ...refusals,
    },
  }),
  delete: createRoute({
    method: 'delete',
    path: '/voice-prompts/{id}',
    tags: ['voice prompts'],
    summary: 'Delete a prompt (designers); refused while a published flow plays it',
    request: { params: idParam },
    responses: { 204: { description: 'Deleted' }, ...errorResponses, ...notFoundResponse, ...refusals },
  }),
  audio: createRoute({
    method: 'get',
    path: '/voice-prompts/{id}/audio',
    tags: ['voice prompts'],
    summary: 'The prompt as WAV; honours Range so a player can seek',
    request: { params: idParam },
    responses: {
      200: {
        description: 'The whole file',
        content: { 'audio/wav': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      206: {
        description: 'The asked range',
        content: { 'audio/wav': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      416: json(errorSchema, 'The range starts past the end'),
      ...errorResponses,
      ...notFoundResponse,
    },
  }),
};

/** A VoicePromptError in the reader's language, in the API's one error shape. */
function apiErrorOf(error: VoicePromptError, language: ReaderLanguage): ApiError {
  return new ApiError(
    error.status,
    error.code,
    voicePromptMessage(error.text, language, error.params),
    error.details,
  );
}

/** A name from a form field, checked as the JSON and query ones are (400 in the reader's language). */
function nameFrom(value: unknown, language: ReaderLanguage): string {
  const parsed = nameSchema.safeParse(typeof value === 'string' ? value : undefined);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: 'name',
    ...validationIssueText(issue, language),
  }));
  throw new ApiError(400, 'VALIDATION_FAILED', `name: ${issues.map((i) => i.message).join('; ')}`, {
    issues,
  });
}

/**
 * Recorded prompts (issue #15): audio a designer uploads or records, converted once to the
 * prompt format, kept in the recordings store under `prompts/<workspace>/` and played by voice
 * nodes that name it `prompt:<id>`.
 */
export function voicePromptRoutes(
  deps: AppDeps & {
    recordingStore: RecordingStore;
    /** Converts uploads (default: sox, into a cache folder in the system's temp folder). */
    voicePromptConverter?: Pick<PromptCache, 'convertUpload'>;
  },
) {
  const { db, recordingStore: store } = deps;
  const converter =
    deps.voicePromptConverter ?? createPromptCache({ dir: join(tmpdir(), 'omniflow-prompt-uploads') });

  const findPrompt = async (workspaceId: string, id: string) => {
    const [row] = await db
      .select()
      .from(voicePrompts)
      .where(and(eq(voicePrompts.workspaceId, workspaceId), eq(voicePrompts.id, id)));
    if (!row) throw new VoicePromptError(404, 'NOT_FOUND', 'notFound');
    return row;
  };

  const app = new OpenAPIHono<AppEnv>();
  // Answered here, where the reader's language is known; anything else goes to the app's handler.
  app.onError((error, c) => {
    const refusal =
      error instanceof VoicePromptError
        ? apiErrorOf(error, readerLanguage(c.req.header('accept-language')))
        : error;
    if (refusal instanceof ApiError)
      return c.json(errorBody(refusal.code, refusal.message, refusal.details), refusal.status);
    throw error;
  });
  return app
    .openapi(routes.list, async (c) => {
      const rows = await db
        .select()
        .from(voicePrompts)
        .where(eq(voicePrompts.workspaceId, c.get('principal').workspaceId))
        .orderBy(asc(voicePrompts.name));
      return c.json({ items: rows.map(voicePromptView) }, 200);
    })
    .openapi(routes.upload, async (c) => {
      const principal = c.get('principal');
      const language = readerLanguage(c.req.header('accept-language'));
      let name: string;
      let bytes: Uint8Array;
      if (/^multipart\/form-data/i.test(c.req.header('content-type') ?? '')) {
        const form = await c.req.parseBody().catch(() => {
          throw new ApiError(400, 'FORM_INVALID', voicePromptMessage('badForm', language));
        });
        name = nameFrom(form.name, language);
        if (!(form.file instanceof File))
          throw new ApiError(400, 'AUDIO_MISSING', voicePromptMessage('noFile', language));
        bytes = new Uint8Array(await form.file.arrayBuffer());
      } else {
        name = nameFrom(c.req.valid('query').name, language);
        bytes = new Uint8Array(await c.req.arrayBuffer());
      }
      if (bytes.byteLength === 0)
        throw new ApiError(400, 'AUDIO_MISSING', voicePromptMessage('noFile', language));
      const row = await saveVoicePrompt(
        { db, store, converter },
        { workspaceId: principal.workspaceId, name, bytes, createdBy: principal.userId },
      );
      return c.json(voicePromptView(row), 201);
    })
    .openapi(routes.rename, async (c) => {
      const { workspaceId } = c.get('principal');
      const { id } = c.req.valid('param');
      const { name } = c.req.valid('json');
      await findPrompt(workspaceId, id);
      await refuseTakenName(db, workspaceId, name, id);
      try {
        const [row] = await db
          .update(voicePrompts)
          .set({ name })
          .where(and(eq(voicePrompts.workspaceId, workspaceId), eq(voicePrompts.id, id)))
          .returning();
        return c.json(voicePromptView(row!), 200);
      } catch (error) {
        if (isUniqueViolation(error))
          throw new VoicePromptError(409, 'VOICE_PROMPT_NAME_TAKEN', 'duplicate', { name });
        throw error;
      }
    })
    .openapi(routes.delete, async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      const row = await findPrompt(principal.workspaceId, id);
      const users = await flowsUsingVoicePrompt(db, principal.workspaceId, id);
      if (users.length > 0)
        throw new VoicePromptError(
          409,
          'VOICE_PROMPT_IN_USE',
          'inUse',
          { name: row.name, flows: users.map((user) => `“${user.flowName}”`).join(', ') },
          { flows: users },
        );
      await db.delete(voicePrompts).where(eq(voicePrompts.id, id));
      await store.delete(row.storageKey);
      return c.body(null, 204);
    })
    .openapi(routes.audio, async (c) => {
      const row = await findPrompt(c.get('principal').workspaceId, c.req.valid('param').id);
      // A prompt's audio never changes after upload (a new recording is a new prompt).
      return serveStoredAudio(c, store, {
        ...row,
        noun: 'audio',
        whenMissing: 'delete the audio and upload it again',
      });
    });
}
