import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { contactFieldTypes, contactFields, isUniqueViolation, newId } from '@omniflow/db';
import { ApiError, notFound } from '../api-error.ts';
import { readerLanguage, type ReaderLanguage } from '../reader-language.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import {
  conflictResponse,
  errorResponses,
  errorSchema,
  idParam,
  json,
  notFoundResponse,
} from '../schemas.ts';

const choicesSchema = z
  .array(z.string().trim().min(1, 'A choice cannot be empty').max(100, 'A choice is at most 100 characters'))
  .max(100, 'At most 100 choices');

const fieldInputSchema = z
  .object({
    key: z
      .string()
      .regex(
        /^[a-z][a-z0-9_]{0,39}$/,
        'A key is lower-case letters, digits and underscores, starting with a letter (like fecha_cita)',
      ),
    label: z.string().trim().min(1, 'Give the field a label').max(100, 'A label is at most 100 characters'),
    type: z.enum(contactFieldTypes, { message: `The type is one of: ${contactFieldTypes.join(', ')}` }),
    choices: choicesSchema.optional(),
  })
  .refine((f) => f.type !== 'choice' || (f.choices?.length ?? 0) > 0, {
    path: ['choices'],
    message: 'A choice field needs at least one choice',
  })
  .openapi('ContactFieldInput');

const fieldPatchSchema = z
  .object({
    label: z
      .string()
      .trim()
      .min(1, 'Give the field a label')
      .max(100, 'A label is at most 100 characters')
      .optional(),
    choices: choicesSchema.optional(),
  })
  .openapi('ContactFieldPatch');

const fieldSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    label: z.string(),
    type: z.enum(contactFieldTypes),
    choices: z.array(z.string()).nullable(),
    createdAt: z.string(),
  })
  .openapi('ContactField');

const forbidden = { 403: json(errorSchema, 'The caller’s role may not define contact fields') };

const routes = {
  list: createRoute({
    method: 'get',
    path: '/contact-fields',
    tags: ['contacts'],
    summary: "The workspace's custom contact fields",
    responses: { 200: json(z.object({ items: z.array(fieldSchema) }), 'The fields'), ...errorResponses },
  }),
  create: createRoute({
    method: 'post',
    path: '/contact-fields',
    tags: ['contacts'],
    summary:
      'Define a typed field (text, number, date, boolean, choice) for contacts (`contact-fields:manage`)',
    request: { body: { required: true, content: { 'application/json': { schema: fieldInputSchema } } } },
    responses: { 201: json(fieldSchema, 'The field'), ...errorResponses, ...forbidden, ...conflictResponse },
  }),
  update: createRoute({
    method: 'patch',
    path: '/contact-fields/{id}',
    tags: ['contacts'],
    summary: "Rename a field or change a choice field's choices (`contact-fields:manage`); key and type stay",
    request: {
      params: idParam,
      body: { required: true, content: { 'application/json': { schema: fieldPatchSchema } } },
    },
    responses: {
      200: json(fieldSchema, 'The field now'),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
    },
  }),
  delete: createRoute({
    method: 'delete',
    path: '/contact-fields/{id}',
    tags: ['contacts'],
    summary: "Remove a field's definition (`contact-fields:manage`); values already saved stay, untyped",
    request: { params: idParam },
    responses: { 204: { description: 'Removed' }, ...errorResponses, ...forbidden, ...notFoundResponse },
  }),
};

const view = (row: typeof contactFields.$inferSelect) => ({
  id: row.id,
  key: row.key,
  label: row.label,
  type: row.type,
  choices: row.choices ?? null,
  createdAt: row.createdAt.toISOString(),
});

/** Custom field definitions: what the contact page offers and what values are checked against. */
export function contactFieldRoutes({ db }: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => {
      const rows = await db
        .select()
        .from(contactFields)
        .where(eq(contactFields.workspaceId, c.get('principal').workspaceId))
        .orderBy(asc(contactFields.label));
      return c.json({ items: rows.map(view) }, 200);
    })
    .openapi(routes.create, async (c) => {
      const principal = c.get('principal');
      const input = c.req.valid('json');
      try {
        const [row] = await db
          .insert(contactFields)
          .values({
            id: newId(),
            workspaceId: principal.workspaceId,
            key: input.key,
            label: input.label,
            type: input.type,
            choices: input.type === 'choice' ? [...new Set(input.choices)] : null,
          })
          .returning();
        return c.json(view(row!), 201);
      } catch (error) {
        if (isUniqueViolation(error))
          throw new ApiError(409, 'FIELD_KEY_TAKEN', {
            en: `A field with the key ${input.key} exists: pick another key`,
            es: `Ya existe un campo con la clave ${input.key}: elige otra clave`,
          });
        throw error;
      }
    })
    .openapi(routes.update, async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const where = and(eq(contactFields.workspaceId, principal.workspaceId), eq(contactFields.id, id));
      const [current] = await db.select().from(contactFields).where(where);
      if (!current) throw notFound('Field', id);
      const language = readerLanguage(c.req.header('accept-language'));
      if (input.choices && current.type !== 'choice') throw choicesRefused('onlyChoice', language);
      if (input.choices?.length === 0) throw choicesRefused('noChoice', language);
      const [row] = await db
        .update(contactFields)
        .set({
          ...(input.label !== undefined ? { label: input.label } : {}),
          ...(input.choices ? { choices: [...new Set(input.choices)] } : {}),
        })
        .where(where)
        .returning();
      return c.json(view(row ?? current), 200);
    })
    .openapi(routes.delete, async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      const removed = await db
        .delete(contactFields)
        .where(and(eq(contactFields.workspaceId, principal.workspaceId), eq(contactFields.id, id)))
        .returning({ id: contactFields.id });
      if (removed.length === 0) throw notFound('Field', id);
      return c.body(null, 204);
    });
}

const choicesText = {
  onlyChoice: { en: 'Only a choice field has choices', es: 'Solo un campo de opciones tiene opciones' },
  noChoice: {
    en: 'A choice field needs at least one choice',
    es: 'Un campo de opciones necesita al menos una opción',
  },
} satisfies Record<string, Record<ReaderLanguage, string>>;

/** The 400 of a field's choices that cannot be, in the reader's language. */
function choicesRefused(why: keyof typeof choicesText, language: ReaderLanguage): ApiError {
  const message = choicesText[why][language];
  return new ApiError(400, 'VALIDATION_FAILED', `choices: ${message}`, {
    issues: [{ path: 'choices', message }],
  });
}
