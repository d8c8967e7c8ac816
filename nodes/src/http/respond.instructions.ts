import { TemplateError, evaluateDeep, renderText } from '../sdk/expressions/index.ts';
import { defineInstructions, scopeOf, withNodeOutput, type RunContext } from '../sdk/instructions/index.ts';

// What http.respond does inside the workflow: render the answer and keep it as the node's
// output, where the waiting request reads it (runtime/src/api/routes/hooks.ts). Pure: a replay renders the
// same answer.

declare module '../sdk/instructions/instruction-params.ts' {
  interface ActionParams {
    /** Renders the answer (status, headers, body) into the node's output. */
    renderHttpResponse: {
      nodeId: string;
      status: string;
      headers: Record<string, string>;
      bodyType: 'json' | 'text';
      body: string;
    };
  }
}

/** The answer a webhook's caller gets, as the respond node's output holds it. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const contentTypes = { json: 'application/json', text: 'text/plain; charset=utf-8' } as const;

/** The JSON body: a JSON document whose strings are templates (a lone `{{ x }}` keeps x's type). */
function jsonBody(body: string, scope: object): string {
  if (body.trim() === '') return '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    // Not JSON as written (a template around the braces): render, then it must be JSON.
    const rendered = renderText(body, scope);
    try {
      return JSON.stringify(JSON.parse(rendered));
    } catch {
      throw new Error(`The answer body is not JSON once rendered: ${rendered.slice(0, 80)}`);
    }
  }
  return JSON.stringify(evaluateDeep(parsed, scope));
}

function statusOf(status: string, scope: object): number {
  const rendered = Number(renderText(status, scope).trim());
  if (!Number.isInteger(rendered) || rendered < 200 || rendered > 599)
    throw new Error(`The answer status must be a number from 200 to 599, not "${status}"`);
  return rendered;
}

export function renderHttpResponse(
  context: RunContext,
  params: { status: string; headers: Record<string, string>; bodyType: 'json' | 'text'; body: string },
): HttpResponse {
  const scope = scopeOf(context);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(params.headers))
    headers[name.toLowerCase()] = renderText(value, scope);
  headers['content-type'] ??= contentTypes[params.bodyType];
  const body = params.bodyType === 'json' ? jsonBody(params.body, scope) : renderText(params.body, scope);
  return { status: statusOf(params.status, scope), headers, body };
}

export const respondInstructions = defineInstructions({
  actions: {
    renderHttpResponse: ({ context }, { nodeId, ...params }) => {
      try {
        return { nodes: withNodeOutput(context, nodeId, renderHttpResponse(context, params)) };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const code = error instanceof TemplateError ? error.code : 'RESPONSE_INVALID';
        return { error: { code, message, nodeId } };
      }
    },
  },
  guards: {},
});
