import { z } from 'zod';

const nodeId = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_-]{0,63}$/,
    'A node id starts with a letter and has only letters, digits, - and _ (64 at most)',
  );

export const flowNodeSchema = z.object({
  id: nodeId,
  type: z.string().min(1),
  version: z.number().int().positive().default(1),
  config: z.record(z.string(), z.unknown()).default({}),
  position: z.object({ x: z.number(), y: z.number() }).default({ x: 0, y: 0 }),
  label: z.string().optional(),
});

export const flowEdgeSchema = z.object({
  id: z.string().min(1),
  from: z.object({ node: z.string().min(1), port: z.string().min(1) }),
  to: z.object({ node: z.string().min(1) }),
});

export const flowVariableSchema = z.object({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
  type: z.enum(['string', 'number', 'boolean', 'object', 'array']).default('string'),
  default: z.unknown().optional(),
});

/** The flow document (DESIGN.md §4). */
export const flowDocumentSchema = z.object({
  schemaVersion: z.literal(1).default(1),
  name: z.string().min(1, 'Give the flow a name').max(200),
  description: z.string().max(2000).default(''),
  // The language the flow talks to people in: default retry and error texts follow it (es, en).
  language: z.enum(['es', 'en']).optional(),
  trigger: z.object({ node: z.string().min(1) }).optional(),
  // A reusable subflow: the builder's palette lists it by name, as a flow.call node that runs it.
  reusable: z.boolean().optional(),
  nodes: z.array(flowNodeSchema).max(5000, 'A flow has at most 5000 nodes'),
  edges: z.array(flowEdgeSchema).max(20000),
  variables: z.array(flowVariableSchema).default([]),
});

export type FlowDocument = z.infer<typeof flowDocumentSchema>;
export type FlowNode = z.infer<typeof flowNodeSchema>;
export type FlowEdge = z.infer<typeof flowEdgeSchema>;
