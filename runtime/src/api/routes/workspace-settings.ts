import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { workspaces } from '@omniflow/db';
import { ApiError, notFound } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { errorResponses, json } from '../schemas.ts';
import { auditRetentionDaysSchema } from '../../audit/audit-retention-setting.ts';
import { slaTargetPercentSchema } from '../../health/sla-target-setting.ts';
import { readerLanguage } from '../reader-language.ts';
import { validationFailure } from '../validation-text.ts';
import { workspaceSettingsText } from '../workspace-settings-text.ts';

const settingsSchema = z
  .object({
    runRetentionDays: z
      .number({ message: 'runRetentionDays must be a number of days' })
      .int()
      .min(1, 'Keep run details at least 1 day')
      .max(3650, 'Keep run details at most 3650 days (10 years)'),
    auditRetentionDays: auditRetentionDaysSchema,
    slaTargetPercent: slaTargetPercentSchema,
  })
  .openapi('WorkspaceSettings');

const routes = {
  get: createRoute({
    method: 'get',
    path: '/workspace/settings',
    tags: ['workspace'],
    summary: 'Workspace settings (run retention)',
    responses: { 200: json(settingsSchema, 'The settings'), ...errorResponses },
  }),
  put: createRoute({
    method: 'put',
    path: '/workspace/settings',
    tags: ['workspace'],
    summary: 'Change workspace settings',
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: settingsSchema.partial({
              runRetentionDays: true,
              auditRetentionDays: true,
              slaTargetPercent: true,
            }),
          },
        },
      },
    },
    responses: {
      200: json(settingsSchema, 'The settings now'),
      ...errorResponses,
      403: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'Not an admin'),
    },
  }),
};

const answer = (row: typeof workspaces.$inferSelect) => ({
  runRetentionDays: row.runRetentionDays,
  auditRetentionDays: row.auditRetentionDays,
  slaTargetPercent: row.slaTargetPercent,
});

export function workspaceSettingsRoutes({ db }: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.get, async (c) => {
      const id = c.get('principal').workspaceId;
      const [row] = await db.select().from(workspaces).where(eq(workspaces.id, id));
      if (!row) throw notFound('Workspace', id);
      return c.json(answer(row), 200);
    })
    .openapi(
      routes.put,
      async (c) => {
        const { runRetentionDays, auditRetentionDays, slaTargetPercent } = c.req.valid('json');
        const id = c.get('principal').workspaceId;
        const changes = {
          ...(runRetentionDays !== undefined ? { runRetentionDays } : {}),
          ...(auditRetentionDays !== undefined ? { auditRetentionDays } : {}),
          ...(slaTargetPercent !== undefined ? { slaTargetPercent } : {}),
        };
        // A body naming neither setting changes nothing and answers the settings as they are.
        const [row] =
          Object.keys(changes).length > 0
            ? await db.update(workspaces).set(changes).where(eq(workspaces.id, id)).returning()
            : await db.select().from(workspaces).where(eq(workspaces.id, id));
        if (!row) throw notFound('Workspace', id);
        return c.json(answer(row), 200);
      },
      refuseInReaderLanguage,
    );
}

/** A refused setting answers the 400 every route does, with the setting's own sentence in es or en. */
function refuseInReaderLanguage(
  result: { success: boolean; error?: { issues: z.core.$ZodIssue[] } },
  c: { req: { header: (name: string) => string | undefined } },
): undefined {
  if (result.success || !result.error) return undefined;
  const language = readerLanguage(c.req.header('accept-language'));
  const { message, issues } = validationFailure(result.error.issues, language, workspaceSettingsText);
  throw new ApiError(400, 'VALIDATION_FAILED', message, { issues });
}
