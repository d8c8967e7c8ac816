import { defineInstructions, withNodeOutput, type InstructionArgs } from '../sdk/instructions/index.ts';

// What message.ask does with a person's reply, inside the workflow: judge it against what was
// asked, keep it, count the tries. Pure (only the SDK's instructions): every replay gives the same
// answer.

declare module '../sdk/instructions/instruction-params.ts' {
  interface ActionParams {
    /** The reply as the question's output: the parsed answer (when valid), the words, the tries. */
    saveAnswer: ReplyParams;
    /** Keeps the first reply that comes while the question is still on its way. */
    holdReply: { nodeId: string };
    /** Forgets the kept reply (it was answered, or the question is asked again). */
    releaseReply: { nodeId: string };
    countRetry: { nodeId: string };
  }
  interface GuardParams {
    answerValid: ReplyParams;
    /** Fewer tries than `max` so far (with `held`: and a reply is kept to judge). */
    retriesLeft: { nodeId: string; max: number; held?: boolean };
    hasHeldReply: { nodeId: string };
  }
}

/** Which reply a question's guard or action judges, and what it expects. */
export interface ReplyParams {
  nodeId: string;
  kind: AnswerKind;
  choices: readonly Choice[];
  /** The reply kept while the question was being sent, instead of the event's. */
  held?: boolean;
}

export const answerKinds = ['text', 'number', 'email', 'phone', 'date', 'choice'] as const;
export type AnswerKind = (typeof answerKinds)[number];

export interface Choice {
  id: string;
  title: string;
}

export interface Reply {
  text?: string;
  choiceId?: string;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase();

function parseDate(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  // Day first, as people write dates in Spain and most of Latin America.
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y || !m || !d) return undefined;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return undefined;
  return date.toISOString().slice(0, 10);
}

/** The answer a reply gives, in its kind's form, or undefined when it is not a valid answer. */
export function parseAnswer(kind: AnswerKind, reply: Reply, choices: readonly Choice[] = []): unknown {
  const text = (reply.text ?? '').trim();
  switch (kind) {
    case 'text':
      return text === '' ? undefined : text;
    case 'number': {
      const normal = text.replace(/\s/g, '').replace(',', '.');
      return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : undefined;
    }
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(text) ? text.toLowerCase() : undefined;
    case 'phone': {
      const digits = text.replace(/[\s().-]/g, '');
      return /^\+?\d{6,15}$/.test(digits) ? digits : undefined;
    }
    case 'date':
      return parseDate(text);
    case 'choice': {
      const byId = choices.find((c) => c.id === reply.choiceId);
      if (byId) return byId.id;
      // On SMS options come numbered: "2" picks the second; the title itself works too.
      const index = /^\d+$/.test(text) ? Number(text) - 1 : -1;
      const picked =
        choices[index] ?? choices.find((c) => fold(c.title) === fold(text) || fold(c.id) === fold(text));
      return picked?.id;
    }
  }
}

/** The reply in an event's data (`{ text, choiceId }`), or the one held for the question. */
function replyOf({ context, event }: InstructionArgs, params: { nodeId: string; held?: boolean }) {
  const data = params.held === true ? context.held?.[params.nodeId] : (event.data ?? {});
  return data === undefined ? undefined : toReply(data);
}

function toReply(data: unknown): Reply {
  if (data === null || typeof data !== 'object') return {};
  const text = 'text' in data ? data.text : undefined;
  const choiceId = 'choiceId' in data ? data.choiceId : undefined;
  return {
    ...(typeof text === 'string' ? { text } : {}),
    ...(typeof choiceId === 'string' ? { choiceId } : {}),
  };
}

function retriesOf(output: unknown): number {
  const retries = output !== null && typeof output === 'object' && 'retries' in output ? output.retries : 0;
  return typeof retries === 'number' ? retries : 0;
}

export const askInstructions = defineInstructions({
  actions: {
    saveAnswer: (args, params) => {
      const { context } = args;
      const reply = replyOf(args, params) ?? {};
      const answer = parseAnswer(params.kind, reply, params.choices);
      return {
        nodes: withNodeOutput(context, params.nodeId, {
          ...(answer !== undefined ? { answer } : {}),
          text: reply.text ?? null,
          choiceId: reply.choiceId ?? null,
          retries: retriesOf(context.nodes[params.nodeId]?.output),
        }),
      };
    },
    holdReply: ({ context, event }, { nodeId }) => {
      if (context.held?.[nodeId] !== undefined) return {};
      return { held: { ...context.held, [nodeId]: event.data ?? {} } };
    },
    releaseReply: ({ context }, { nodeId }) => {
      if (context.held?.[nodeId] === undefined) return {};
      return { held: Object.fromEntries(Object.entries(context.held).filter(([id]) => id !== nodeId)) };
    },
    countRetry: ({ context }, { nodeId }) => {
      const earlier = context.nodes[nodeId]?.output;
      const kept = earlier !== null && typeof earlier === 'object' ? earlier : {};
      return { nodes: withNodeOutput(context, nodeId, { ...kept, retries: retriesOf(earlier) + 1 }) };
    },
  },
  guards: {
    answerValid: (args, params) => {
      const reply = replyOf(args, params);
      return reply !== undefined && parseAnswer(params.kind, reply, params.choices) !== undefined;
    },
    retriesLeft: ({ context }, { nodeId, max, held }) =>
      (held !== true || context.held?.[nodeId] !== undefined) &&
      retriesOf(context.nodes[nodeId]?.output) < max,
    hasHeldReply: ({ context }, { nodeId }) => context.held?.[nodeId] !== undefined,
  },
});
