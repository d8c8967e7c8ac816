import { z } from '@hono/zod-openapi';

export const errorSchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  })
  .openapi('Error');

export const idParam = z.object({
  id: z
    .uuid({ message: 'Expected an id like 0190b3c4-…: check the URL' })
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const errorResponses = {
  400: { description: 'The request is malformed', content: { 'application/json': { schema: errorSchema } } },
  401: {
    description: 'Not signed in or bad API key',
    content: { 'application/json': { schema: errorSchema } },
  },
} as const;

export const notFoundResponse = {
  404: {
    description: 'No such resource in this workspace',
    content: { 'application/json': { schema: errorSchema } },
  },
} as const;

export const conflictResponse = {
  409: {
    description: 'The resource is not in a state that allows this',
    content: { 'application/json': { schema: errorSchema } },
  },
} as const;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
