import { z } from 'zod';
import { defineNode } from '../sdk/define-node.ts';
import { fromChildState } from '../sdk/compile-context.ts';
import { durationSchema, parseDuration } from '../sdk/duration.ts';
import { action, guard } from '../sdk/instructions/index.ts';
import type { StateFragment, TransitionJson } from '../sdk/types.ts';
import { answerKinds, askInstructions, type ReplyParams } from './ask.instructions.ts';
import { messagingChannelSchema } from './channel-field.ts';
import { messageSend } from './send.node.ts';
import { outputField } from '../sdk/output-schema.ts';
import { uiLabel } from '../sdk/ui-label.ts';
import { saveAnswerAction, saveAnswerAsField } from '../sdk/save-answer-as.ts';

// Labelled in both languages: a Spanish designer met "Title" on the appointment bot's options.
const choiceSchema = z.object({
  id: z
    .string()
    .min(1, 'Give the option an id')
    .meta(uiLabel('Id (saved as the answer)', 'Id (se guarda como respuesta)')),
  title: z
    .string()
    .min(1, 'Give the option a title')
    .max(24, 'Option titles are at most 24 characters')
    .meta(uiLabel('Button text', 'Texto del botón')),
});

export const messageAsk = defineNode({
  type: 'message.ask',
  version: 1,
  title: { en: 'Ask a question', es: 'Hacer una pregunta' },
  description: {
    en: 'Sends a question and waits for the reply; a reply that does not fit is asked again with your error text.',
    es: 'Envía una pregunta y espera la respuesta; si no encaja, vuelve a preguntar con tu texto de error.',
  },
  category: 'messaging',
  icon: 'message-circle-question-mark',
  portDescriptions: {
    answered: {
      en: 'The person replied with a valid answer.',
      es: 'La persona respondió con una respuesta válida.',
    },
    invalid: {
      en: 'The replies did not fit, even after asking again.',
      es: 'Las respuestas no encajaban, ni siquiera al volver a preguntar.',
    },
    timeout: { en: 'No reply came in time.', es: 'No llegó respuesta a tiempo.' },
    failed: { en: 'The question could not be sent.', es: 'No se pudo enviar la pregunta.' },
  },
  summary: [{ field: 'question' }, { rows: 'choices', show: ['title'] }],
  waits: true,
  sendsFreeText: true,
  ports: ['answered', 'invalid', 'timeout', 'failed'],
  // The person just wrote: WhatsApp's 24 h window is open again there.
  repliedPorts: ['answered', 'invalid'],
  requiredPorts: ['timeout'],
  instructions: askInstructions,
  languageDefaults: {
    retryText: {
      en: 'Sorry, I did not understand that. {{ nodes.self.question }}',
      es: 'Perdone, no le he entendido. {{ nodes.self.question }}',
    },
  },
  config: z.object({
    channel: messagingChannelSchema.default('whatsapp'),
    to: z
      .string()
      .min(1, 'Say who is asked')
      .default('{{ input.from }}')
      .meta({ ui: { widget: 'template', label: { en: 'To', es: 'Para' } } }),
    question: z
      .string()
      .min(1, 'Write the question')
      .meta({ ui: { widget: 'template', label: { en: 'Question', es: 'Pregunta' } } }),
    expect: z
      .enum(answerKinds)
      .default('text')
      .meta({
        ui: {
          widget: 'select',
          label: { en: 'Expected answer', es: 'Respuesta esperada' },
          optionLabels: {
            text: { en: 'Any text', es: 'Cualquier texto' },
            number: { en: 'A number', es: 'Un número' },
            email: { en: 'An email address', es: 'Un correo electrónico' },
            phone: { en: 'A phone number', es: 'Un teléfono' },
            date: { en: 'A date', es: 'Una fecha' },
            choice: { en: 'One of the options', es: 'Una de las opciones' },
          },
        },
      }),
    choices: z
      .array(choiceSchema)
      .max(10, 'At most 10 options')
      .default([])
      // The id is made from the button text, as a menu's from its label (builder rows-field.tsx).
      .meta({ ui: { widget: 'rows', idFrom: 'title', label: { en: 'Options', es: 'Opciones' } } }),
    listButton: messageSend.config.shape.listButton,
    retryText: z
      .string()
      .min(1)
      .default('Sorry, I did not understand that. {{ nodes.self.question }}')
      .meta({ ui: { widget: 'template', label: { en: 'Error text', es: 'Texto de error' } } }),
    maxRetries: z
      .number()
      .int()
      .min(0)
      .max(10)
      .default(2)
      .meta({ ui: { widget: 'number', label: { en: 'Retries', es: 'Reintentos' } } }),
    timeout: durationSchema
      .default('PT1H')
      .meta({ ui: { widget: 'duration', label: { en: 'Wait at most', es: 'Esperar como máximo' } } }),
    saveAs: saveAnswerAsField,
  }),
  // What saveAnswer (ask.instructions.ts) keeps: not the send's receipt, the person's reply.
  output: z.object({
    answer: z
      .union([z.string(), z.number()])
      .optional()
      .meta(outputField('Answer', 'Respuesta', 'Ana')),
    text: z
      .string()
      .nullable()
      .meta(outputField('Words written', 'Texto escrito', 'Me llamo Ana')),
    choiceId: z
      .string()
      .nullable()
      .meta(outputField('Option chosen', 'Opción elegida', 'si')),
    retries: z.number().meta(outputField('Times asked again', 'Veces que se repitió', 0)),
  }),
  compile: (node, ctx) => {
    const exit = (port: string) => fromChildState(ctx.target(port));
    const { config } = node;
    const asking = ctx.runActivity({ ports: ['sent', 'failed'], errorPort: 'failed' }).invoke!;
    const send = (id: string, text: string): StateFragment => ({
      invoke: {
        id,
        src: 'runNode',
        input: { ...asking.input, config: { ...config, question: text } },
        onDone: [
          { guard: guard('portIs', { port: 'sent' }), target: 'waiting' },
          ...asking.onDone.slice(1).map((t) => ({ ...t, target: fromChildState(t.target) })),
        ],
        onError: [asking.onError].flat().map((t) => ({ ...t, target: fromChildState(t.target) })),
      },
    });
    const params: ReplyParams = { nodeId: node.id, kind: config.expect, choices: config.choices };
    // The reply in the event, or (held: true) the one that came while the question was on its way.
    const handleReply = (held: boolean): TransitionJson[] => {
      const reply = held ? { ...params, held } : params;
      const release = held ? [action('releaseReply', { nodeId: node.id })] : [];
      return [
        {
          guard: guard('answerValid', reply),
          target: exit('answered'),
          actions: [
            action('saveAnswer', reply),
            ...(config.saveAs ? [saveAnswerAction(node.id, 'answer', config.saveAs)] : []),
            ...release,
            ctx.leave('answered'),
          ],
        },
        {
          guard: guard('retriesLeft', { nodeId: node.id, max: config.maxRetries, ...(held ? { held } : {}) }),
          target: 'retrying',
          actions: [action('countRetry', { nodeId: node.id }), ...release],
        },
        {
          ...(held ? { guard: guard('hasHeldReply', { nodeId: node.id }) } : {}),
          target: exit('invalid'),
          actions: [action('saveAnswer', reply), ...release, ctx.leave('invalid')],
        },
      ];
    };
    // A person can answer before the send has finished (the provider delivered the question while
    // we were still recording it): that reply is held, not lost, and answers once it is sent.
    const hold = { message: { actions: [action('holdReply', { nodeId: node.id })] } };
    return {
      initial: 'asking',
      states: {
        asking: {
          ...send(node.id, config.question),
          entry: [action('releaseReply', { nodeId: node.id })],
          on: hold,
        },
        waiting: {
          always: handleReply(true),
          on: { message: handleReply(false) },
          after: {
            [String(parseDuration(config.timeout))]: {
              target: exit('timeout'),
              actions: [ctx.leave('timeout')],
            },
          },
        },
        retrying: {
          ...send(
            `${node.id}.retry`,
            config.retryText.replaceAll('{{ nodes.self.question }}', config.question),
          ),
          on: hold,
        },
      },
    };
  },
  activity: {
    options: messageSend.activity!.options,
    output: messageSend.activity!.output,
    // Sends the question (or, asked again, the error text): the same as message.send.
    run: (config, scope, deps) =>
      messageSend.activity!.run(
        {
          channel: config.channel,
          to: config.to,
          text: config.question,
          template: '',
          language: 'es',
          buttons: config.choices,
          listButton: config.listButton,
          mediaKind: 'image',
        },
        scope,
        deps,
      ),
  },
});
