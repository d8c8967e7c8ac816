import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { verifyRun } from '../../runs/verify-run.ts';
import { createRunOperations } from '../../runs/run-operations.ts';
import { workflowBundle } from '../../worker/workflow-bundle.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { statusSchema } from '../run-schemas.ts';
import { conflictResponse, errorResponses, idParam, json, notFoundResponse } from '../schemas.ts';
import { PG_INTEGER_MAX, boundedInt } from '../../limits/bounded-fields.ts';

const replayBody = z
  .discriminatedUnion('mode', [
    z.object({ mode: z.literal('verify') }),
    z.object({ mode: z.literal('rerun'), version: boundedInt('version').optional() }),
    z.object({
      mode: z.literal('retry-from-step'),
      seq: z
        .number({ message: 'Name the step to retry from by its seq' })
        .int()
        .positive()
        .max(PG_INTEGER_MAX, `seq must be at most ${PG_INTEGER_MAX}`),
    }),
  ])
  .openapi('ReplayRequest');

const replayAnswer = z
  .union([
    z.object({
      mode: z.literal('verify'),
      deterministic: z.boolean(),
      error: z.string().nullable(),
      historyLength: z.number().int(),
    }),
    z.object({ mode: z.literal('rerun'), runId: z.string(), version: z.number().int() }),
    z.object({
      mode: z.literal('retry-from-step'),
      runId: z.string(),
      fromSeq: z.number().int(),
      status: statusSchema,
    }),
  ])
  .openapi('ReplayResult');

const replayRoute = createRoute({
  method: 'post',
  path: '/runs/{id}/replay',
  tags: ['runs'],
  summary:
    'Replay a run: `verify` its history against the current code, `rerun` its input as a new run, or `retry-from-step`',
  description:
    'verify: no side effects, reports whether the recorded history is still deterministic. ' +
    'rerun: a new run with the same trigger input on the same or another version, linked by rerunOf. ' +
    'retry-from-step: Temporal reset to the workflow task that began the step; that step and the ' +
    'following ones run again, earlier side effects are not repeated. The run must have ended.',
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: replayBody } } },
  },
  responses: {
    200: json(replayAnswer, 'What the replay did'),
    ...errorResponses,
    ...notFoundResponse,
    ...conflictResponse,
    422: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'Bad version'),
  },
});

export function runReplayRoutes(deps: AppDeps) {
  const ops = createRunOperations(deps);
  const bundle = deps.workflowBundle ?? workflowBundle;
  return new OpenAPIHono<AppEnv>().openapi(replayRoute, async (c) => {
    const row = await ops.findRun(c.get('principal').workspaceId, c.req.valid('param').id);
    const body = c.req.valid('json');
    if (body.mode === 'verify') {
      return c.json(
        { mode: 'verify' as const, ...(await verifyRun(deps.temporal, row, await bundle())) },
        200,
      );
    }
    if (body.mode === 'rerun') {
      return c.json({ mode: 'rerun' as const, ...(await ops.rerun(row, body.version)) }, 200);
    }
    const retried = await ops.retryFromStep(row, body.seq);
    return c.json({ mode: 'retry-from-step' as const, ...retried }, 200);
  });
}
