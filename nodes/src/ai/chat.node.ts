import { z } from 'zod';
import { defineNode } from '../sdk/define-node.ts';
import { durationSchema, parseDuration } from '../sdk/duration.ts';
import { renderText } from '../sdk/expressions/templates.ts';
import { action, guard } from '../sdk/instructions/index.ts';
import { NodeError } from '../sdk/node-error.ts';
import { outputField } from '../sdk/output-schema.ts';
import type { ActivityResult, PortsOfConfig, StateFragment } from '../sdk/types.ts';
import { chatCompletion, type ChatMessage, type JsonSchemaFormat } from './chat-completions.ts';
import { aiTask } from './chat-task.ts';

export const aiModes = ['classify', 'extract', 'answer'] as const;
const fieldTypes = ['string', 'number', 'boolean'] as const;

const label = (en: string, es: string) => ({ ui: { label: { en, es } } });

const intent = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'A port id has only letters, digits, - and _')
    .refine(
      (id) => !['other', 'next', 'failed'].includes(id),
      'other, next and failed are the node’s own ports',
    )
    .meta(label('Port id', 'Id del puerto')),
  name: z.string().min(1, 'Name the intent').meta(label('Intent', 'Intención')),
  description: z
    .string()
    .default('')
    .meta(label('What the person wants (for the model)', 'Qué quiere la persona (para el modelo)')),
});

const field = z.object({
  name: z
    .string()
    .regex(
      /^[A-Za-z_][A-Za-z0-9_]*$/,
      'A variable name starts with a letter or _ and has only letters, digits and _',
    )
    .meta(label('Variable', 'Variable')),
  type: z
    .enum(fieldTypes)
    .default('string')
    .meta({
      ui: {
        widget: 'select',
        label: { en: 'Kind', es: 'Tipo' },
        optionLabels: {
          string: { en: 'Text', es: 'Texto' },
          number: { en: 'Number', es: 'Número' },
          boolean: { en: 'Yes / no', es: 'Sí / no' },
        },
      },
    }),
  description: z.string().default('').meta(label('What to look for', 'Qué buscar')),
  required: z
    .boolean()
    .default(true)
    .meta({ ui: { widget: 'toggle', label: { en: 'Required', es: 'Obligatorio' } } }),
});

/** Ports for a config: an intent's, or "other", in classify; "next" in extract; "next" or "other" in answer. */
function aiPorts(config: { mode: (typeof aiModes)[number]; intents: { id: string }[] }): string[] {
  if (config.mode === 'classify') return [...config.intents.map((i) => i.id), 'other', 'failed'];
  if (config.mode === 'extract') return ['next', 'failed'];
  return ['next', 'other', 'failed'];
}
// The builder draws the intent rows and all three fixed ports; a mode leaves by some of them.
const ports: PortsOfConfig<{ mode: (typeof aiModes)[number]; intents: { id: string }[] }> = Object.assign(
  aiPorts,
  {
    rows: { list: 'intents', then: ['next', 'other', 'failed'] },
  },
);

export const aiChat = defineNode({
  type: 'ai.chat',
  version: 1,
  title: { en: 'AI', es: 'IA' },
  description: {
    en: 'Asks the workspace’s AI model (any OpenAI-compatible service) to sort the person’s message into intents, pull fields out of it into variables, or answer it from a knowledge text.',
    es: 'Pide al modelo de IA del espacio de trabajo (cualquier servicio compatible con OpenAI) que clasifique el mensaje de la persona por intenciones, saque datos a variables o lo conteste con un texto de conocimiento.',
  },
  category: 'ai',
  icon: 'bot',
  portDescriptions: {
    next: {
      en: 'Extract: the fields were found and saved in variables. Answer: the model answered from the knowledge.',
      es: 'Extraer: los datos se encontraron y se guardaron en variables. Responder: el modelo contestó con el conocimiento.',
    },
    other: {
      en: 'Classify: no intent fits. Answer: the knowledge does not cover the question.',
      es: 'Clasificar: no encaja ninguna intención. Responder: el conocimiento no cubre la pregunta.',
    },
    failed: {
      en: 'No usable answer: the provider failed or timed out after retries, or the model answered wrongly twice.',
      es: 'Sin respuesta útil: el proveedor falló o no contestó tras los reintentos, o el modelo respondió mal dos veces.',
    },
  },
  rowPortDescription: {
    en: 'The person’s message fits this intent.',
    es: 'El mensaje de la persona encaja con esta intención.',
  },
  summary: [
    { field: 'mode', as: 'choice' },
    { rows: 'intents', show: ['name'] },
    { rows: 'fields', show: ['name'] },
  ],
  ports,
  config: z.object({
    mode: z
      .enum(aiModes)
      .default('classify')
      .meta({
        ui: {
          widget: 'select',
          label: { en: 'Task', es: 'Tarea' },
          optionLabels: {
            classify: { en: 'Classify the message', es: 'Clasificar el mensaje' },
            extract: { en: 'Extract fields', es: 'Extraer datos' },
            answer: { en: 'Answer from knowledge', es: 'Responder con conocimiento' },
          },
        },
      }),
    message: z
      .string()
      .min(1, 'Say which text the model reads')
      .default('{{ input.text }}')
      .meta({ ui: { widget: 'template', label: { en: 'Message to read', es: 'Mensaje que lee' } } }),
    intents: z
      .array(intent)
      .max(50, 'At most 50 intents')
      .default([])
      .refine((list) => new Set(list.map((i) => i.id)).size === list.length, 'Port ids must be unique')
      .meta({ ui: { widget: 'rows', label: { en: 'Intents', es: 'Intenciones' } } }),
    fields: z
      .array(field)
      .max(50, 'At most 50 fields')
      .default([])
      .refine((list) => new Set(list.map((f) => f.name)).size === list.length, 'Each variable once')
      .meta({ ui: { widget: 'rows', label: { en: 'Fields to extract', es: 'Datos que extraer' } } }),
    knowledge: z
      .string()
      .max(100_000, 'At most 100,000 characters of knowledge')
      .default('')
      .meta({
        ui: {
          widget: 'code',
          language: 'markdown',
          label: { en: 'Knowledge', es: 'Conocimiento' },
          help: {
            en: 'Answer mode: what the model may answer from (prices, opening hours, policies). It says it is unsure when the answer is not here.',
            es: 'Modo responder: lo que el modelo puede usar para contestar (precios, horarios, normas). Dice que no está seguro si la respuesta no está aquí.',
          },
        },
      }),
    instructions: z
      .string()
      .max(4000)
      .default('')
      .meta({ ui: { widget: 'template', label: { en: 'Extra instructions', es: 'Instrucciones extra' } } }),
    model: z
      .string()
      .max(200)
      .default('')
      .meta({
        ui: {
          widget: 'text',
          label: { en: 'Model (empty: the workspace’s)', es: 'Modelo (vacío: el del espacio)' },
        },
      }),
    stream: z
      .boolean()
      .default(false)
      .meta({
        ui: { widget: 'toggle', label: { en: 'Stream the answer', es: 'Recibir la respuesta en streaming' } },
      }),
    timeout: durationSchema.default('PT30S').meta({
      ui: { widget: 'duration', label: { en: 'Timeout per try', es: 'Tiempo máximo por intento' } },
    }),
  }),
  output: z
    .object({
      intent: z
        .string()
        .optional()
        .meta(outputField('Intent', 'Intención', 'billing')),
      answer: z
        .string()
        .optional()
        .meta(outputField('Answer', 'Respuesta', 'We open at 9:00.')),
    })
    .catchall(z.unknown()),
  compile: (node, ctx) => {
    const fragment: StateFragment = ctx.runActivity({ ports: aiPorts(node.config), errorPort: 'failed' });
    if (node.config.mode !== 'extract' || !fragment.invoke) return fragment;
    // Extracted fields become variables of the same name, as the inspector promises.
    const saves = node.config.fields.map((f) =>
      action('saveAnswerAs', { nodeId: node.id, field: f.name, name: f.name }),
    );
    const portIsNext = JSON.stringify(guard('portIs', { port: 'next' }));
    fragment.invoke.onDone = fragment.invoke.onDone.map((transition) =>
      JSON.stringify(transition.guard) === portIsNext
        ? {
            ...transition,
            actions: [
              ...(transition.actions ?? []).slice(0, 1),
              ...saves,
              ...(transition.actions ?? []).slice(1),
            ],
          }
        : transition,
    );
    return fragment;
  },
  activity: {
    // The client retries timeouts, 429 and 5xx itself (honouring Retry-After); a Temporal retry
    // on top would ask the model again for an answer it already judged.
    options: { startToCloseTimeout: '5m', retry: { maximumAttempts: 1 } },
    output: z.unknown(),
    async run(config, scope, deps): Promise<ActivityResult> {
      const provider = await deps.ai?.provider();
      if (!provider) {
        const message = 'No AI provider is set for this workspace: add one in Settings → AI provider';
        return { port: 'failed', output: { error: message }, fault: { code: 'AI_NOT_CONFIGURED', message } };
      }
      const model = config.model.trim() || provider.model;
      const task = aiTask(config, renderText(config.message, scope), renderText(config.instructions, scope));
      const messages: ChatMessage[] = task.messages;
      const usage = { promptTokens: 0, completionTokens: 0, requests: 0 };
      const ask = async (format: JsonSchemaFormat) => {
        const answer = await chatCompletion({
          baseUrl: provider.baseUrl,
          ...(provider.apiKey ? { apiKey: provider.apiKey } : {}),
          model,
          messages,
          responseFormat: format,
          stream: config.stream,
          timeoutMs: parseDuration(config.timeout) ?? 30_000,
          signal: deps.signal,
          backoffMs: Number(deps.env.OMNIFLOW_AI_BACKOFF_MS ?? 500),
        });
        usage.promptTokens += answer.usage.promptTokens;
        usage.completionTokens += answer.usage.completionTokens;
        usage.requests += answer.requests;
        await deps.ai?.recordUsage({ model, ...answer.usage });
        return answer.content;
      };
      const record = () => ({ mode: config.mode, model, ...usage });
      try {
        // A malformed answer is asked for once more, with what was wrong; then it is a failure.
        let judged = task.judge(await ask(task.format));
        if (!judged.ok) {
          messages.push(
            { role: 'assistant', content: judged.content },
            {
              role: 'user',
              content: `That answer is not valid (${judged.problem}). Answer again with only JSON that matches the schema.`,
            },
          );
          judged = task.judge(await ask(task.format));
        }
        if (!judged.ok) {
          const message = `The model answered with something unusable twice: ${judged.problem}`;
          return {
            port: 'failed',
            output: { error: message },
            input: record(),
            fault: { code: 'AI_INVALID_ANSWER', message },
          };
        }
        return { port: judged.port, output: judged.output, input: record() };
      } catch (error) {
        if (!(error instanceof NodeError)) throw error;
        return {
          port: 'failed',
          output: { error: error.message },
          input: record(),
          fault: { code: error.code, message: error.message },
        };
      }
    },
  },
});
