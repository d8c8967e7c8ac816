import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { workspaces } from '@omniflow/db';
import { allReports } from '../../reports/all-reports.ts';
import { buildReport } from '../../reports/build-report.ts';
import { ReportFilterError, reportQuerySchema, resolveReportFilters } from '../../reports/report-filters.ts';
import { renderReport } from '../../reports/render-report.ts';
import { ApiError } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { readerLanguage } from '../reader-language.ts';
import { errorResponses, json, notFoundResponse } from '../schemas.ts';

const cellType = z.enum(['text', 'integer', 'number', 'percent', 'duration', 'datetime', 'date']);
const cell = z.union([z.string(), z.number(), z.null()]);

export const reportDocumentSchema = z
  .object({
    report: z.string(),
    title: z.string(),
    language: z.enum(['en', 'es']),
    generatedAt: z.string(),
    timezone: z.string(),
    filters: z.array(z.object({ label: z.string(), value: z.string() })),
    charts: z.array(
      z.object({
        title: z.string(),
        kind: z.enum(['line', 'bar', 'stacked-bar', 'pie']),
        categories: z.array(z.string()),
        series: z.array(z.object({ name: z.string(), data: z.array(z.number()) })),
        valueType: z.enum(['integer', 'number', 'percent', 'duration']),
      }),
    ),
    tables: z.array(
      z.object({
        name: z.string(),
        columns: z.array(z.object({ key: z.string(), label: z.string(), type: cellType })),
        rows: z.array(z.record(z.string(), cell)),
        totals: z.record(z.string(), cell).optional(),
      }),
    ),
  })
  .openapi('ReportDocument');

const reportFilterNames = z.enum(['channel', 'flow', 'campaign', 'queue', 'agent']);

const reportInfoSchema = z
  .object({
    name: z.string(),
    title: z.string().openapi({ description: 'In the caller’s language (Accept-Language)' }),
    description: z.string(),
    filters: z
      .array(reportFilterNames)
      .openapi({ description: 'Filters beyond the period that apply to it' }),
  })
  .openapi('ReportInfo');

const nameParam = z.object({
  name: z
    .string()
    .max(100)
    .openapi({ param: { name: 'name', in: 'path' }, example: 'call-traffic' }),
});

const routes = {
  list: createRoute({
    method: 'get',
    path: '/reports',
    tags: ['reports'],
    summary: 'The reports this workspace can produce, with their titles in the caller’s language',
    responses: {
      200: json(z.object({ items: z.array(reportInfoSchema) }), 'Every report'),
      ...errorResponses,
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/reports/{name}',
    tags: ['reports'],
    summary:
      'One report for a period (buckets in the workspace’s time zone): the document as JSON, or a CSV, Excel or PDF download',
    request: { params: nameParam, query: reportQuerySchema },
    responses: {
      200: {
        description: 'The report (json) or its file (csv, xlsx, pdf)',
        content: {
          'application/json': { schema: reportDocumentSchema },
          'text/csv': { schema: z.string() },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
            schema: z.string().openapi({ format: 'binary' }),
          },
          'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
        },
      },
      ...errorResponses,
      ...notFoundResponse,
    },
  }),
};

const text = {
  unknown: {
    en: (name: string) => `There is no report called "${name}"; GET /api/v1/reports lists them`,
    es: (name: string) => `No hay ningún informe llamado «${name}»; GET /api/v1/reports los lista`,
  },
};

/** `GET /reports` and `GET /reports/{name}` over the registry (reports/all-reports.ts). */
export function reportRoutes({ db }: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, (c) => {
      const language = readerLanguage(c.req.header('accept-language'));
      return c.json(
        {
          items: allReports.map((r) => ({
            name: r.name,
            title: r.title?.[language] ?? r.name,
            description: r.description?.[language] ?? '',
            filters: r.filters ?? [],
          })),
        },
        200,
      );
    })
    .openapi(routes.get, async (c) => {
      const { name } = c.req.valid('param');
      const { format, language: asked, ...query } = c.req.valid('query');
      const language = asked ?? readerLanguage(c.req.header('accept-language'));
      const report = allReports.find((r) => r.name === name);
      if (!report) throw new ApiError(404, 'REPORT_NOT_FOUND', text.unknown[language](name));
      const { workspaceId } = c.get('principal');
      const [workspace] = await db
        .select({ timezone: workspaces.timezone })
        .from(workspaces)
        .where(eq(workspaces.id, workspaceId));
      let doc;
      try {
        const filters = resolveReportFilters(query, workspace?.timezone ?? null, language);
        // A report may refuse a filter only it needs (flow-analytics: a flow of this workspace).
        doc = await buildReport({ db }, report, { workspaceId, language, filters });
      } catch (error) {
        if (error instanceof ReportFilterError)
          throw new ApiError(400, 'REPORT_FILTERS_INVALID', error.message, { field: error.field });
        throw error;
      }
      if (format === 'json') return c.json(doc, 200);
      const file = await renderReport(doc, format);
      return c.body(typeof file.body === 'string' ? file.body : new Uint8Array(file.body), 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.filename}"`,
      });
    });
}
