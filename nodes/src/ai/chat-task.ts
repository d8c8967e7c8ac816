import { z } from 'zod';
import type { ChatMessage, JsonSchemaFormat } from './chat-completions.ts';

/** The part of ai.chat's config a task is made from. */
export interface AiTaskConfig {
  mode: 'classify' | 'extract' | 'answer';
  intents: { id: string; name: string; description: string }[];
  fields: { name: string; type: 'string' | 'number' | 'boolean'; description: string; required: boolean }[];
  knowledge: string;
}

/** What the node makes of one model answer: a port and output, or what was wrong with it. */
export type Judged =
  | { ok: true; port: string; output: Record<string, unknown> }
  | { ok: false; content: string; problem: string };

export interface AiTask {
  messages: ChatMessage[];
  format: JsonSchemaFormat;
  judge(content: string): Judged;
}

function parseJson(content: string): unknown {
  // Some compatible servers wrap JSON in a Markdown fence even when asked for JSON only.
  const unfenced = content.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/, '$1');
  return JSON.parse(unfenced);
}

function judgeWith<T extends Record<string, unknown>>(
  schema: z.ZodType<T>,
  decide: (value: T) => Judged,
): (content: string) => Judged {
  return (content) => {
    let value: unknown;
    try {
      value = parseJson(content);
    } catch {
      return { ok: false, content, problem: 'it is not JSON' };
    }
    const checked = schema.safeParse(value);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return { ok: false, content, problem: `${where}${issue?.message ?? 'wrong shape'}` };
    }
    return decide(checked.data);
  };
}

function withInstructions(system: string, instructions: string): string {
  return instructions.trim() === ''
    ? system
    : `${system}\n\nMore instructions from the flow's designer:\n${instructions.trim()}`;
}

function classify(config: AiTaskConfig, message: string, instructions: string): AiTask {
  const ids = config.intents.map((i) => i.id);
  const list = config.intents
    .map((i) => `- ${i.id}: ${i.name}${i.description ? ` — ${i.description}` : ''}`)
    .join('\n');
  return {
    messages: [
      {
        role: 'system',
        content: withInstructions(
          `Sort the person's message into exactly one of these intents (id: meaning):\n${list}\nAnswer only JSON like {"intent": "<id>"}; use "other" when none fits.`,
          instructions,
        ),
      },
      { role: 'user', content: message },
    ],
    format: {
      name: 'intent',
      schema: {
        type: 'object',
        properties: { intent: { type: 'string', enum: [...ids, 'other'] } },
        required: ['intent'],
        additionalProperties: false,
      },
    },
    judge: judgeWith(z.object({ intent: z.string() }).loose(), ({ intent }): Judged => {
      if (intent === 'other') return { ok: true, port: 'other', output: { intent: 'other' } };
      const found = config.intents.find((i) => i.id === intent);
      if (!found)
        return {
          ok: false,
          content: JSON.stringify({ intent }),
          problem: `"${intent}" is not one of the intents`,
        };
      return { ok: true, port: found.id, output: { intent: found.id, name: found.name } };
    }),
  };
}

function extract(config: AiTaskConfig, message: string, instructions: string): AiTask {
  const properties = Object.fromEntries(
    config.fields.map((f) => [
      f.name,
      { type: [f.type, 'null'], ...(f.description ? { description: f.description } : {}) },
    ]),
  );
  const shape = Object.fromEntries(
    config.fields.map((f) => {
      const base = f.type === 'string' ? z.string() : f.type === 'number' ? z.number() : z.boolean();
      return [f.name, f.required ? base : base.nullable()];
    }),
  );
  const list = config.fields
    .map(
      (f) =>
        `- ${f.name} (${f.type}${f.required ? '' : ', may be null'})${f.description ? `: ${f.description}` : ''}`,
    )
    .join('\n');
  return {
    messages: [
      {
        role: 'system',
        content: withInstructions(
          `Extract these fields from the person's message:\n${list}\nAnswer only a JSON object with exactly these keys; use null for a field the message does not give.`,
          instructions,
        ),
      },
      { role: 'user', content: message },
    ],
    format: {
      name: 'fields',
      schema: {
        type: 'object',
        properties,
        required: config.fields.map((f) => f.name),
        additionalProperties: false,
      },
    },
    judge: judgeWith(z.object(shape), (values) => ({ ok: true, port: 'next', output: values })),
  };
}

function answer(config: AiTaskConfig, message: string, instructions: string): AiTask {
  return {
    messages: [
      {
        role: 'system',
        content: withInstructions(
          `Answer the person's question using only the knowledge below. If the knowledge does not contain the answer, or you are not sure, set "answered" to false and leave "answer" empty. Answer only JSON like {"answered": true, "answer": "..."}.\n\nKnowledge:\n${config.knowledge}`,
          instructions,
        ),
      },
      { role: 'user', content: message },
    ],
    format: {
      name: 'answer',
      schema: {
        type: 'object',
        properties: { answered: { type: 'boolean' }, answer: { type: 'string' } },
        required: ['answered', 'answer'],
        additionalProperties: false,
      },
    },
    judge: judgeWith(z.object({ answered: z.boolean(), answer: z.string() }), (value): Judged =>
      value.answered && value.answer.trim() !== ''
        ? { ok: true, port: 'next', output: { answer: value.answer } }
        : { ok: true, port: 'other', output: { answer: '' } },
    ),
  };
}

/** The prompt, answer format and judging for the node's mode. */
export function aiTask(config: AiTaskConfig, message: string, instructions: string): AiTask {
  if (config.mode === 'classify') return classify(config, message, instructions);
  if (config.mode === 'extract') return extract(config, message, instructions);
  return answer(config, message, instructions);
}
