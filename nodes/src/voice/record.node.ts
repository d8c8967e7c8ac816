import { z } from 'zod';
import { outputField } from '../sdk/output-schema.ts';
import type { Call } from '../drivers/voice/voice-driver.ts';
import { defineNode } from '../sdk/define-node.ts';
import { uiLabel } from '../sdk/ui-label.ts';
import { durationSchema, parseDuration } from '../sdk/duration.ts';
import { NodeError } from '../sdk/node-error.ts';
import type { NodeRecordings } from '../sdk/types.ts';
import { callActivityOptions, callerHungUp, finishKeySchema, liveCall, onCall } from './live-call.ts';
import { isSilentWav } from './silence.ts';

/** The activity's own limit is an hour; a message longer than this is not a voicemail. */
const longestMessageMs = 30 * 60_000;

const output = z.object({
  /** Absent for a whole-call recording: it is saved when the call ends. */
  recordingId: z
    .string()
    .nullable()
    .meta(outputField('Recording id', 'Id de la grabación', 'rec-1')),
  durationMs: z.number().meta(outputField('Length in milliseconds', 'Duración en milisegundos', 12000)),
  reason: z
    .enum(['max-length', 'finish-key', 'hangup', 'started'])
    .meta(outputField('Why it stopped', 'Por qué terminó', 'finish-key')),
  /** Kept anyway: an empty voicemail still tells someone called. */
  silent: z.boolean().meta(outputField('Silent', 'En silencio', false)),
});

export const voiceRecord = defineNode({
  type: 'voice.record',
  version: 1,
  title: { en: 'Record', es: 'Grabar' },
  description: {
    en: 'Records a voicemail after a beep, or the rest of the call in the background; the audio is kept with the call record.',
    es: 'Graba un mensaje tras un pitido, o el resto de la llamada en segundo plano; el audio se guarda con el registro de la llamada.',
  },
  category: 'voice',
  icon: 'mic',
  portDescriptions: {
    next: {
      en: 'Goes on when the recording ends (or starts, for the whole call).',
      es: 'Sigue al terminar la grabación (o al empezar, si es toda la llamada).',
    },
  },
  summary: [
    { field: 'mode', as: 'choice' },
    { field: 'maxLength', as: 'duration', label: { en: 'At most', es: 'Como máximo' } },
  ],
  ports: ['next'],
  config: z.object({
    mode: z
      .enum(['voicemail', 'whole-call'])
      .default('voicemail')
      .meta({
        ui: {
          widget: 'select',
          label: { en: 'What to record', es: 'Qué grabar' },
          optionLabels: {
            voicemail: { en: 'A message (voicemail)', es: 'Un mensaje (buzón de voz)' },
            'whole-call': {
              en: 'The rest of the call (both sides)',
              es: 'El resto de la llamada (las dos partes)',
            },
          },
        },
      }),
    maxLength: durationSchema
      .default('PT2M')
      .refine((text) => (parseDuration(text) ?? 0) <= longestMessageMs, 'At most 30 minutes')
      .meta({ ui: { widget: 'duration', label: { en: 'Longest message', es: 'Duración máxima' } } }),
    beep: z.boolean().default(true).meta(uiLabel('Beep before recording', 'Pitido antes de grabar')),
    finishOnKey: finishKeySchema('Key that ends the message', 'Tecla que termina el mensaje'),
  }),
  compile: (_node, ctx) => ctx.runActivity({ ports: ['next'] }),
  activity: {
    // A message may take its whole maximum; heartbeats tell a long recording from a dead process.
    options: { ...callActivityOptions, startToCloseTimeout: '1h', heartbeatTimeout: '30s' },
    output,
    async run(config, scope, deps) {
      const call = liveCall(scope, deps);
      if (!deps.recordings) {
        throw new NodeError(
          'RECORDINGS_NOT_CONFIGURED',
          'This worker cannot store recordings (no recording store next to the voice endpoint)',
          false,
        );
      }
      if (config.mode === 'whole-call') {
        startWholeCall(call, deps.recordings);
        return {
          port: 'next',
          output: { recordingId: null, durationMs: 0, reason: 'started', silent: false },
        };
      }
      const file = deps.recordings.scratchPath();
      const result = await onCall(call, () =>
        call.record({
          path: file,
          maxLengthMs: parseDuration(config.maxLength) ?? 120_000,
          beep: config.beep,
          ...(config.finishOnKey ? { finishOnKey: config.finishOnKey } : {}),
        }),
      );
      // Saved before anything else, even when the caller hung up mid-message: that message is
      // often the reason they called.
      const silent = await isSilentWav(result.path);
      const { recordingId } = await deps.recordings.save({
        callId: call.id,
        file: result.path,
        durationMs: result.durationMs,
      });
      if (result.reason === 'hangup') throw callerHungUp(call.id);
      return {
        port: 'next',
        output: { recordingId, durationMs: result.durationMs, reason: result.reason, silent },
      };
    },
  },
});

/** Records in the background and saves when the call ends, however it ends. */
function startWholeCall(call: Call, recordings: NodeRecordings): void {
  const start = call.startRecording?.bind(call);
  if (!start) {
    throw new NodeError(
      'RECORDING_UNSUPPORTED',
      'This voice driver cannot record a whole call; use a voicemail recording instead',
      false,
    );
  }
  const file = recordings.scratchPath();
  const recording = onCallSync(call, () => start({ path: file }));
  recording.done
    .then((result) => recordings.save({ callId: call.id, file: result.path, durationMs: result.durationMs }))
    .catch((error: unknown) => {
      // Nobody awaits this any more (the node went on long ago): say it loudly, it is lost audio.
      console.error(
        `Whole-call recording of call ${call.id} was not saved: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
}

function onCallSync<T>(call: Call, act: () => T): T {
  try {
    return act();
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'CALL_ENDED') throw callerHungUp(call.id);
    throw error;
  }
}
