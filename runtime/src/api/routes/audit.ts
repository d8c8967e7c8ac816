import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { auditActorKinds } from '@omniflow/db';
import { auditCsv, auditXlsx } from '../../audit/audit-export.ts';
import {
  decodeAuditCursor,
  encodeAuditCursor,
  searchAudit,
  type AuditFilter,
} from '../../audit/search-audit.ts';
import { ApiError, cursorInvalid } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { boundedDateTime } from '../../limits/bounded-fields.ts';
import { errorResponses, errorSchema, json } from '../schemas.ts';

const text = (name: string, max: number) =>
  z.string().max(max, `${name} must be at most ${max} characters`).optional();

const filterQuery = z.object({
  from: boundedDateTime('from').optional(),
  to: boundedDateTime('to').optional(),
  actor: text('actor', 200),
  action: text('action', 2000).openapi({ description: 'One action or several, comma-separated' }),
  resourceType: text('resourceType', 100),
  resourceId: text('resourceId', 200),
  q: text('q', 200),
});

const auditEventSchema = z
  .object({
    id: z.string(),
    occurredAt: z.string(),
    actor: z.object({
      kind: z.enum(auditActorKinds),
      id: z.string().nullable(),
      name: z.string().nullable(),
      email: z.string().nullable(),
      userId: z.string().nullable(),
    }),
    action: z.string(),
    resource: z.object({ type: z.string(), id: z.string().nullable(), label: z.string().nullable() }),
    method: z.string().nullable(),
    path: z.string().nullable(),
    status: z.number().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    details: z.unknown(),
  })
  .openapi('AuditEvent');

const forbidden = { 403: json(errorSchema, 'Not an admin') };

const routes = {
  list: createRoute({
    method: 'get',
    path: '/audit',
    tags: ['audit'],
    summary: 'The audit log, newest first, filtered (admin)',
    request: {
      query: filterQuery.extend({
        limit: z.coerce
          .number({ message: 'limit must be a number' })
          .int('limit must be a whole number')
          .min(1, 'limit must be at least 1')
          .max(200, 'limit must be at most 200')
          .default(50),
        cursor: text('cursor', 200),
      }),
    },
    responses: {
      200: json(
        z.object({ items: z.array(auditEventSchema), nextCursor: z.string().nullable() }),
        'A page of audit rows',
      ),
      ...errorResponses,
      ...forbidden,
    },
  }),
  export: createRoute({
    method: 'get',
    path: '/audit/export',
    tags: ['audit'],
    summary: 'The filtered audit log as CSV or Excel (admin; the export is itself audited)',
    request: { query: filterQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }) },
    responses: {
      200: {
        description: 'Every matching row, newest first',
        content: {
          'text/csv': { schema: z.string() },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
            schema: z.string().openapi({ format: 'binary' }),
          },
        },
      },
      ...errorResponses,
      ...forbidden,
    },
  }),
};

function filterOf(query: z.infer<typeof filterQuery>): AuditFilter {
  if (query.from && query.to && Date.parse(query.from) >= Date.parse(query.to))
    throw new ApiError(400, 'PERIOD_INVALID', {
      en: 'from must be before to',
      es: 'El inicio del periodo debe ser anterior a su final',
    });
  const actions = (query.action ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  return {
    ...(query.from ? { from: new Date(query.from) } : {}),
    ...(query.to ? { to: new Date(query.to) } : {}),
    ...(query.actor?.trim() ? { actor: query.actor } : {}),
    ...(actions.length > 0 ? { actions } : {}),
    ...(query.resourceType ? { resourceType: query.resourceType } : {}),
    ...(query.resourceId ? { resourceId: query.resourceId } : {}),
    ...(query.q?.trim() ? { q: query.q } : {}),
  };
}

/** Reading the audit log (issue #16); there is no route that changes or removes a row. */
export function auditRoutes({ db }: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => {
      const { limit, cursor, ...query } = c.req.valid('query');
      const after = cursor ? decodeAuditCursor(cursor) : undefined;
      if (cursor && !after) throw cursorInvalid();
      const rows = await searchAudit(db, c.get('principal').workspaceId, filterOf(query), {
        limit: limit + 1,
        ...(after ? { after } : {}),
      });
      const page = rows.slice(0, limit);
      return c.json(
        {
          items: page.map((r) => ({
            id: r.id,
            occurredAt: r.occurredAt.toISOString(),
            actor: {
              kind: r.actorKind,
              id: r.actorId,
              name: r.actorName,
              email: r.actorEmail,
              userId: r.actorUserId,
            },
            action: r.action,
            resource: { type: r.resourceType, id: r.resourceId, label: r.resourceLabel },
            method: r.method,
            path: r.path,
            status: r.status,
            ip: r.ip,
            userAgent: r.userAgent,
            requestId: r.requestId,
            before: r.before,
            after: r.after,
            details: r.details,
          })),
          nextCursor: rows.length > limit ? encodeAuditCursor(page.at(-1)!) : null,
        },
        200,
      );
    })
    .openapi(routes.export, async (c) => {
      const { format, ...query } = c.req.valid('query');
      const filter = filterOf(query);
      const day = new Date().toISOString().slice(0, 10);
      const { workspaceId } = c.get('principal');
      if (format === 'xlsx')
        return c.body(auditXlsx(db, workspaceId, filter), 200, {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': `attachment; filename="audit-${day}.xlsx"`,
        });
      return c.body(auditCsv(db, workspaceId, filter), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="audit-${day}.csv"`,
      });
    });
}
