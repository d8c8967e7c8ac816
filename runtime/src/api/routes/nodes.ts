import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { nodeCategories } from '@omniflow/nodes/sdk';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { errorResponses, json } from '../schemas.ts';

const catalogEntry = z
  .object({
    type: z.string(),
    version: z.number().int(),
    title: z.object({ en: z.string(), es: z.string() }),
    description: z.object({ en: z.string(), es: z.string() }),
    category: z.enum(nodeCategories),
    icon: z.string(),
    trigger: z.boolean(),
    waits: z.boolean(),
    ports: z.array(z.string()),
    dynamicPorts: z.boolean(),
    portRows: z.string().optional(),
    requiredPorts: z.array(z.string()),
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
