import { TemplateError, conditionsMatch, evaluateDeep, renderText } from '../expressions/index.ts';
import { defineInstructions } from './instruction-set.ts';
import type { RunContext, RunFault } from './run-context.ts';

// The instructions every node may use (DESIGN.md §5): compiled machines name them only, so a
// stored machine stays JSON and the workflow bundle holds no node code. A node that needs more
// keeps its own beside it (messaging/ask.instructions.ts).

/** What templates see of the run. */
export function scopeOf(context: RunContext) {
  return { input: context.input, vars: context.vars, nodes: context.nodes, run: context.run };
}

export function withNodeOutput(context: RunContext, nodeId: string, output: unknown): RunContext['nodes'] {
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
    const message = 'message' in error ? error.message : undefined;
    const code = 'code' in error ? error.code : undefined;
    return {
      message: typeof message === 'string' ? message : 'Activity failed',
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
  return { message: String(error) };
}

/** Epoch ms of a templated date-time, NaN when it renders to something else. */
export function dueTime(until: string, context: RunContext): number {
  try {
    return Date.parse(renderText(until, scopeOf(context)).trim());
  } catch {
    return Number.NaN;
  }
}

export const coreInstructions = defineInstructions({
  actions: {
    saveInput: ({ context }, { nodeId }) => ({ nodes: withNodeOutput(context, nodeId, context.input) }),
    setVars: ({ context }, { nodeId, assignments }) =>
      guarded(nodeId, () => {
        const vars = { ...context.vars };
        const assigned: Record<string, unknown> = {};
        for (const { name, value } of assignments) {
          // Later assignments see earlier ones, as a designer reading top to bottom expects.
          vars[name] = assigned[name] = evaluateDeep(value, { ...scopeOf(context), vars });
        }
        return { vars, nodes: withNodeOutput(context, nodeId, assigned) };
      }),
    setNodeOutput: ({ context }, { nodeId, output }) => ({ nodes: withNodeOutput(context, nodeId, output) }),
    saveAnswerAs: ({ context }, { nodeId, field, name }) => {
      const output = context.nodes[nodeId]?.output;
      const value =
        output !== null && typeof output === 'object' && Object.hasOwn(output, field)
          ? (output as Record<string, unknown>)[field]
          : undefined;
      // No answer (an invalid reply) keeps what the variable held, so a default still shows.
      return value === undefined ? {} : { vars: { ...context.vars, [name]: value } };
    },
    saveOutput: ({ context, event }, { nodeId }) => ({
      nodes: withNodeOutput(context, nodeId, event.output?.output),
    }),
    saveError: ({ context, event }, { nodeId }) => ({
      nodes: withNodeOutput(context, nodeId, { error: activityErrorMessage(event.error) }),
    }),
    saveEvent: ({ context, event }, { nodeId }) => ({
      nodes: withNodeOutput(context, nodeId, event.data ?? {}),
    }),
    setOutput: ({ context }, { nodeId, output }) =>
      guarded(nodeId, () => {
        const evaluated = evaluateDeep(output, scopeOf(context));
        const record: Record<string, unknown> =
          evaluated !== null && typeof evaluated === 'object' && !Array.isArray(evaluated)
            ? { ...evaluated }
            : {};
        return { output: record, nodes: withNodeOutput(context, nodeId, record) };
      }),
    fail: ({ context, event }, { nodeId, code, until }) => {
      if (code === 'WAIT_UNTIL_INVALID') {
        let rendered: string;
        try {
          rendered = renderText(String(until), scopeOf(context));
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
      const result = event.output;
      if (result?.port !== undefined) {
        // A result on an unwired error port: the node's own account of what went wrong.
        const fault = result.fault ?? {
          code: 'NODE_FAILED',
          message: `Left by "${result.port}", which is not connected`,
        };
        return { error: { ...fault, nodeId } };
      }
      const failure = activityErrorMessage(event.error);
      return { error: { code: failure.code ?? code, message: failure.message, nodeId } };
    },
  },
  guards: {
    matches: ({ context }, { match, conditions }) => {
      try {
        return conditionsMatch(match === 'any' ? 'any' : 'all', conditions, scopeOf(context));
      } catch {
        // A condition that cannot be evaluated (bad template or regex) does not match.
        return false;
      }
    },
    portIs: ({ event }, { port }) => event.output?.port === port,
    untilInvalid: ({ context }, { until }) => Number.isNaN(dueTime(until, context)),
  },
});
