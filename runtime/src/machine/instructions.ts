import { assign } from 'xstate';
import {
  TemplateError,
  conditionsMatch,
  evaluateDeep,
  parseAnswer,
  renderText,
  type AnswerKind,
  type Choice,
  type Condition,
  type Reply,
} from '@omniflow/nodes/sdk/expressions';
import type { RunContext, RunFault } from './run-context.ts';

// The fixed instruction set (DESIGN.md §5): compiled machines reference these by name only,
// so a stored machine stays JSON and the workflow bundle holds no node code.

type Params = Record<string, unknown>;
interface ActionArgs {
  context: RunContext;
  event: { type: string; output?: unknown; error?: unknown; data?: unknown };
}

function scopeOf(context: RunContext) {
  return { input: context.input, vars: context.vars, nodes: context.nodes, run: context.run };
}

/** The reply a question's guards and actions read: the event's, or the one held while sending. */
function replyOf({ context, event }: ActionArgs, params: Params): Reply | undefined {
  if (params.held === true) return context.held?.[String(params.nodeId)] as Reply | undefined;
  return (event.data ?? {}) as Reply;
}

function withNodeOutput(context: RunContext, nodeId: string, output: unknown): RunContext['nodes'] {
  return { ...context.nodes, [nodeId]: { output } };
}

function faultOf(error: unknown, nodeId: string, code = 'NODE_FAILED'): RunFault {
  if (error instanceof TemplateError) return { code: error.code, message: error.message, nodeId };
  const message =
    error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error);
  return { code, message, nodeId };
}

/** Runs a context update; a template that cannot render records a fault instead of throwing. */
function guarded(nodeId: string, update: () => Partial<RunContext>): Partial<RunContext> {
  try {
    return update();
  } catch (error) {
    return { error: faultOf(error, nodeId, 'TEMPLATE_FAILED') };
  }
}

function activityErrorMessage(error: unknown): { message: string; code?: string } {
  if (error && typeof error === 'object') {
    const { message, code } = error as { message?: unknown; code?: unknown };
    return {
      message: typeof message === 'string' ? message : 'Activity failed',
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
  return { message: String(error) };
}

export const instructionActions = {
  // Step markers: no effect on context; the workflow reads them from the action list.
  enterNode: () => {},
  leaveNode: () => {},
  saveInput: assign(({ context }: ActionArgs, params: Params) => ({
    nodes: withNodeOutput(context, String(params.nodeId), context.input),
  })),
  setVars: assign(({ context }: ActionArgs, params: Params) =>
    guarded(String(params.nodeId), () => {
      const assignments = params.assignments as { name: string; value: unknown }[];
      const vars = { ...context.vars };
      const assigned: Record<string, unknown> = {};
      for (const { name, value } of assignments) {
        // Later assignments see earlier ones, as a designer reading top to bottom expects.
        vars[name] = assigned[name] = evaluateDeep(value, { ...scopeOf(context), vars });
      }
      return { vars, nodes: withNodeOutput(context, String(params.nodeId), assigned) };
    }),
  ),
  setNodeOutput: assign(({ context }: ActionArgs, params: Params) => ({
    nodes: withNodeOutput(context, String(params.nodeId), params.output),
  })),
  saveOutput: assign(({ context, event }: ActionArgs, params: Params) => ({
    nodes: withNodeOutput(
      context,
      String(params.nodeId),
      (event.output as { output?: unknown } | undefined)?.output,
    ),
  })),
  saveError: assign(({ context, event }: ActionArgs, params: Params) => ({
    nodes: withNodeOutput(context, String(params.nodeId), { error: activityErrorMessage(event.error) }),
  })),
  saveEvent: assign(({ context, event }: ActionArgs, params: Params) => ({
    nodes: withNodeOutput(context, String(params.nodeId), event.data ?? {}),
  })),
  setOutput: assign(({ context }: ActionArgs, params: Params) =>
    guarded(String(params.nodeId), () => {
      const output = evaluateDeep(params.output ?? {}, scopeOf(context)) as Record<string, unknown>;
      return { output, nodes: withNodeOutput(context, String(params.nodeId), output) };
    }),
  ),
  /** The person's reply to a question: the parsed answer (when valid), the words, the tries. */
  saveAnswer: assign(({ context, event }: ActionArgs, params: Params) => {
    const nodeId = String(params.nodeId);
    const reply = replyOf({ context, event }, params) ?? {};
    const answer = parseAnswer(params.kind as AnswerKind, reply, (params.choices ?? []) as Choice[]);
    const earlier = context.nodes[nodeId]?.output as { retries?: number } | undefined;
    return {
      nodes: withNodeOutput(context, nodeId, {
        ...(answer !== undefined ? { answer } : {}),
        text: reply.text ?? null,
        choiceId: reply.choiceId ?? null,
        retries: earlier?.retries ?? 0,
      }),
    };
  }),
  /** Keeps the first reply that comes while the question is still on its way (see message.ask). */
  holdReply: assign(({ context, event }: ActionArgs, params: Params) => {
    const nodeId = String(params.nodeId);
    if (context.held?.[nodeId] !== undefined) return {};
    return { held: { ...context.held, [nodeId]: event.data ?? {} } };
  }),
  releaseReply: assign(({ context }: ActionArgs, params: Params) => {
    const nodeId = String(params.nodeId);
    if (context.held?.[nodeId] === undefined) return {};
    return { held: Object.fromEntries(Object.entries(context.held).filter(([id]) => id !== nodeId)) };
  }),
  countRetry: assign(({ context }: ActionArgs, params: Params) => {
    const nodeId = String(params.nodeId);
    const earlier = context.nodes[nodeId]?.output as { retries?: number } | undefined;
    return { nodes: withNodeOutput(context, nodeId, { ...earlier, retries: (earlier?.retries ?? 0) + 1 }) };
  }),
  fail: assign(({ context, event }: ActionArgs, params: Params) => {
    const nodeId = String(params.nodeId);
    if (params.code === 'WAIT_UNTIL_INVALID') {
      let rendered: string;
      try {
        rendered = renderText(String(params.until), scopeOf(context));
      } catch (error) {
        return { error: faultOf(error, nodeId, 'WAIT_UNTIL_INVALID') };
      }
      return {
        error: {
          code: 'WAIT_UNTIL_INVALID',
          message: `"${rendered}" is not a date-time to wait until`,
          nodeId,
        },
      };
    }
    const result = event.output as { port?: string; fault?: { code: string; message: string } } | undefined;
    if (result?.port !== undefined) {
      // A result on an unwired error port: the node's own account of what went wrong.
      const fault = result.fault ?? {
        code: 'NODE_FAILED',
        message: `Left by "${result.port}", which is not connected`,
      };
      return { error: { ...fault, nodeId } };
    }
    const { message, code } = activityErrorMessage(event.error);
    return { error: { code: code ?? String(params.code ?? 'NODE_FAILED'), message, nodeId } };
  }),
};

export const instructionGuards = {
  matches: ({ context }: ActionArgs, params: Params) => {
    try {
      return conditionsMatch(
        params.match === 'any' ? 'any' : 'all',
        params.conditions as Condition[],
        scopeOf(context),
      );
    } catch {
      // A condition that cannot be evaluated (bad template or regex) does not match.
      return false;
    }
  },
  answerValid: (args: ActionArgs, params: Params) => {
    const reply = replyOf(args, params);
    return (
      reply !== undefined &&
      parseAnswer(params.kind as AnswerKind, reply, (params.choices ?? []) as Choice[]) !== undefined
    );
  },
  retriesLeft: ({ context }: ActionArgs, params: Params) =>
    (params.held !== true || context.held?.[String(params.nodeId)] !== undefined) &&
    ((context.nodes[String(params.nodeId)]?.output as { retries?: number } | undefined)?.retries ?? 0) <
      Number(params.max),
  hasHeldReply: ({ context }: ActionArgs, params: Params) =>
    context.held?.[String(params.nodeId)] !== undefined,
  portIs: ({ event }: ActionArgs, params: Params) =>
    (event.output as { port?: unknown } | undefined)?.port === params.port,
  untilInvalid: ({ context }: ActionArgs, params: Params) =>
    Number.isNaN(dueTime(String(params.until), context)),
};

/** Epoch ms of a templated date-time, NaN when it renders to something else. */
export function dueTime(until: string, context: RunContext): number {
  try {
    return Date.parse(renderText(until, scopeOf(context)).trim());
  } catch {
    return Number.NaN;
  }
}
