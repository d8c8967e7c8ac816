import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq, sql } from 'drizzle-orm';
import {
  contactChannels,
  contacts,
  isUniqueViolation,
  newId,
  templates,
  templateKinds,
  type Db,
} from '@omniflow/db';
import { planSms } from '@omniflow/nodes/drivers/messaging';
import { TemplateError, templateLimits } from '@omniflow/nodes/sdk';
import { checkTemplate } from '../../templates/check-template.ts';
import { contactVariables } from '../../templates/contact-variables.ts';
import { flowsUsingTemplate, type TemplateUser } from '../../templates/flows-using-template.ts';
import { libraryFiles } from '../../templates/library-files.ts';
import { renderEmailTemplate, renderTextTemplate } from '../../templates/render-template.ts';
import { sampleScope } from '../../templates/sample-scope.ts';
import type { LibraryTemplate, TemplateProblem } from '../../templates/types.ts';
import { ApiError, notFound } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { errorResponses, errorSchema, idParam, json, notFoundResponse } from '../schemas.ts';

const variantSchema = z
  .object({
    subject: z.string().max(1000, 'A subject is at most 1000 characters').optional(),
    body: z
      .string()
      .max(templateLimits.sourceChars, `A template is at most ${templateLimits.sourceChars} characters`),
  })
  .openapi('TemplateVariant');

const variantsSchema = z
  .object({ es: variantSchema.optional(), en: variantSchema.optional() })
  .refine((v) => v.es !== undefined || v.en !== undefined, 'Write the template in Spanish, English or both');

// Nodes and `{% include 'name' %}` pick templates by name: no quotes or slashes in it.
const nameSchema = z
  .string()
  .trim()
  .min(1, 'Give the template a name')
  .max(80, 'A name is at most 80 characters')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'Use letters, digits, spaces, dots, dashes and underscores');

const templateInputSchema = z
  .object({
    name: nameSchema,
    kind: z.enum(templateKinds),
    description: z.string().max(500, 'A description is at most 500 characters').default(''),
    variants: variantsSchema,
  })
  .openapi('TemplateInput');

const templateSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(templateKinds),
    description: z.string(),
    variants: z.object({ es: variantSchema.optional(), en: variantSchema.optional() }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Template');

const problemSchema = z
  .object({
    language: z.enum(['es', 'en']),
    field: z.enum(['subject', 'body']),
    code: z.enum(['LIQUID_INVALID', 'MJML_INVALID', 'INCLUDE_UNKNOWN']),
    message: z.string(),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
  })
  .openapi('TemplateProblem');

const userSchema = z
  .object({
    flowId: z.string(),
    flowName: z.string(),
    version: z.number().int(),
    nodeIds: z.array(z.string()),
  })
  .openapi('TemplateUser');

const invalidSchema = z
  .object({
    error: z.object({
      code: z.literal('TEMPLATE_INVALID'),
      message: z.string(),
      details: z.object({ problems: z.array(problemSchema) }),
    }),
  })
  .openapi('TemplateInvalid');

const conflictSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.object({ flows: z.array(userSchema) }).optional(),
    }),
  })
  .openapi('TemplateConflict');

const previewSchema = z
  .object({
    subject: z.string().optional(),
    html: z.string().optional(),
    text: z.string(),
    // The text part as an SMS: GSM-7 when every character fits, else UCS-2.
    sms: z.object({
      encoding: z.enum(['gsm7', 'ucs2']),
      units: z.number().int(),
      segments: z.number().int(),
    }),
    problems: z.array(problemSchema),
    renderError: z.object({ code: z.string(), message: z.string() }).optional(),
  })
  .openapi('TemplatePreview');

const confirmQuery = z.object({
  confirm: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'Change or delete it even though published flows use it' }),
});

const forbidden = { 403: json(errorSchema, 'Only designers and admins change templates') };
const invalid = {
  422: json(invalidSchema, 'The template has errors: each with its language, field and line'),
};
const conflict = { 409: json(conflictSchema, 'The name is taken, or published flows use the template') };

const routes = {
  list: createRoute({
    method: 'get',
    path: '/templates',
    tags: ['templates'],
    summary: 'The template library, by name',
    request: { query: z.object({ kind: z.enum(templateKinds).optional() }) },
    responses: {
      200: json(z.object({ items: z.array(templateSchema) }), 'The templates'),
      ...errorResponses,
    },
  }),
  contacts: createRoute({
    method: 'get',
    path: '/templates/preview-contacts',
    tags: ['templates'],
    summary: 'Contacts to preview a template for, by name or address',
    request: { query: z.object({ q: z.string().max(200).optional() }) },
    responses: {
      200: json(
        z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), address: z.string() })) }),
        'Up to 20 contacts',
      ),
      ...errorResponses,
    },
  }),
  preview: createRoute({
    method: 'post',
    path: '/templates/preview',
    tags: ['templates'],
    summary: 'Render a template (saved or not) for a chosen contact or the sample one',
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              kind: z.enum(templateKinds),
              language: z.enum(['es', 'en']),
              variant: variantSchema,
              // The template's own name, so an include of itself is not taken from the saved copy.
              name: z.string().max(80).optional(),
              contactId: z.uuid({ message: 'contactId is a contact id' }).optional(),
              // Example run variables (`{{ vars.… }}`) to preview with.
              vars: z.record(z.string(), z.unknown()).optional(),
            }),
          },
        },
      },
    },
    responses: { 200: json(previewSchema, 'The rendering'), ...errorResponses, ...notFoundResponse },
  }),
  get: createRoute({
    method: 'get',
    path: '/templates/{id}',
    tags: ['templates'],
    summary: 'One template',
    request: { params: idParam },
    responses: { 200: json(templateSchema, 'The template'), ...errorResponses, ...notFoundResponse },
  }),
  usage: createRoute({
    method: 'get',
    path: '/templates/{id}/usage',
    tags: ['templates'],
    summary: 'The published flows whose newest version uses the template',
    request: { params: idParam },
    responses: {
      200: json(z.object({ flows: z.array(userSchema) }), 'The flows'),
      ...errorResponses,
      ...notFoundResponse,
    },
  }),
  create: createRoute({
    method: 'post',
    path: '/templates',
    tags: ['templates'],
    summary: 'Add a template; its Liquid and MJML are checked first',
    request: { body: { required: true, content: { 'application/json': { schema: templateInputSchema } } } },
    responses: {
      201: json(templateSchema, 'Saved'),
      ...errorResponses,
      ...forbidden,
      ...conflict,
      ...invalid,
    },
  }),
  update: createRoute({
    method: 'put',
    path: '/templates/{id}',
    tags: ['templates'],
    summary: 'Change a template; 409 naming the published flows that use it unless confirm=true',
    request: {
      params: idParam,
      query: confirmQuery,
      body: { required: true, content: { 'application/json': { schema: templateInputSchema } } },
    },
    responses: {
      200: json(templateSchema, 'Saved'),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
      ...conflict,
      ...invalid,
    },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/templates/{id}',
    tags: ['templates'],
    summary: 'Delete a template; 409 naming the published flows that use it unless confirm=true',
    request: { params: idParam, query: confirmQuery },
    responses: {
      204: { description: 'Deleted' },
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
      ...conflict,
    },
  }),
};

type TemplateRow = typeof templates.$inferSelect;

const view = (row: TemplateRow) => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  description: row.description,
  variants: row.variants,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

async function findTemplate(db: Db, workspaceId: string, id: string): Promise<TemplateRow> {
  const [row] = await db
    .select()
    .from(templates)
    .where(and(eq(templates.workspaceId, workspaceId), eq(templates.id, id)));
  if (!row) throw notFound('Template', id);
  return row;
}

async function library(db: Db, workspaceId: string): Promise<LibraryTemplate[]> {
  return db
    .select({ name: templates.name, kind: templates.kind, variants: templates.variants })
    .from(templates)
    .where(eq(templates.workspaceId, workspaceId));
}

/** The library as a template being saved sees it: itself under its new name, in place of its old. */
async function checkAgainstLibrary(db: Db, workspaceId: string, template: LibraryTemplate, oldName?: string) {
  const others = (await library(db, workspaceId)).filter(
    (t) => t.name !== template.name && t.name !== oldName,
  );
  const problems = await checkTemplate(template, (language) => libraryFiles([...others, template], language));
  if (problems.length > 0) {
    throw new ApiError(422, 'TEMPLATE_INVALID', describeProblems(problems), { problems });
  }
}

function describeProblems(problems: TemplateProblem[]): string {
  const first = problems[0]!;
  const where = `${first.language === 'es' ? 'Spanish' : 'English'} ${first.field}${first.line ? `, line ${first.line}` : ''}`;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return `The template has errors: ${where}: ${first.message}${more}`;
}

function inUse(what: string, flows: TemplateUser[]): ApiError {
  const names = flows.map((f) => `"${f.flowName}"`).join(', ');
  const namesEs = flows.map((f) => `«${f.flowName}»`).join(', ');
  return new ApiError(
    409,
    'TEMPLATE_IN_USE',
    {
      en: `Published flows use this template (${names}); ${what} anyway with confirm=true, or change those flows first`,
      es: `Hay flujos publicados que usan esta plantilla (${namesEs}); confírmalo (confirm=true) o cambia antes esos flujos`,
    },
    { flows },
  );
}

function nameTaken(name: string): ApiError {
  return new ApiError(409, 'TEMPLATE_NAME_TAKEN', {
    en: `A template named "${name}" exists already: choose another name`,
    es: `Ya existe una plantilla llamada «${name}»: elige otro nombre`,
  });
}

export function templateRoutes({ db, catalog }: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => {
      const { workspaceId } = c.get('principal');
      const { kind } = c.req.valid('query');
      const rows = await db
        .select()
        .from(templates)
        .where(and(eq(templates.workspaceId, workspaceId), kind ? eq(templates.kind, kind) : undefined))
        .orderBy(asc(templates.name));
      return c.json({ items: rows.map(view) }, 200);
    })
    .openapi(routes.contacts, async (c) => {
      const { workspaceId } = c.get('principal');
      const q = c.req.valid('query').q?.trim();
      const pattern = `%${(q ?? '').replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      const rows = await db
        .selectDistinctOn([contacts.id], {
          id: contacts.id,
          name: contacts.displayName,
          address: contactChannels.address,
        })
        .from(contacts)
        .innerJoin(contactChannels, eq(contactChannels.contactId, contacts.id))
        .where(
          and(
            eq(contacts.workspaceId, workspaceId),
            q
              ? sql`(${contacts.displayName} ilike ${pattern} or ${contactChannels.address} ilike ${pattern})`
              : undefined,
          ),
        )
        .orderBy(contacts.id)
        .limit(20);
      return c.json({ items: rows }, 200);
    })
    .openapi(routes.preview, async (c) => {
      const { workspaceId } = c.get('principal');
      const body = c.req.valid('json');
      const contact = body.contactId ? await contactVariables(db, workspaceId, body.contactId) : undefined;
      if (body.contactId && !contact) throw notFound('Contact', body.contactId);
      const template: LibraryTemplate = {
        name: body.name ?? '',
        kind: body.kind,
        variants: { [body.language]: body.variant },
      };
      const others = (await library(db, workspaceId)).filter((t) => t.name !== body.name);
      const files = libraryFiles(body.name ? [...others, template] : others, body.language);
      const problems = await checkTemplate(template, () => files);
      const scope = { ...sampleScope(body.language, contact), vars: body.vars ?? {} };
      const rendered = await renderSafely(async () =>
        body.kind === 'email'
          ? renderEmailTemplate(body.variant, scope, files)
          : { text: renderTextTemplate(body.variant, scope, files) },
      );
      const text = 'text' in rendered ? rendered.text : '';
      const plan = planSms(text);
      return c.json(
        {
          ...rendered,
          text,
          sms: { encoding: plan.encoding, units: plan.units, segments: text === '' ? 0 : plan.parts.length },
          problems,
        },
        200,
      );
    })
    .openapi(routes.get, async (c) => {
      const row = await findTemplate(db, c.get('principal').workspaceId, c.req.valid('param').id);
      return c.json(view(row), 200);
    })
    .openapi(routes.usage, async (c) => {
      const { workspaceId } = c.get('principal');
      const row = await findTemplate(db, workspaceId, c.req.valid('param').id);
      return c.json({ flows: await flowsUsingTemplate(db, catalog, workspaceId, row.name) }, 200);
    })
    .openapi(routes.create, async (c) => {
      const principal = c.get('principal');
      const input = c.req.valid('json');
      await checkAgainstLibrary(db, principal.workspaceId, input);
      try {
        const [row] = await db
          .insert(templates)
          .values({ id: newId(), workspaceId: principal.workspaceId, ...input })
          .returning();
        return c.json(view(row!), 201);
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken(input.name);
        throw error;
      }
    })
    .openapi(routes.update, async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const current = await findTemplate(db, principal.workspaceId, id);
      await checkAgainstLibrary(db, principal.workspaceId, input, current.name);
      if (c.req.valid('query').confirm !== 'true') {
        const flows = await flowsUsingTemplate(db, catalog, principal.workspaceId, current.name);
        if (flows.length > 0) throw inUse('change it', flows);
      }
      try {
        const [row] = await db
          .update(templates)
          .set({ ...input, updatedAt: new Date() })
          .where(and(eq(templates.workspaceId, principal.workspaceId), eq(templates.id, id)))
          .returning();
        if (!row) throw notFound('Template', id);
        return c.json(view(row), 200);
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken(input.name);
        throw error;
      }
    })
    .openapi(routes.remove, async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      const current = await findTemplate(db, principal.workspaceId, id);
      if (c.req.valid('query').confirm !== 'true') {
        const flows = await flowsUsingTemplate(db, catalog, principal.workspaceId, current.name);
        if (flows.length > 0) throw inUse('delete it', flows);
      }
      await db
        .delete(templates)
        .where(and(eq(templates.workspaceId, principal.workspaceId), eq(templates.id, id)));
      return c.body(null, 204);
    });
}

/** A render that fails on the data (a filter on a missing value) is shown, not thrown. */
async function renderSafely<T extends object>(
  render: () => Promise<T>,
): Promise<T | { renderError: { code: string; message: string } }> {
  try {
    return await render();
  } catch (error) {
    if (error instanceof TemplateError) return { renderError: { code: error.code, message: error.message } };
    throw error;
  }
}
