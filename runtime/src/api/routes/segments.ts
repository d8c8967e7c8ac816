import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { campaigns, isUniqueViolation, newId, segmentKinds, segments, type Db } from '@omniflow/db';
import {
  contactsWhere,
  countContacts,
  countSegment,
  segmentContacts,
} from '../../segments/segment-contacts.ts';
import { segmentCondition } from '../../segments/segment-condition.ts';
import { addSegmentMembers, removeSegmentMembers } from '../../segments/segment-members.ts';
import type { SegmentRow } from '../../segments/segment-page.ts';
import { ruleOptions } from '../../segments/rule-options.ts';
import { SegmentRuleError } from '../../segments/segment-rule-error.ts';
import { conditionSchema, segmentRulesSchema, segmentRulesSchemaOf } from '../../segments/segment-rules.ts';
import { ApiError, notFound } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import {
  conflictResponse,
  errorResponses,
  errorSchema,
  idParam,
  json,
  notFoundResponse,
} from '../schemas.ts';

const rulesSchema = segmentRulesSchemaOf(conditionSchema.openapi('SegmentCondition')).openapi('SegmentRules');

const nameSchema = z
  .string()
  .trim()
  .min(1, 'Give the segment a name')
  .max(120, 'A name is at most 120 characters');

const segmentInputSchema = z
  .object({
    name: nameSchema,
    kind: z.enum(segmentKinds),
    // Required for a rules segment; a static list has none (its members are added apart).
    rules: rulesSchema.optional(),
  })
  .refine((s) => s.kind === 'static' || s.rules !== undefined, {
    message: 'A rules segment needs its rules',
    path: ['rules'],
  })
  .openapi('SegmentInput');

const segmentUpdateSchema = z
  .object({ name: nameSchema.optional(), rules: rulesSchema.optional() })
  .openapi('SegmentUpdate');

const segmentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(segmentKinds),
    rules: rulesSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Segment');

const contactSchema = z
  .object({
    id: z.string(),
    displayName: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    tags: z.array(z.string()),
  })
  .openapi('SegmentContact');

const countSchema = z.object({ count: z.number().int() }).openapi('SegmentCount');
const contactIdsSchema = z
  .object({
    contactIds: z
      .array(z.uuid({ message: 'Each contact id is an id like 0190b3c4-…' }))
      .min(1, 'Name at least one contact')
      .max(10_000, 'At most 10,000 contacts at a time'),
  })
  .openapi('SegmentMemberIds');

const forbidden = { 403: json(errorSchema, 'Only designers and admins change segments') };
const invalidRules = {
  422: json(errorSchema, 'A rule does not fit the workspace: details.path names it (1-based, "2.1")'),
};
const rulesBody = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});

const routes = {
  list: createRoute({
    method: 'get',
    path: '/segments',
    tags: ['segments'],
    summary: 'The workspace’s segments, by name (count each with GET /segments/{id}/count)',
    responses: { 200: json(z.object({ items: z.array(segmentSchema) }), 'The segments'), ...errorResponses },
  }),
  options: createRoute({
    method: 'get',
    path: '/segments/rule-options',
    tags: ['segments'],
    summary: 'What a rule can name: custom fields, tags in use, campaigns, and published flows’ key menus',
    responses: {
      200: json(
        z
          .object({
            fields: z.array(
              z.object({
                key: z.string(),
                label: z.string(),
                type: z.string(),
                choices: z.array(z.string()).nullable(),
              }),
            ),
            tags: z.array(z.string()),
            campaigns: z.array(z.object({ id: z.string(), name: z.string() })),
            flows: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                menus: z.array(
                  z.object({
                    nodeId: z.string(),
                    label: z.string(),
                    options: z.array(z.object({ id: z.string(), digit: z.string(), label: z.string() })),
                  }),
                ),
              }),
            ),
          })
          .openapi('SegmentRuleOptions'),
        'The choices',
      ),
      ...errorResponses,
    },
  }),
  count: createRoute({
    method: 'post',
    path: '/segments/count',
    tags: ['segments'],
    summary: 'How many contacts a rule tree selects now (the live count while editing, unsaved)',
    request: rulesBody(z.object({ rules: rulesSchema })),
    responses: { 200: json(countSchema, 'The count'), ...errorResponses, ...invalidRules },
  }),
  preview: createRoute({
    method: 'post',
    path: '/segments/preview',
    tags: ['segments'],
    summary: 'The first contacts a rule tree selects now, and how many in all',
    request: rulesBody(z.object({ rules: rulesSchema, limit: z.number().int().min(1).max(100).default(20) })),
    responses: {
      200: json(z.object({ items: z.array(contactSchema), count: z.number().int() }), 'The first contacts'),
      ...errorResponses,
      ...invalidRules,
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/segments/{id}',
    tags: ['segments'],
    summary: 'One segment',
    request: { params: idParam },
    responses: { 200: json(segmentSchema, 'The segment'), ...errorResponses, ...notFoundResponse },
  }),
  countOne: createRoute({
    method: 'get',
    path: '/segments/{id}/count',
    tags: ['segments'],
    summary: 'How many contacts a segment selects now: rules evaluated, a list’s members counted',
    request: { params: idParam },
    responses: {
      200: json(countSchema, 'The count'),
      ...errorResponses,
      ...notFoundResponse,
      ...invalidRules,
    },
  }),
  contacts: createRoute({
    method: 'get',
    path: '/segments/{id}/contacts',
    tags: ['segments'],
    summary: 'A page of a segment’s contacts in id order: a list’s members, or whom the rules select now',
    request: {
      params: idParam,
      query: z.object({
        after: z.uuid({ message: 'after is the last contact id of the previous page' }).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(50),
      }),
    },
    responses: {
      200: json(
        z.object({ items: z.array(contactSchema), nextAfter: z.string().nullable() }),
        'The page; nextAfter is null on the last',
      ),
      ...errorResponses,
      ...notFoundResponse,
      ...invalidRules,
    },
  }),
  create: createRoute({
    method: 'post',
    path: '/segments',
    tags: ['segments'],
    summary: 'Add a segment: rules (checked against the workspace’s fields) or a static list',
    request: rulesBody(segmentInputSchema),
    responses: {
      201: json(segmentSchema, 'Saved'),
      ...errorResponses,
      ...forbidden,
      ...conflictResponse,
      ...invalidRules,
    },
  }),
  update: createRoute({
    method: 'put',
    path: '/segments/{id}',
    tags: ['segments'],
    summary: 'Rename a segment or change its rules',
    request: { params: idParam, ...rulesBody(segmentUpdateSchema) },
    responses: {
      200: json(segmentSchema, 'Saved'),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
      ...conflictResponse,
      ...invalidRules,
    },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/segments/{id}',
    tags: ['segments'],
    summary: 'Delete a segment; 409 naming the campaigns that use it',
    request: { params: idParam },
    responses: {
      204: { description: 'Deleted' },
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
      ...conflictResponse,
    },
  }),
  addMembers: createRoute({
    method: 'post',
    path: '/segments/{id}/members',
    tags: ['segments'],
    summary: 'Add contacts to a static list (unknown ids and members already there are skipped)',
    request: { params: idParam, ...rulesBody(contactIdsSchema) },
    responses: {
      200: json(z.object({ added: z.number().int() }), 'How many were added'),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
      ...conflictResponse,
    },
  }),
  removeMembers: createRoute({
    method: 'post',
    path: '/segments/{id}/members/remove',
    tags: ['segments'],
    summary: 'Take contacts off a static list',
    request: { params: idParam, ...rulesBody(contactIdsSchema) },
    responses: {
      200: json(z.object({ removed: z.number().int() }), 'How many were on it'),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
      ...conflictResponse,
    },
  }),
};

const view = (row: SegmentRow) => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  rules: row.kind === 'rules' ? (segmentRulesSchema.safeParse(row.rules).data ?? null) : null,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** A rule that does not fit the workspace is the caller's to fix: 422 with its place in the tree. */
async function checked<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SegmentRuleError)
      throw new ApiError(422, error.code, error.message, { path: error.path.join('.') });
    throw error;
  }
}

async function findSegment(db: Db, workspaceId: string, id: string): Promise<SegmentRow> {
  const [row] = await db
    .select()
    .from(segments)
    .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)));
  if (!row) throw notFound('Segment', id);
  return row;
}

function staticOnly(row: SegmentRow): void {
  if (row.kind !== 'static')
    throw new ApiError(409, 'SEGMENT_NOT_STATIC', {
      en: `"${row.name}" selects people by its rules: add people to a static list instead`,
      es: `«${row.name}» elige a las personas por sus reglas: añádelas a una lista fija`,
    });
}

const nameTaken = (name: string) =>
  new ApiError(409, 'SEGMENT_NAME_TAKEN', {
    en: `A segment named "${name}" exists already: choose another name`,
    es: `Ya existe un segmento llamado «${name}»: elige otro nombre`,
  });

/** Segments: who a campaign is for, by rules evaluated when used or as a list of people. */
export function segmentRoutes({ db }: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => {
      const rows = await db
        .select()
        .from(segments)
        .where(eq(segments.workspaceId, c.get('principal').workspaceId))
        .orderBy(asc(segments.name));
      return c.json({ items: rows.map(view) }, 200);
    })
    .openapi(routes.options, async (c) => c.json(await ruleOptions(db, c.get('principal').workspaceId), 200))
    .openapi(routes.count, async (c) => {
      const { workspaceId } = c.get('principal');
      const { rules } = c.req.valid('json');
      const count = await checked(async () =>
        countContacts(db, workspaceId, await segmentCondition(db, workspaceId, rules)),
      );
      return c.json({ count }, 200);
    })
    .openapi(routes.preview, async (c) => {
      const { workspaceId } = c.get('principal');
      const { rules, limit } = c.req.valid('json');
      const answer = await checked(async () => {
        const condition = await segmentCondition(db, workspaceId, rules);
        const [items, count] = await Promise.all([
          contactsWhere(db, workspaceId, condition, undefined, limit),
          countContacts(db, workspaceId, condition),
        ]);
        return { items, count };
      });
      return c.json(answer, 200);
    })
    .openapi(routes.get, async (c) => {
      const row = await findSegment(db, c.get('principal').workspaceId, c.req.valid('param').id);
      return c.json(view(row), 200);
    })
    .openapi(routes.countOne, async (c) => {
      const row = await findSegment(db, c.get('principal').workspaceId, c.req.valid('param').id);
      return c.json({ count: await checked(() => countSegment(db, row)) }, 200);
    })
    .openapi(routes.contacts, async (c) => {
      const row = await findSegment(db, c.get('principal').workspaceId, c.req.valid('param').id);
      const { after, limit } = c.req.valid('query');
      const items = await checked(() => segmentContacts(db, row, after, limit + 1));
      const page = items.slice(0, limit);
      return c.json({ items: page, nextAfter: items.length > limit ? page[page.length - 1]!.id : null }, 200);
    })
    .openapi(routes.create, async (c) => {
      const principal = c.get('principal');
      const input = c.req.valid('json');
      const rules = input.kind === 'rules' ? input.rules : undefined;
      // Checked now, so a saved segment compiles; it is evaluated again whenever it is used.
      if (rules) await checked(() => segmentCondition(db, principal.workspaceId, rules));
      try {
        const [row] = await db
          .insert(segments)
          .values({
            id: newId(),
            workspaceId: principal.workspaceId,
            name: input.name,
            kind: input.kind,
            rules: rules ?? null,
          })
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
      const current = await findSegment(db, principal.workspaceId, id);
      if (input.rules && current.kind === 'static')
        throw new ApiError(409, 'SEGMENT_NOT_RULES', {
          en: `"${current.name}" is a static list: it has no rules`,
          es: `«${current.name}» es una lista fija: no tiene reglas`,
        });
      const rules = input.rules;
      if (rules) await checked(() => segmentCondition(db, principal.workspaceId, rules));
      try {
        const [row] = await db
          .update(segments)
          .set({
            ...(input.name ? { name: input.name } : {}),
            ...(rules ? { rules } : {}),
            updatedAt: new Date(),
          })
          .where(and(eq(segments.workspaceId, principal.workspaceId), eq(segments.id, id)))
          .returning();
        if (!row) throw notFound('Segment', id);
        return c.json(view(row), 200);
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken(input.name ?? current.name);
        throw error;
      }
    })
    .openapi(routes.remove, async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      const current = await findSegment(db, principal.workspaceId, id);
      const users = await db
        .select({ name: campaigns.name })
        .from(campaigns)
        .where(and(eq(campaigns.workspaceId, principal.workspaceId), eq(campaigns.segmentId, id)));
      if (users.length > 0)
        throw new ApiError(
          409,
          'SEGMENT_IN_USE',
          {
            en: `Campaigns use "${current.name}" (${users.map((u) => `"${u.name}"`).join(', ')}): change or delete them first`,
            es: `Hay campañas que usan «${current.name}» (${users.map((u) => `«${u.name}»`).join(', ')}): cámbialas o bórralas antes`,
          },
          { campaigns: users.map((u) => u.name) },
        );
      await db
        .delete(segments)
        .where(and(eq(segments.workspaceId, principal.workspaceId), eq(segments.id, id)));
      return c.body(null, 204);
    })
    .openapi(routes.addMembers, async (c) => {
      const principal = c.get('principal');
      const row = await findSegment(db, principal.workspaceId, c.req.valid('param').id);
      staticOnly(row);
      const added = await addSegmentMembers(
        db,
        row.id,
        principal.workspaceId,
        c.req.valid('json').contactIds,
      );
      return c.json({ added }, 200);
    })
    .openapi(routes.removeMembers, async (c) => {
      const principal = c.get('principal');
      const row = await findSegment(db, principal.workspaceId, c.req.valid('param').id);
      staticOnly(row);
      const removed = await removeSegmentMembers(db, row.id, c.req.valid('json').contactIds);
      return c.json({ removed }, 200);
    });
}
