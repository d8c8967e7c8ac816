import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { workspaces } from '@omniflow/db';
import { ApiError, notFound } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { errorResponses, errorSchema, json } from '../schemas.ts';
import { readerLanguage } from '../reader-language.ts';

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Write the time as HH:MM, 24-hour (21:00)')
  .openapi({ example: '21:00' });

const quietHoursSchema = z
  .object({ from: hhmm, to: hhmm })
  .nullable()
  .openapi({ description: 'Local times (in each person’s zone) between which nothing is sent; null: none' });

const frequencyCapSchema = z
  .object({
    messages: z.number({ message: 'frequencyCap.messages must be a number' }).int(),
    days: z.number({ message: 'frequencyCap.days must be a number' }).int(),
  })
  .nullable()
  .openapi({
    description: 'At most `messages` marketing messages per person every `days` days; null: no cap',
  });

const settingsSchema = z
  .object({
    timezone: z.string().nullable().openapi({
      description: 'IANA zone (America/Lima) for people whose own zone is unknown; null: UTC',
      example: 'America/Lima',
    }),
    quietHours: quietHoursSchema,
    frequencyCap: frequencyCapSchema,
  })
  .openapi('CampaignSettings');

// Omitted: unchanged; null: cleared. A form sends everything, a script may send one field.
const settingsInput = settingsSchema.partial().openapi('CampaignSettingsInput');

type Settings = z.infer<typeof settingsSchema>;
type Language = 'es' | 'en';

const capLimits = { messages: { min: 1, max: 1000 }, days: { min: 1, max: 365 } } as const;

const problems = {
  timezone: {
    en: (zone: string) => `timezone: "${zone}" is not a time zone; give an IANA name such as America/Lima`,
    es: (zone: string) => `timezone: «${zone}» no es una zona horaria; usa un nombre IANA como America/Lima`,
  },
  quietHours: {
    en: () => 'quietHours: from and to must differ (21:00 to 08:00 keeps the night quiet)',
    es: () => 'quietHours: from y to deben ser distintas (de 21:00 a 08:00 deja la noche en silencio)',
  },
  'frequencyCap.messages': {
    en: () => `frequencyCap.messages: from ${capLimits.messages.min} to ${capLimits.messages.max} messages`,
    es: () => `frequencyCap.messages: de ${capLimits.messages.min} a ${capLimits.messages.max} mensajes`,
  },
  'frequencyCap.days': {
    en: () => `frequencyCap.days: from ${capLimits.days.min} to ${capLimits.days.max} days`,
    es: () => `frequencyCap.days: de ${capLimits.days.min} a ${capLimits.days.max} días`,
  },
} as const;

type Field = keyof typeof problems;

function refuse(field: Field, language: Language, value = ''): never {
  throw new ApiError(422, 'CAMPAIGN_SETTINGS_INVALID', problems[field][language](value), { field });
}

/** The zone's canonical IANA name (Intl resolves "america/lima" and old aliases), or undefined. */
export function canonicalZone(zone: string): string | undefined {
  // Offsets and abbreviations ("+05:00", "EST5EDT" aside) are not places: a person's 09:00 needs a place.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const languageOf = (acceptLanguage: string | undefined): Language => readerLanguage(acceptLanguage);

const inRange = (n: number, limits: { min: number; max: number }) => n >= limits.min && n <= limits.max;

const routes = {
  get: createRoute({
    method: 'get',
    path: '/workspace/campaign-settings',
    tags: ['workspace'],
    summary: 'Campaign defaults: the workspace’s time zone, quiet hours and marketing frequency cap',
    responses: { 200: json(settingsSchema, 'The campaign settings'), ...errorResponses },
  }),
  put: createRoute({
    method: 'put',
    path: '/workspace/campaign-settings',
    tags: ['workspace'],
    summary: 'Change the campaign defaults (omitted fields stay, null clears one)',
    request: { body: { required: true, content: { 'application/json': { schema: settingsInput } } } },
    responses: {
      200: json(settingsSchema, 'The campaign settings now'),
      ...errorResponses,
      403: json(errorSchema, 'Not an admin'),
      422: json(
        errorSchema,
        'A value that cannot be used; details.field names it (es/en by Accept-Language)',
      ),
    },
  }),
};

export function campaignSettingsRoutes({ db }: AppDeps) {
  async function stored(workspaceId: string) {
    const [row] = await db
      .select({ timezone: workspaces.timezone, settings: workspaces.campaignSettings })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId));
    if (!row) throw notFound('Workspace', workspaceId);
    return row;
  }
  const settingsOf = (row: Awaited<ReturnType<typeof stored>>): Settings => ({
    timezone: row.timezone,
    quietHours: row.settings.quietHours ?? null,
    frequencyCap: row.settings.frequencyCap ?? null,
  });

  return new OpenAPIHono<AppEnv>()
    .openapi(routes.get, async (c) => c.json(settingsOf(await stored(c.get('principal').workspaceId)), 200))
    .openapi(routes.put, async (c) => {
      const principal = c.get('principal');
      const input = c.req.valid('json');
      const language = languageOf(c.req.header('accept-language'));
      const row = await stored(principal.workspaceId);
      const next = settingsOf(row);
      if (input.timezone !== undefined) {
        const zone = input.timezone === null ? null : canonicalZone(input.timezone.trim());
        if (zone === undefined) refuse('timezone', language, input.timezone ?? '');
        next.timezone = zone;
      }
      if (input.quietHours !== undefined) {
        if (input.quietHours && input.quietHours.from === input.quietHours.to) refuse('quietHours', language);
        next.quietHours = input.quietHours;
      }
      if (input.frequencyCap !== undefined) {
        const cap = input.frequencyCap;
        if (cap && !inRange(cap.messages, capLimits.messages)) refuse('frequencyCap.messages', language);
        if (cap && !inRange(cap.days, capLimits.days)) refuse('frequencyCap.days', language);
        next.frequencyCap = cap;
      }
      // Keys other helpers may have put in the jsonb stay: only ours are replaced.
      const others: Record<string, unknown> = { ...row.settings };
      delete others.quietHours;
      delete others.frequencyCap;
      await db
        .update(workspaces)
        .set({
          timezone: next.timezone,
          campaignSettings: {
            ...others,
            ...(next.quietHours ? { quietHours: next.quietHours } : {}),
            ...(next.frequencyCap ? { frequencyCap: next.frequencyCap } : {}),
          },
        })
        .where(eq(workspaces.id, principal.workspaceId));
      return c.json(next, 200);
    });
}
