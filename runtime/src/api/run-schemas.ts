import { z } from '@hono/zod-openapi';
import { runStatuses } from '@omniflow/db';
import { flowDocumentSchema } from '../graph/flow-schema.ts';
import { messageSchema } from './message-schema.ts';

export const statusSchema = z.enum(runStatuses);

export const faultSchema = z
  .object({ message: z.string(), code: z.string().optional(), nodeId: z.string().optional() })
  .openapi('RunFault');

export const runSummarySchema = z
  .object({
    id: z.string(),
    flowId: z.string(),
    flowName: z.string(),
    version: z.number().int(),
    test: z.boolean(),
    status: statusSchema,
    currentNodes: z.array(z.string()),
    failedNodeId: z.string().nullable(),
    contact: z.string().nullable(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    rerunOf: z.string().nullable(),
    // A subflow's run: the run whose flow.call node started it.
    parentRunId: z.string().nullable(),
    detailsExpired: z.boolean(),
    // Why a `skipped` run never started (a mail that must not be answered): a stable code such as
    // AUTO_SUBMITTED or REPLIED_RECENTLY, which the builder words in the person's language.
    skipReason: z.string().nullable(),
  })
  .openapi('RunSummary');

export const stepSchema = z
  .object({
    seq: z.number().int(),
    nodeId: z.string(),
    nodeType: z.string(),
    enteredAt: z.string(),
    leftAt: z.string().nullable(),
    durationMs: z.number().nullable(),
    port: z.string().nullable(),
    attempts: z.number().int().nullable(),
    input: z.unknown(),
    output: z.unknown(),
    error: faultSchema.nullable(),
  })
  .openapi('RunStep');

export const runEventSchema = z
  .object({ seq: z.number().int(), type: z.string(), data: z.unknown(), receivedAt: z.string() })
  .openapi('RunEventRecord');

export const runDetailSchema = runSummarySchema
  .extend({
    input: z.unknown(),
    output: z.unknown(),
    error: faultSchema.nullable(),
    steps: z.array(stepSchema),
    events: z.array(runEventSchema),
    messages: z.array(messageSchema),
    graph: flowDocumentSchema,
    reruns: z.array(z.string()),
    // The subflow runs this run's flow.call nodes started, oldest first.
    childRuns: z.array(
      z.object({
        id: z.string(),
        flowId: z.string(),
        flowName: z.string(),
        nodeId: z.string().nullable(),
        status: statusSchema,
      }),
    ),
    summary: z
      .object({ stepCount: z.number().int(), path: z.array(z.string()), lastNodeId: z.string().nullable() })
      .nullable(),
  })
  .openapi('Run');
