import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { workspaces } from '@omniflow/db';
import { defaultCountryOf, isCountry } from '../../contacts-import/contact-import.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { errorResponses, errorSchema, json } from '../schemas.ts';

const countrySchema = z
  .object({
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'country is a two-letter ISO 3166 code such as PE or ES')
      .refine(isCountry, 'Phone numbers know no such country: use a code such as PE, ES, MX or US')
      .transform((c) => c.toUpperCase())
      .nullable(),
  })
  .openapi('DefaultCountry');

const routes = {
  get: createRoute({
    method: 'get',
    path: '/workspace/default-country',
    tags: ['workspace'],
    summary: 'The country of phone numbers written without a country code',
    responses: { 200: json(countrySchema, 'The default country (null: none)'), ...errorResponses },
  }),
  put: createRoute({
    method: 'put',
    path: '/workspace/default-country',
    tags: ['workspace'],
    summary: 'Set the country of phone numbers written without a country code (imports, forms)',
    request: { body: { required: true, content: { 'application/json': { schema: countrySchema } } } },
    responses: {
      200: json(countrySchema, 'The default country now'),
      ...errorResponses,
      403: json(errorSchema, 'Not an admin'),
    },
  }),
};

export function defaultCountryRoutes({ db }: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.get, async (c) =>
      c.json({ country: await defaultCountryOf(db, c.get('principal').workspaceId) }, 200),
    )
    .openapi(routes.put, async (c) => {
      const { country } = c.req.valid('json');
      await db
        .update(workspaces)
        .set({ defaultCountry: country })
        .where(eq(workspaces.id, c.get('principal').workspaceId));
      return c.json({ country }, 200);
    });
}
