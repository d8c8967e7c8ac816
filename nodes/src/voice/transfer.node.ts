import { z } from 'zod';
import { outputField } from '../sdk/output-schema.ts';
import type { TransferOutcome } from '../drivers/voice/voice-driver.ts';
import { defineNode } from '../sdk/define-node.ts';
import { durationSchema, parseDuration } from '../sdk/duration.ts';
import { renderText } from '../sdk/expressions/templates.ts';
import { NodeError } from '../sdk/node-error.ts';
import { callActivityOptions, languageSchemaOptions, liveCall, onCall } from './live-call.ts';
import { simulatedTransferNote } from './simulated-notes.ts';

export const transferPorts = [
  'answered',
  'busy',
  'no-answer',
  'failed',
] as const satisfies readonly TransferOutcome[];

export const voiceTransfer = defineNode({
  type: 'voice.transfer',
  version: 1,
  title: { en: 'Transfer call', es: 'Transferir llamada' },
  description: {
    en: 'Passes the caller to a SIP address or phone number; goes on by whether it answered, was busy, did not answer or failed.',
    es: 'Pasa a quien llama a una dirección SIP o un teléfono; sigue según conteste, comunique, no conteste o falle.',
  },
  category: 'voice',
  icon: 'phone-forwarded',
  portDescriptions: {
    answered: { en: 'The other side answered.', es: 'El otro lado contestó.' },
    busy: { en: 'The other side was busy.', es: 'El otro lado estaba ocupado.' },
    'no-answer': { en: 'Nobody answered in time.', es: 'Nadie contestó a tiempo.' },
    failed: { en: 'The transfer could not be made.', es: 'No se pudo hacer la transferencia.' },
  },
  summary: [
    { field: 'target', label: { en: 'To', es: 'A' } },
    { field: 'mode', as: 'choice' },
  ],
  ports: [...transferPorts],
  config: z.object({
    target: z
      .string()
      .min(1, 'Give a SIP address (sip:agent@host) or a phone number')
      .meta({
        ui: { widget: 'template', label: { en: 'SIP address or number', es: 'Dirección SIP o teléfono' } },
      }),
    mode: z
      .enum(['attended', 'blind'])
      .default('attended')
      .meta({
        ui: {
          widget: 'select',
          label: { en: 'Mode', es: 'Modo' },
          optionLabels: {
            attended: { en: 'Attended (stay in the call)', es: 'Atendida (seguir en la llamada)' },
            blind: { en: 'Blind (hand it over)', es: 'Ciega (entregarla)' },
          },
        },
      }),
    ringTimeout: durationSchema
      .default('PT30S')
      .meta({ ui: { widget: 'duration', label: { en: 'Ring for', es: 'Tiempo de timbre' } } }),
    announcement: z
      .string()
      .default('')
      .meta({
        ui: { widget: 'template', label: { en: 'Said before (optional)', es: 'Locución previa (opcional)' } },
      }),
    language: z.enum(['es', 'en']).default('es').meta({ ui: languageSchemaOptions }),
  }),
  compile: (_node, ctx) => ctx.runActivity({ ports: transferPorts }),
  activity: {
    // A transfer rings for at most its ring timeout (a blind one waits for the REFER's NOTIFY):
    // the call queue's 10 minutes are plenty.
    options: callActivityOptions,
    output: z.object({
      target: z.string().meta(outputField('Transferred to', 'Transferida a', '+34910000000')),
      mode: z.enum(['attended', 'blind']).meta(outputField('Mode', 'Modo', 'blind')),
      outcome: z.enum(transferPorts).meta(outputField('Outcome', 'Resultado', 'answered')),
      simulated: z
        .boolean()
        .meta(
          outputField('Simulated (browser test call)', 'Simulada (llamada de prueba del navegador)', false),
        ),
    }),
    async run(config, scope, deps) {
      const call = liveCall(scope, deps);
      const target = renderText(config.target, scope).trim();
      if (!target)
        throw new NodeError(
          'TRANSFER_TARGET_INVALID',
          `The target rendered empty from ${config.target}`,
          false,
        );
      const announcement = renderText(config.announcement, scope);
      if (announcement.trim())
        await onCall(call, () => call.say(announcement, { language: config.language }));
      if (call.simulatesTransfer) {
        // A browser test call cannot reach the target: the designer hears where a real call would
        // go, and the flow goes on as if it answered, so the path after it can be tried too.
        await onCall(call, () =>
          call.say(simulatedTransferNote(target, config.language), { language: config.language }),
        );
        return {
          port: 'answered',
          output: { target, mode: config.mode, outcome: 'answered', simulated: true },
        };
      }
      const outcome = await onCall(call, () =>
        call.transfer(target, config.mode, { ringTimeoutMs: parseDuration(config.ringTimeout) ?? 30_000 }),
      );
      return { port: outcome, output: { target, mode: config.mode, outcome, simulated: false } };
    },
  },
});
