import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq, inArray } from 'drizzle-orm';
import {
  newId,
  reportBuckets,
  reportDeliveries,
  reportDeliveryStatuses,
  reportDeliveryTriggers,
  reportFrequencies,
  reportPeriods,
  reportScheduleFormats,
  reportSchedules,
} from '@omniflow/db';
import { allReports } from '../../reports/all-reports.ts';
import { nextReportRun } from '../../reports/report-calendar.ts';
import { newReportDelivery, workspaceTimezone } from '../../reports/report-delivery.ts';
import { defaultReportRetryMs } from '../../reports/report-retry.ts';
import { ApiError } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { readerLanguage } from '../reader-language.ts';
import { errorResponses, idParam, json, notFoundResponse } from '../schemas.ts';

const filtersSchema = z
  .object({
    channel: z.string().max(40).optional(),
    flowId: z.uuid('Expected a flow id like 0190b3c4-…').optional(),
    queue: z.string().max(120).optional(),
    campaignId: z.uuid('Expected a campaign id like 0190b3c4-…').optional(),
    agentId: z.uuid('Expected an agent id like 0190b3c4-…').optional(),
  })
  .strict();

const scheduleInputSchema = z
  .object({
    report: z.string().trim().min(1, 'Choose a report').max(80, 'A report name is at most 80 characters'),
    period: z.enum(reportPeriods),
    bucket: z.enum(reportBuckets).default('day'),
    filters: filtersSchema.default({}),
    format: z.enum(reportScheduleFormats),
    frequency: z.enum(reportFrequencies),
    hour: z
      .number()
      .int('The hour is a whole number')
      .min(0, 'The hour is 0 to 23')
      .max(23, 'The hour is 0 to 23'),
    recipients: z
      .array(z.email('Write an e-mail address like ana@example.com').max(254))
      .min(1, 'Add at least one recipient')
      .max(50, 'At most 50 recipients'),
    language: z.enum(['es', 'en']),
    enabled: z.boolean().default(true),
  })
  .openapi('ReportScheduleInput');

const deliverySchema = z
  .object({
    id: z.string(),
    trigger: z.enum(reportDeliveryTriggers),
    status: z.enum(reportDeliveryStatuses),
    attempts: z.number().int(),
    error: z.string().nullable(),
    filename: z.string().nullable(),
    bytes: z.number().int().nullable(),
    periodFrom: z.string().nullable(),
    periodTo: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('ReportDelivery');

const scheduleSchema = z
  .object({
    id: z.string(),
    report: z.string(),
    period: z.enum(reportPeriods),
    bucket: z.enum(reportBuckets),
    filters: filtersSchema,
    format: z.enum(reportScheduleFormats),
    frequency: z.enum(reportFrequencies),
    hour: z.number().int(),
    recipients: z.array(z.string()),
    language: z.enum(['es', 'en']),
    enabled: z.boolean(),
    timezone: z.string(),
    nextRunAt: z.string(),
    lastDelivery: deliverySchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ReportSchedule');

const body = { body: { required: true, content: { 'application/json': { schema: scheduleInputSchema } } } };

const routes = {
  list: createRoute({
    method: 'get',
    path: '/report-schedules',
    tags: ['reports'],
    summary: 'The reports e-mailed on a calendar, with their last delivery and the reports to choose from',
    responses: {
      200: json(z.object({ items: z.array(scheduleSchema), reports: z.array(z.string()) }), 'The schedules'),
      ...errorResponses,
    },
  }),
  create: createRoute({
    method: 'post',
    path: '/report-schedules',
    tags: ['reports'],
    summary: 'E-mail a report daily, weekly (Mondays) or monthly (the 1st) at an hour of the workspace',
    request: body,
    responses: { 201: json(scheduleSchema, 'The schedule'), ...errorResponses },
  }),
  get: createRoute({
    method: 'get',
    path: '/report-schedules/{id}',
    tags: ['reports'],
    summary: 'One scheduled report',
    request: { params: idParam },
    responses: { 200: json(scheduleSchema, 'The schedule'), ...errorResponses, ...notFoundResponse },
  }),
  update: createRoute({
    method: 'put',
    path: '/report-schedules/{id}',
    tags: ['reports'],
    summary: 'Change a scheduled report',
    request: { params: idParam, ...body },
    responses: { 200: json(scheduleSchema, 'The schedule'), ...errorResponses, ...notFoundResponse },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/report-schedules/{id}',
    tags: ['reports'],
    summary: 'Stop and delete a scheduled report (its deliveries go with it)',
    request: { params: idParam },
    responses: { 204: { description: 'Deleted' }, ...errorResponses, ...notFoundResponse },
  }),
  send: createRoute({
    method: 'post',
    path: '/report-schedules/{id}/send',
    tags: ['reports'],
    summary: 'Send a scheduled report now, for its period as of now; follow it in its deliveries',
    request: { params: idParam },
    responses: { 202: json(deliverySchema, 'The delivery started'), ...errorResponses, ...notFoundResponse },
  }),
  deliveries: createRoute({
    method: 'get',
    path: '/report-schedules/{id}/deliveries',
    tags: ['reports'],
    summary: 'The last 50 deliveries of a scheduled report, newest first',
    request: { params: idParam },
    responses: {
      200: json(z.object({ items: z.array(deliverySchema) }), 'The deliveries'),
      ...errorResponses,
      ...notFoundResponse,
    },
  }),
};

type DeliveryRow = typeof reportDeliveries.$inferSelect;
type ScheduleRow = typeof reportSchedules.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const deliveryView = (d: DeliveryRow) => ({
  id: d.id,
  trigger: d.trigger,
  status: d.status,
  attempts: d.attempts,
  error: d.error,
  filename: d.filename,
  bytes: d.bytes,
  periodFrom: iso(d.periodFrom),
  periodTo: iso(d.periodTo),
  createdAt: d.createdAt.toISOString(),
  finishedAt: iso(d.finishedAt),
});
const scheduleView = (s: ScheduleRow, timezone: string, last: DeliveryRow | undefined) => ({
  id: s.id,
  report: s.report,
  period: s.period,
  bucket: s.bucket,
  filters: s.filters,
  format: s.format,
  frequency: s.frequency,
  hour: s.hour,
  recipients: s.recipients,
  language: s.language,
  enabled: s.enabled,
  timezone,
  nextRunAt: s.nextRunAt.toISOString(),
  lastDelivery: last ? deliveryView(last) : null,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

const messages = {
  notFound: {
    en: 'There is no such scheduled report in this workspace',
    es: 'No existe ese informe programado en este espacio de trabajo',
  },
  unknownReport: {
    en: (name: string, known: string) =>
      `There is no report "${name}"; choose one of: ${known || '(none yet)'}`,
    es: (name: string, known: string) =>
      `No existe el informe «${name}»; elija uno de: ${known || '(ninguno todavía)'}`,
  },
};

/** Admins and supervisors choose reports to e-mail on a calendar (issue #17). */
export function reportScheduleRoutes(deps: AppDeps) {
  const lastDeliveries = async (scheduleIds: string[]) => {
    if (scheduleIds.length === 0) return new Map<string, DeliveryRow>();
    const rows = await deps.db
      .selectDistinctOn([reportDeliveries.scheduleId])
      .from(reportDeliveries)
      .where(inArray(reportDeliveries.scheduleId, scheduleIds))
      .orderBy(reportDeliveries.scheduleId, desc(reportDeliveries.createdAt));
    return new Map(rows.map((r) => [r.scheduleId, r]));
  };
  const find = async (workspaceId: string, id: string, language: 'es' | 'en') => {
    const [row] = await deps.db
      .select()
      .from(reportSchedules)
      .where(and(eq(reportSchedules.id, id), eq(reportSchedules.workspaceId, workspaceId)));
    if (!row) throw new ApiError(404, 'NOT_FOUND', messages.notFound[language]);
    return row;
  };
  const view = async (row: ScheduleRow) =>
    scheduleView(
      row,
      await workspaceTimezone(deps.db, row.workspaceId),
      (await lastDeliveries([row.id])).get(row.id),
    );
  const checkReport = (name: string, language: 'es' | 'en') => {
    if (!allReports.some((r) => r.name === name))
      throw new ApiError(
        400,
        'UNKNOWN_REPORT',
        messages.unknownReport[language](name, allReports.map((r) => r.name).join(', ')),
      );
  };
  const valuesOf = (input: z.infer<typeof scheduleInputSchema>, timezone: string) => ({
    ...input,
    recipients: [...new Set(input.recipients.map((r) => r.trim().toLowerCase()))],
    nextRunAt: nextReportRun(input.frequency, input.hour, timezone, new Date()),
    updatedAt: new Date(),
  });

  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => {
      const { workspaceId } = c.get('principal');
      const rows = await deps.db
        .select()
        .from(reportSchedules)
        .where(eq(reportSchedules.workspaceId, workspaceId))
        .orderBy(reportSchedules.createdAt);
      const timezone = await workspaceTimezone(deps.db, workspaceId);
      const last = await lastDeliveries(rows.map((r) => r.id));
      return c.json(
        {
          items: rows.map((r) => scheduleView(r, timezone, last.get(r.id))),
          reports: allReports.map((r) => r.name),
        },
        200,
      );
    })
    .openapi(routes.create, async (c) => {
      const principal = c.get('principal');
      const language = readerLanguage(c.req.header('accept-language'));
      const input = c.req.valid('json');
      checkReport(input.report, language);
      const timezone = await workspaceTimezone(deps.db, principal.workspaceId);
      const [row] = await deps.db
        .insert(reportSchedules)
        .values({
          id: newId(),
          workspaceId: principal.workspaceId,
          createdBy: principal.userId ?? null,
          ...valuesOf(input, timezone),
        })
        .returning();
      return c.json(scheduleView(row!, timezone, undefined), 201);
    })
    .openapi(routes.get, async (c) => {
      const language = readerLanguage(c.req.header('accept-language'));
      const row = await find(c.get('principal').workspaceId, c.req.valid('param').id, language);
      return c.json(await view(row), 200);
    })
    .openapi(routes.update, async (c) => {
      const { workspaceId } = c.get('principal');
      const language = readerLanguage(c.req.header('accept-language'));
      const existing = await find(workspaceId, c.req.valid('param').id, language);
      const input = c.req.valid('json');
      checkReport(input.report, language);
      const timezone = await workspaceTimezone(deps.db, workspaceId);
      const [row] = await deps.db
        .update(reportSchedules)
        .set(valuesOf(input, timezone))
        .where(eq(reportSchedules.id, existing.id))
        .returning();
      return c.json(await view(row!), 200);
    })
    .openapi(routes.remove, async (c) => {
      const { workspaceId } = c.get('principal');
      const language = readerLanguage(c.req.header('accept-language'));
      const existing = await find(workspaceId, c.req.valid('param').id, language);
      await deps.db.delete(reportSchedules).where(eq(reportSchedules.id, existing.id));
      return c.body(null, 204);
    })
    .openapi(routes.send, async (c) => {
      const { workspaceId } = c.get('principal');
      const language = readerLanguage(c.req.header('accept-language'));
      const schedule = await find(workspaceId, c.req.valid('param').id, language);
      const deliveryId = await newReportDelivery(deps.db, workspaceId, schedule.id, 'manual');
      const retrySeconds = Number(process.env.OMNIFLOW_REPORT_RETRY_SECONDS);
      await deps.temporal.workflow.start('sendScheduledReport', {
        workflowId: `report-delivery-${deliveryId}`,
        taskQueue: deps.taskQueue,
        args: [deliveryId, retrySeconds > 0 ? retrySeconds * 1000 : defaultReportRetryMs],
      });
      const [row] = await deps.db.select().from(reportDeliveries).where(eq(reportDeliveries.id, deliveryId));
      return c.json(deliveryView(row!), 202);
    })
    .openapi(routes.deliveries, async (c) => {
      const { workspaceId } = c.get('principal');
      const language = readerLanguage(c.req.header('accept-language'));
      const schedule = await find(workspaceId, c.req.valid('param').id, language);
      const rows = await deps.db
        .select()
        .from(reportDeliveries)
        .where(eq(reportDeliveries.scheduleId, schedule.id))
        .orderBy(desc(reportDeliveries.createdAt))
        .limit(50);
      return c.json({ items: rows.map(deliveryView) }, 200);
    });
}
