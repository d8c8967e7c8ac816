import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { nodeCategories } from '@omniflow/nodes/sdk';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { errorResponses, json } from '../schemas.ts';

const localized = z.object({ en: z.string(), es: z.string() });
// A string, not an enum: a builder older than a custom node's format shows it as text.
const summaryFormat = z.string();
const summaryField = z.object({ field: z.string(), as: summaryFormat.optional() });
// What a node card shows of its config (nodes/src/sdk/types.ts NodeSummaryLine).
const summaryLine = z.union([
  summaryField.extend({ label: localized.optional(), before: z.string().optional() }),
  z.object({
    rows: z.string(),
    show: z.array(z.union([z.string(), summaryField])),
    join: z.string().optional(),
    label: localized.optional(),
  }),
]);

const catalogEntry = z
  .object({
    type: z.string(),
    version: z.number().int(),
    title: localized,
    description: localized,
    category: z.enum(nodeCategories),
    icon: z.string(),
    trigger: z.boolean(),
    waits: z.boolean(),
    ports: z.array(z.string()),
    dynamicPorts: z.boolean(),
    portRows: z.string().optional(),
    requiredPorts: z.array(z.string()),
    portDescriptions: z.array(z.object({ port: z.string(), text: localized })),
    rowPortDescription: localized.optional(),
    summary: z.array(summaryLine),
    configSchema: z.unknown(),
    outputSchema: z.unknown().optional(),
  })
  .openapi('NodeType');

const route = createRoute({
  method: 'get',
  path: '/nodes',
  tags: ['nodes'],
  summary: 'The node catalog: every node type with its ports and config JSON Schema',
  responses: { 200: json(z.object({ items: z.array(catalogEntry) }), 'The catalog'), ...errorResponses },
});

export function nodeRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>().openapi(route, (c) => c.json({ items: deps.catalog }, 200));
}
