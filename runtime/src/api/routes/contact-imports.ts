import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { contactImportRejections, contactImports, type Db } from '@omniflow/db';
import {
  ImportRequestError,
  previewImport,
  startContactImport,
} from '../../contacts-import/contact-import.ts';
import {
  ImportFileError,
  importErrorIn,
  type ImportLanguage,
} from '../../contacts-import/import-messages.ts';
import { rejectionsCsv } from '../../contacts-import/rejections-csv.ts';
import { ApiError, notFound } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { errorResponses, errorSchema, idParam, json, notFoundResponse } from '../schemas.ts';
import { readerLanguage } from '../reader-language.ts';

const fileSchema = z
  .custom<File>((value) => value instanceof File, 'Attach the CSV or .xlsx file as the form field "file"')
  .openapi({ type: 'string', format: 'binary' });

const languageSchema = z.enum(['es', 'en']).optional().openapi({
  description: 'Language of the rejection reasons (default: from Accept-Language)',
});

const previewForm = z
  .object({ file: fileSchema, language: languageSchema })
  .openapi('ContactImportPreviewForm');

const startForm = z
  .object({
    file: fileSchema,
    mapping: z.string().optional().openapi({
      description: 'JSON object column title → target (first_name, phone, field:<key>, ignore…)',
    }),
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'country is a two-letter ISO 3166 code such as PE or ES')
      .optional()
      .openapi({ description: 'Country of phone numbers written without +code (default: the workspace’s)' }),
    language: languageSchema,
  })
  .openapi('ContactImportForm');

const previewSchema = z
  .object({
    kind: z.enum(['csv', 'xlsx']),
    header: z.array(z.string()),
    sampleRows: z.array(z.array(z.string())),
    totalRows: z.number().int(),
    proposedMapping: z.record(z.string(), z.string()),
    fields: z.array(z.object({ key: z.string(), label: z.string(), type: z.string() })),
    defaultCountry: z.string().nullable(),
  })
  .openapi('ContactImportPreview');

const importSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    status: z.enum(['running', 'done', 'failed']),
    mapping: z.record(z.string(), z.string()),
    totalRows: z.number().int().nullable(),
    processedRows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    rejected: z.number().int(),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('ContactImport');

const rejectionSchema = z
  .object({ line: z.number().int(), field: z.string(), code: z.string(), reason: z.string() })
  .openapi('ContactImportRejection');

const multipart = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'multipart/form-data': { schema } },
});

const forbidden = { 403: json(errorSchema, 'The caller’s role may not do this') };
const tooLarge = { 413: json(errorSchema, 'The file is larger than the import limit') };
const notAForm = { 415: json(errorSchema, 'The body is not multipart/form-data') };
const refused = {
  422: json(errorSchema, 'The file as a whole cannot be imported (encoding, header, empty)'),
};

const readLanguage = z.object({
  language: z
    .enum(['es', 'en'], { message: 'language is es or en' })
    .optional()
    .openapi({ description: 'Language of `error` when the server wrote it (default: from Accept-Language)' }),
});

const routes = {
  preview: createRoute({
    method: 'post',
    path: '/contact-imports/preview',
    tags: ['contacts'],
    summary: 'Read a file’s header and first rows and propose a column mapping',
    request: { body: multipart(previewForm) },
    responses: {
      200: json(previewSchema, 'The header, sample and proposal'),
      ...errorResponses,
      ...forbidden,
      ...tooLarge,
      ...notAForm,
      ...refused,
    },
  }),
  start: createRoute({
    method: 'post',
    path: '/contact-imports',
    tags: ['contacts'],
    summary: 'Import contacts from a CSV or .xlsx file; runs in the background',
    request: { body: multipart(startForm) },
    responses: {
      202: json(z.object({ id: z.string() }).openapi('ContactImportStarted'), 'The import started'),
      ...errorResponses,
      ...forbidden,
      ...tooLarge,
      ...notAForm,
      ...refused,
    },
  }),
  list: createRoute({
    method: 'get',
    path: '/contact-imports',
    tags: ['contacts'],
    summary: 'The latest imports, newest first',
    request: { query: readLanguage },
    responses: { 200: json(z.object({ imports: z.array(importSchema) }), 'Imports'), ...errorResponses },
  }),
  get: createRoute({
    method: 'get',
    path: '/contact-imports/{id}',
    tags: ['contacts'],
    summary: 'An import’s status and counts (a progress bar polls this)',
    request: { params: idParam, query: readLanguage },
    responses: { 200: json(importSchema, 'The import'), ...errorResponses, ...notFoundResponse },
  }),
  rejections: createRoute({
    method: 'get',
    path: '/contact-imports/{id}/rejections',
    tags: ['contacts'],
    summary: 'The rows an import left out, with line, column and reason (JSON, or CSV with ?format=csv)',
    request: {
      params: idParam,
      query: z.object({
        format: z.enum(['json', 'csv']).optional(),
        limit: z.coerce.number().int().min(1).max(1000).optional(),
      }),
    },
    responses: {
      200: {
        description: 'The rejections',
        content: {
          'application/json': { schema: z.object({ rejections: z.array(rejectionSchema) }) },
          'text/csv': { schema: z.string() },
        },
      },
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
    },
  }),
};

function languageOf(form: string | undefined, acceptLanguage: string | undefined): ImportLanguage {
  if (form === 'es' || form === 'en') return form;
  return readerLanguage(acceptLanguage);
}

function parseMapping(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined || text === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'INVALID_MAPPING', 'mapping is not JSON: send {"column title": "phone", …}');
  }
  const parsed = z.record(z.string(), z.string()).safeParse(value);
  if (!parsed.success)
    throw new ApiError(400, 'INVALID_MAPPING', 'mapping is an object of column title → target, all strings');
  return parsed.data;
}

async function bytesOf(file: File) {
  return new Uint8Array(await file.arrayBuffer());
}

function fileRefused(error: unknown, language: ImportLanguage): never {
  if (error instanceof ImportFileError)
    throw new ApiError(422, error.code, error.messageIn(language), {
      importId: (error as { importId?: string }).importId,
    });
  if (error instanceof ImportRequestError)
    throw new ApiError(400, 'INVALID_MAPPING', error.message, { problems: error.problems });
  throw error;
}

const needsForm: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'POST' && !/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? ''))
    throw new ApiError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the file as multipart/form-data with the field "file" (curl -F file=@contacts.csv …)',
    );
  return next();
};

type ImportRow = typeof contactImports.$inferSelect;
const view = (row: ImportRow, language: ImportLanguage) => ({
  id: row.id,
  fileName: row.fileName,
  status: row.status,
  mapping: row.mapping,
  totalRows: row.totalRows,
  processedRows: row.processedRows,
  created: row.created,
  updated: row.updated,
  rejected: row.rejected,
  error: importErrorIn(row.error, language),
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

async function findImport(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(contactImports)
    .where(and(eq(contactImports.workspaceId, workspaceId), eq(contactImports.id, id)));
  if (!row) throw notFound('Contact import', id);
  return row;
}

/**
 * Contact imports run in the API process, in the background of the request that started them: the
 * file is already in this process's memory and the work is one database transaction per 1,000
 * rows, so a Temporal activity would only add a second copy of the file. The counts on
 * contact_imports are the progress; an import cut short by a restart keeps the chunks written so
 * far (each whole) and is marked failed by the worker's sweep (sweep-stalled-imports.ts).
 */
export function contactImportRoutes({ db }: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  // Before the form validator, whose own refusal of another body is a bare "Unsupported Media Type".
  app.use('/contact-imports', needsForm);
  app.use('/contact-imports/preview', needsForm);
  return app
    .openapi(routes.preview, async (c) => {
      const principal = c.get('principal');
      const form = c.req.valid('form');
      const language = languageOf(form.language, c.req.header('accept-language'));
      try {
        return c.json(
          await previewImport(db, principal.workspaceId, await bytesOf(form.file), form.file.name),
          200,
        );
      } catch (error) {
        fileRefused(error, language);
      }
    })
    .openapi(routes.start, async (c) => {
      const principal = c.get('principal');
      const form = c.req.valid('form');
      const language = languageOf(form.language, c.req.header('accept-language'));
      const mapping = parseMapping(form.mapping);
      try {
        const started = await startContactImport(db, {
          workspaceId: principal.workspaceId,
          userId: principal.userId,
          fileName: form.file.name || 'contacts.csv',
          bytes: await bytesOf(form.file),
          ...(mapping ? { mapping } : {}),
          country: form.country ?? null,
          language,
        });
        return c.json({ id: started.importId }, 202);
      } catch (error) {
        fileRefused(error, language);
      }
    })
    .openapi(routes.list, async (c) => {
      const rows = await db
        .select()
        .from(contactImports)
        .where(eq(contactImports.workspaceId, c.get('principal').workspaceId))
        .orderBy(desc(contactImports.id))
        .limit(50);
      const language = languageOf(c.req.valid('query').language, c.req.header('accept-language'));
      return c.json({ imports: rows.map((row) => view(row, language)) }, 200);
    })
    .openapi(routes.get, async (c) => {
      const row = await findImport(db, c.get('principal').workspaceId, c.req.valid('param').id);
      const language = languageOf(c.req.valid('query').language, c.req.header('accept-language'));
      return c.json(view(row, language), 200);
    })
    .openapi(routes.rejections, async (c) => {
      const principal = c.get('principal');
      // The report quotes the rejected values: people's phones and emails.
      const row = await findImport(db, principal.workspaceId, c.req.valid('param').id);
      const { format, limit } = c.req.valid('query');
      const query = db
        .select({
          line: contactImportRejections.line,
          field: contactImportRejections.field,
          code: contactImportRejections.code,
          reason: contactImportRejections.reason,
        })
        .from(contactImportRejections)
        .where(eq(contactImportRejections.importId, row.id))
        .orderBy(asc(contactImportRejections.line), asc(contactImportRejections.field));
      if (format === 'csv') {
        const rows = await query;
        const es = readerLanguage(c.req.header('accept-language')) === 'es';
        const titles: [string, string, string, string] = es
          ? ['linea', 'columna', 'codigo', 'motivo']
          : ['line', 'column', 'code', 'reason'];
        const name = row.fileName.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_') || 'import';
        return c.body(rejectionsCsv(rows, titles), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${name}-rejected.csv"`,
        }) as never;
      }
      return c.json({ rejections: await query.limit(limit ?? 1000) }, 200);
    });
}
