import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { campaigns, campaignStatuses, flows, newId, segments, templates, type Db } from '@omniflow/db';
import { campaignStats } from '../../campaigns/campaign-stats.ts';
import { effectiveRate } from '../../campaigns/account-rate.ts';
import { quotaStatuses } from '../../quotas/quota-status.ts';
import { journeyStats } from '../../campaigns/journey-stats.ts';
import { publishedVersion } from '../../campaigns/journey-starts.ts';
import { pickWinner } from '../../campaigns/campaign-ab.ts';
import { audienceSize, CampaignStateError, createCampaignControl } from '../../campaigns/campaign-control.ts';
import { publishedVoiceFlows, voiceFlowProblem } from '../../campaigns/voice-campaign-flow.ts';
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
import { readerLanguage, type ReaderLanguage } from '../reader-language.ts';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Write the time as HH:MM, 24-hour (09:00, 21:30)');

const contentSchema = z
  .object({
    templateId: z.uuid({ message: 'Pick a template from the library' }).optional(),
    text: z.string().max(5000, 'A text is at most 5000 characters').optional(),
    subject: z.string().max(998, 'A subject is at most 998 characters').optional(),
    language: z.enum(['es', 'en']).optional(),
    whatsappTemplate: z
      .object({
        name: z
          .string()
          .regex(
            /^[a-z0-9_]{1,512}$/,
            'A template name is lower case letters, digits and _ (as in WhatsApp Manager)',
          ),
        language: z
          .string()
          .regex(/^[a-z]{2,3}(_[A-Z]{2,4})?$/, 'A template language is a code such as es, es_MX or en_US'),
        parameters: z
          .array(z.string().max(1024, 'A template parameter is at most 1024 characters'))
          .max(20, 'A template has at most 20 body parameters')
          .default([]),
      })
      .optional()
      .openapi({
        description:
          'WhatsApp: the approved template for people outside the 24 h window (parameters in Liquid)',
      }),
  })
  .openapi('CampaignContent');

const channelSchema = z.enum(['sms', 'email', 'whatsapp'], {
  message: 'A broadcast goes by sms, email or whatsapp',
});
const channelsSchema = z
  .array(channelSchema)
  .min(1, 'Choose at least one channel')
  .max(3, 'At most three channels, tried in order')
  .refine((list) => new Set(list).size === list.length, 'Each channel appears once in the list')
  .openapi({ description: 'Tried in order: a person not reachable or not reached on one gets the next' });
// Every day, week or month again, each time to the segment as it is then (an occurrence each).
const recurrence = z
  .enum(['daily', 'weekly', 'monthly'], { message: 'Repeat daily, weekly or monthly' })
  .optional();

const scheduleSchema = z
  .discriminatedUnion('mode', [
    z.object({ mode: z.literal('now'), recurrence }),
    z.object({
      mode: z.literal('at'),
      recurrence,
      at: z.iso.datetime({
        offset: true,
        message: 'Give the date and time with its offset (2026-12-24T09:00:00-05:00)',
      }),
    }),
    z.object({
      mode: z.literal('local'),
      recurrence,
      localTime: hhmm,
      localDate: z.iso.date({ message: 'Write the date as YYYY-MM-DD' }).optional(),
    }),
  ])
  .openapi('CampaignSchedule');

const quietHoursSchema = z.object({ from: hhmm, to: hhmm }).openapi('QuietHours');

const callRetriesSchema = z
  .object({
    attempts: z.number().int().min(1, 'At least 1 call per person').max(10, 'At most 10 calls per person'),
    delayMinutes: z
      .number()
      .min(0, 'The wait before calling again cannot be negative')
      .max(1440, 'Wait at most a day (1440 minutes) before calling again'),
  })
  .openapi('CallRetries');
const variantSchema = z
  .object({
    key: z
      .string()
      .trim()
      .min(1, 'Name each variant (A, B…)')
      .max(20, 'A variant name is at most 20 characters'),
    share: z
      .number()
      .int('A share is a whole percentage')
      .min(1, 'Each variant gets at least 1 %')
      .max(100, 'A share is at most 100 %'),
    content: contentSchema,
  })
  .openapi('CampaignVariant');

const abSchema = z.object({
  metric: z.enum(['delivery', 'open', 'click', 'reply'], {
    message: 'Pick the winner by delivery, open, click or reply rate',
  }),
  testMinutes: z
    .number()
    .int('The test lasts whole minutes')
    .min(1, 'The test lasts at least a minute')
    .max(43_200, 'The test lasts at most 30 days'),
  testShare: z
    .number()
    .int('The test share is a whole percentage')
    .min(1, 'At least 1 % of the audience takes part in the test')
    .max(100, 'At most 100 % of the audience takes part in the test'),
});

const campaignFields = {
  name: z.string().trim().min(1, 'Give the campaign a name').max(120, 'A name is at most 120 characters'),
  channel: z.enum(['sms', 'email', 'whatsapp', 'voice'], {
    message: 'A broadcast goes by sms, email or whatsapp; a voice campaign by voice',
  }),
  channels: channelsSchema,
  fallbackAfterMinutes: z
    .number()
    .int()
    .min(1, 'Wait at least 1 minute before the next channel')
    .max(10_080, 'Wait at most a week (10080 minutes) before the next channel')
    .nullable(),
  // Voice campaigns: how many calls at once, retries.
  maxConcurrentCalls: z
    .number()
    .int()
    .min(1, 'At least 1 call at once')
    .max(500, 'At most 500 calls at once')
    .nullable(),
  callRetries: callRetriesSchema.nullable(),
  segmentId: z.uuid({ message: 'Pick a segment' }).nullable(),
  // A journey's published flow, started per person; a voice campaign's, run by each call.
  flowId: z.uuid({ message: 'Pick a published flow' }).nullable(),
  content: contentSchema,
  schedule: scheduleSchema,
  quietHours: quietHoursSchema.nullable(),
  ratePerSecond: z
    .number()
    .int()
    .min(1, 'At least 1 message per second')
    .max(10_000, 'At most 10000 messages per second')
    .nullable(),
  marketing: z.boolean(),
  /** A/B: two or more variants (their shares add up to 100); `content` is the first's when absent. */
  variants: z
    .array(variantSchema)
    .min(1, 'Give at least one variant')
    .max(5, 'At most 5 variants')
    .refine((list) => new Set(list.map((v) => v.key)).size === list.length, 'Give each variant its own name'),
  ab: abSchema.nullable(),
};

const kindSchema = z.enum(['broadcast', 'journey', 'voice'], {
  message: 'A campaign is a broadcast, a journey or a voice campaign',
});

const createSchema = z
  .object({
    ...campaignFields,
    channel: campaignFields.channel.optional(),
    channels: campaignFields.channels.optional(),
    fallbackAfterMinutes: campaignFields.fallbackAfterMinutes.default(null),
    kind: kindSchema.default('broadcast'),
    maxConcurrentCalls: campaignFields.maxConcurrentCalls.default(null),
    callRetries: campaignFields.callRetries.default(null),
    segmentId: campaignFields.segmentId.default(null),
    flowId: campaignFields.flowId.default(null),
    content: contentSchema.default({}),
    schedule: scheduleSchema.default({ mode: 'now' }),
    quietHours: campaignFields.quietHours.default(null),
    ratePerSecond: campaignFields.ratePerSecond.default(null),
    marketing: campaignFields.marketing.default(true),
    variants: campaignFields.variants.optional(),
    ab: campaignFields.ab.default(null),
  })
  .refine((v) => v.channel || v.channels, {
    message: 'Choose the channel (or channels, in order)',
    path: ['channel'],
  })
  .refine((v) => !v.channel || !v.channels || v.channels[0] === v.channel, {
    message: 'The channel is the first of the channels list',
    path: ['channels'],
  })
  .openapi('CampaignInput');
const patchSchema = z
  .object({ ...campaignFields, kind: kindSchema })
  .partial()
  .openapi('CampaignPatch');

const campaignSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    status: z.enum(['draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled', 'failed']),
    channel: z.string(),
    channels: z.array(z.string()),
    fallbackAfterMinutes: z.number().nullable(),
    segmentId: z.string().nullable(),
    flowId: z.string().nullable(),
    /** An occurrence of a recurring campaign: the campaign that repeats. */
    parentId: z.string().nullable(),
    content: contentSchema,
    schedule: scheduleSchema,
    quietHours: quietHoursSchema.nullable(),
    ratePerSecond: z.number().nullable(),
    marketing: z.boolean(),
    maxConcurrentCalls: z.number().nullable(),
    callRetries: callRetriesSchema.nullable(),
    variants: z.array(variantSchema),
    ab: abSchema
      .extend({
        winner: z.string().nullable(),
        /** rate: the best rate won; tie: the first of the tied; no_data: nothing sent, the first. */
        decision: z.enum(['rate', 'tie', 'no_data']).nullable(),
        results: z.array(z.object({ key: z.string(), sent: z.number(), hits: z.number(), rate: z.number() })),
      })
      .nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .openapi('Campaign');

const countsShape = {
  targeted: z.number(),
  skipped: z.number(),
  skippedByReason: z.record(z.string(), z.number()),
  held: z.number(),
  queued: z.number(),
  sent: z.number(),
  delivered: z.number(),
  pending: z.number(),
  undelivered: z.number(),
  undeliveredByCode: z.record(z.string(), z.number()),
  failed: z.number(),
  opened: z.number(),
  clicked: z.number(),
  bounced: z.number(),
  unsubscribed: z.number(),
  replied: z.number(),
  answered: z.number(),
  busy: z.number(),
  noAnswer: z.number(),
  calling: z.number(),
};
const statsSchema = z
  .object({
    status: campaignSchema.shape.status,
    ...countsShape,
    reached: z.number().openapi({ description: 'People whose message arrived on some channel, each once' }),
    channels: z.array(
      z.object({
        channel: z.string(),
        sent: z.number(),
        delivered: z.number(),
        pending: z.number(),
        notDelivered: z.number(),
      }),
    ),
    quotas: z
      .array(
        z.object({
          channel: z.string(),
          percent: z.number(),
          remaining: z.number(),
          limit: z.number(),
          warning: z.boolean(),
          exhausted: z.boolean(),
        }),
      )
      .openapi({ description: "The bags of the campaign's channels: the warning at their threshold (80 %)" }),
    variants: z.array(z.object({ variant: z.string(), ...countsShape })),
    series: z.array(z.object({ minute: z.string(), sent: z.number(), delivered: z.number() })),
    journeys: z
      .object({ started: z.number(), running: z.number(), completed: z.number(), failed: z.number() })
      .optional(),
    forecast: z.object({
      remaining: z.number(),
      rate: z.number().nullable(),
      basis: z.enum(['measured', 'limit', 'none']),
      finishAt: z.string().nullable(),
      limitedBy: z.enum(['campaign', 'account', 'installation']).nullable().optional().openapi({
        description:
          'Which limit sets `rate`: the campaign’s own, its sending account’s (the channel settings), or the installation’s',
      }),
    }),
  })
  .openapi('CampaignStats');

const body = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});
const forbidden = { 403: json(errorSchema, 'The role does not allow it') };
const unprocessable = {
  422: json(
    errorSchema,
    'The segment, template or flow is not in this workspace (or the flow is unpublished), or the A/B test does not fit (shares, metric)',
  ),
};

const action = (name: 'start' | 'pause' | 'resume' | 'cancel', summary: string) =>
  createRoute({
    method: 'post',
    path: `/campaigns/{id}/${name}`,
    tags: ['campaigns'],
    summary,
    request: { params: idParam },
    responses: {
      200: json(campaignSchema, 'The campaign now'),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
      ...conflictResponse,
      ...(name === 'start' ? unprocessable : {}),
    },
  });

const routes = {
  list: createRoute({
    method: 'get',
    path: '/campaigns',
    tags: ['campaigns'],
    summary: "The workspace's campaigns, newest first",
    responses: {
      200: json(z.object({ campaigns: z.array(campaignSchema) }), 'Campaigns'),
      ...errorResponses,
    },
  }),
  create: createRoute({
    method: 'post',
    path: '/campaigns',
    tags: ['campaigns'],
    summary: 'Create a draft campaign (designer)',
    request: body(createSchema),
    responses: { 201: json(campaignSchema, 'The draft'), ...errorResponses, ...forbidden, ...unprocessable },
  }),
  voiceFlows: createRoute({
    method: 'get',
    path: '/campaigns/voice-flows',
    tags: ['campaigns'],
    summary: 'The published voice flows a voice campaign can run',
    responses: {
      200: json(
        z.object({ flows: z.array(z.object({ id: z.string(), name: z.string() })) }).openapi('VoiceFlows'),
        'Published flows that start with an incoming-call trigger',
      ),
      ...errorResponses,
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/campaigns/{id}',
    tags: ['campaigns'],
    summary: 'One campaign',
    request: { params: idParam },
    responses: { 200: json(campaignSchema, 'The campaign'), ...errorResponses, ...notFoundResponse },
  }),
  update: createRoute({
    method: 'patch',
    path: '/campaigns/{id}',
    tags: ['campaigns'],
    summary: 'Change a draft campaign (designer)',
    request: { params: idParam, ...body(patchSchema) },
    responses: {
      200: json(campaignSchema, 'The draft now'),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
      ...conflictResponse,
      ...unprocessable,
    },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/campaigns/{id}',
    tags: ['campaigns'],
    summary: 'Delete a campaign that is not sending (designer)',
    request: { params: idParam },
    responses: {
      204: { description: 'Deleted' },
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
      ...conflictResponse,
    },
  }),
  start: action('start', 'Start a draft: now, or scheduled for its time (designer)'),
  pause: action('pause', 'Pause a running or scheduled campaign before its next chunk (`campaigns:control`)'),
  resume: action('resume', 'Resume a paused campaign (`campaigns:control`)'),
  cancel: action('cancel', 'Cancel a campaign; what was sent stays counted (`campaigns:control`)'),
  occurrences: createRoute({
    method: 'get',
    path: '/campaigns/{id}/occurrences',
    tags: ['campaigns'],
    summary: "A recurring campaign's occurrences (each its own campaign), newest first",
    request: { params: idParam },
    responses: {
      200: json(z.object({ occurrences: z.array(campaignSchema) }), 'Occurrences'),
      ...errorResponses,
      ...notFoundResponse,
    },
  }),
  stats: createRoute({
    method: 'get',
    path: '/campaigns/{id}/stats',
    tags: ['campaigns'],
    summary: 'Live counts, per variant, per minute, and the finish-time forecast',
    request: { params: idParam },
    responses: { 200: json(statsSchema, 'The counts'), ...errorResponses, ...notFoundResponse },
  }),
};

type CampaignRow = typeof campaigns.$inferSelect;

const view = (row: CampaignRow) => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  status: row.status,
  channel: row.channels[0] ?? 'sms',
  channels: row.channels,
  fallbackAfterMinutes: row.fallbackAfterMinutes,
  segmentId: row.segmentId,
  flowId: row.flowId,
  parentId: row.parentId,
  content: (row.variants[0]?.content ?? {}) as z.infer<typeof contentSchema>,
  schedule: scheduleView(row.schedule),
  quietHours: row.quietHours ?? null,
  ratePerSecond: row.ratePerSecond,
  marketing: row.marketing,
  maxConcurrentCalls: row.maxConcurrentCalls,
  callRetries: retriesView(row.schedule),
  variants: row.variants.map((v) => ({
    key: v.key,
    share: v.share,
    content: v.content as z.infer<typeof contentSchema>,
  })),
  ab: row.abMetric
    ? {
        metric: row.abMetric,
        testMinutes: row.abTestMinutes ?? 0,
        testShare: row.abTestShare ?? 100,
        winner: row.abWinner,
        decision: row.abWinner ? pickWinner(row.variants).decision : null,
        results: row.variants.filter((v) => v.testResult).map((v) => ({ key: v.key, ...v.testResult! })),
      }
    : null,
  createdAt: row.createdAt.toISOString(),
  startedAt: row.startedAt?.toISOString() ?? null,
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

type StoredSchedule = CampaignRow['schedule'];

/** The schedule as the API shows it: call retries are their own field. */
function scheduleView(schedule: StoredSchedule) {
  const rest: StoredSchedule = { ...schedule };
  delete rest.callRetries;
  return rest as z.infer<typeof scheduleSchema>;
}

function retriesView(schedule: StoredSchedule) {
  const retries = schedule.callRetries;
  return retries ? { attempts: retries.attempts, delayMinutes: retries.delaySeconds / 60 } : null;
}

/** Call retries ride in the schedule (the column a retry's later time belongs with). */
function storedSchedule(
  schedule: z.infer<typeof scheduleSchema>,
  retries: z.infer<typeof callRetriesSchema> | null,
): StoredSchedule {
  return {
    ...schedule,
    ...(retries
      ? { callRetries: { attempts: retries.attempts, delaySeconds: Math.round(retries.delayMinutes * 60) } }
      : {}),
  };
}

const voiceFlowMessages: Record<string, { en: string; es: string }> = {
  FLOW_REQUIRED: {
    en: 'A voice campaign needs the published voice flow its calls run: pick one',
    es: 'Una campaña de llamadas necesita el flujo de voz publicado que siguen sus llamadas: elige uno',
  },
  FLOW_NOT_FOUND: {
    en: 'This workspace has no such flow: pick one of its voice flows',
    es: 'Este espacio de trabajo no tiene ese flujo: elige uno de sus flujos de voz',
  },
  FLOW_NOT_PUBLISHED: {
    en: 'The flow is not published: publish it before calling people with it',
    es: 'El flujo no está publicado: publícalo antes de llamar a la gente con él',
  },
  FLOW_NOT_VOICE: {
    en: 'The flow does not start with an incoming-call trigger, so it cannot run a call: pick a voice flow',
    es: 'El flujo no empieza con un disparador de llamada entrante, así que no puede llevar una llamada: elige un flujo de voz',
  },
  KIND_CHANNEL_MISMATCH: {
    en: 'A voice campaign goes by voice, and only a voice campaign does',
    es: 'Una campaña de llamadas va por voz, y solo ella',
  },
};

/** A voice campaign's flow must be a published voice flow of the workspace (422 in the caller's language). */
async function checkVoice(
  db: Db,
  workspaceId: string,
  kind: string,
  channel: string,
  flowId: string | null,
  language: string | undefined,
) {
  const say = (code: string) => {
    const text = voiceFlowMessages[code]!;
    return new ApiError(422, code, text[readerLanguage(language)]);
  };
  if ((kind === 'voice') !== (channel === 'voice')) throw say('KIND_CHANNEL_MISMATCH');
  if (kind !== 'voice') return;
  if (!flowId) throw say('FLOW_REQUIRED');
  const problem = await voiceFlowProblem(db, workspaceId, flowId);
  if (problem) throw say(problem);
}

/** The segment and template a campaign names must be the workspace's own (and the template fit the channel). */
async function checkReferences(
  db: Db,
  workspaceId: string,
  input: {
    segmentId?: string | null;
    content?: z.infer<typeof contentSchema>;
    channel?: string;
    flowId?: string | null;
    variants?: z.infer<typeof variantSchema>[] | undefined;
  },
  channel: string,
  kind: string,
) {
  if (kind === 'journey' && input.flowId !== undefined) {
    if (!input.flowId)
      throw new ApiError(422, 'JOURNEY_FLOW_REQUIRED', {
        en: 'A journey starts a flow per person: pick a published flow',
        es: 'Un recorrido inicia un flujo por persona: elige un flujo publicado',
      });
    const [flow] = await db
      .select({ id: flows.id })
      .from(flows)
      .where(and(eq(flows.workspaceId, workspaceId), eq(flows.id, input.flowId)));
    if (!flow)
      throw new ApiError(422, 'FLOW_NOT_FOUND', {
        en: `This workspace has no flow ${input.flowId}`,
        es: `Este espacio de trabajo no tiene el flujo ${input.flowId}`,
      });
    if (!(await publishedVersion(db, workspaceId, input.flowId)))
      throw new ApiError(422, 'JOURNEY_FLOW_NOT_PUBLISHED', {
        en: 'The flow has never been published: publish it, then pick it for the journey',
        es: 'El flujo nunca se ha publicado: publícalo y luego elígelo para el recorrido',
      });
  }
  if (input.segmentId) {
    const [segment] = await db
      .select({ id: segments.id })
      .from(segments)
      .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, input.segmentId)));
    if (!segment)
      throw new ApiError(422, 'SEGMENT_NOT_FOUND', {
        en: `This workspace has no segment ${input.segmentId}`,
        es: `Este espacio de trabajo no tiene el segmento ${input.segmentId}`,
      });
  }
  for (const templateId of new Set(
    [input.content, ...(input.variants ?? []).map((v) => v.content)].map((c) => c?.templateId),
  )) {
    if (!templateId) continue;
    const [template] = await db
      .select({ kind: templates.kind })
      .from(templates)
      .where(and(eq(templates.workspaceId, workspaceId), eq(templates.id, templateId)));
    if (!template)
      throw new ApiError(422, 'TEMPLATE_NOT_FOUND', {
        en: `The template library has no template ${templateId}`,
        es: `La biblioteca de plantillas no tiene la plantilla ${templateId}`,
      });
    if (template.kind === 'email' && channel !== 'email')
      throw new ApiError(422, 'TEMPLATE_KIND_MISMATCH', {
        en: 'An email template cannot go by SMS: pick a text template',
        es: 'Una plantilla de correo no puede ir por SMS: elige una plantilla de texto',
      });
  }
}

/**
 * Outside the 24 h window WhatsApp takes only approved templates: a campaign there needs one,
 * its text goes only to people who wrote in the last day.
 */
function checkWhatsApp(
  channels: readonly string[],
  content: { whatsappTemplate?: unknown },
  acceptLanguage: string | undefined,
) {
  if (!channels.includes('whatsapp') || content.whatsappTemplate) return;
  const es = readerLanguage(acceptLanguage) === 'es';
  throw new ApiError(
    422,
    'WHATSAPP_TEMPLATE_REQUIRED',
    es
      ? 'Una campaña por WhatsApp necesita una plantilla aprobada de WhatsApp (nombre, idioma y parámetros): el texto libre solo llega a quien escribió en las últimas 24 h'
      : 'A WhatsApp campaign needs an approved WhatsApp template (name, language and parameters): free text reaches only people who wrote in the last 24 h',
  );
}

type Language = ReaderLanguage;

/** A campaign's status as "Una campaña {status}" says it. */
const campaignStatusInSpanish: Record<(typeof campaignStatuses)[number], string> = {
  draft: 'en borrador',
  scheduled: 'programada',
  running: 'en envío',
  paused: 'en pausa',
  completed: 'terminada',
  cancelled: 'cancelada',
  failed: 'fallida',
};
const languageOf = readerLanguage;
const abProblem = (language: Language, code: string, text: Record<Language, string>) =>
  new ApiError(422, code, text[language]);

/**
 * A/B rules the schema alone cannot see (they span fields, and a PATCH meets the draft's own):
 * shares add up to 100, a test needs two variants, opens and clicks are measured on email only.
 * Answered in the caller's language (Accept-Language), as the builder shows it as it comes.
 */
function checkAbTest(
  variants: { key: string; share: number }[],
  ab: z.infer<typeof abSchema> | null,
  channel: string,
  language: Language,
) {
  const total = variants.reduce((sum, v) => sum + v.share, 0);
  if (total !== 100)
    throw abProblem(language, 'AB_SHARES', {
      en: `The variants' shares add up to ${total} %: make them add up to 100 %`,
      es: `Los porcentajes de las variantes suman ${total} %: deben sumar 100 %`,
    });
  if (ab && variants.length < 2)
    throw abProblem(language, 'AB_VARIANTS', {
      en: 'An A/B test needs at least two variants',
      es: 'Una prueba A/B necesita al menos dos variantes',
    });
  if (ab && (ab.metric === 'open' || ab.metric === 'click') && channel !== 'email')
    throw abProblem(language, 'AB_METRIC_CHANNEL', {
      en: `Opens and clicks are only measured on email: pick the ${channel.toUpperCase()} winner by delivery or reply`,
      es: `Las aperturas y los clics solo se miden en el correo: elige la ganadora por ${channel.toUpperCase()} según entrega o respuesta`,
    });
}

const abColumns = (ab: z.infer<typeof abSchema> | null) => ({
  abMetric: ab?.metric ?? null,
  abTestMinutes: ab?.testMinutes ?? null,
  abTestShare: ab?.testShare ?? null,
});

/** Broadcast campaigns: drafts, their start/pause/resume/cancel, and live stats (DESIGN.md §6). */
export function campaignRoutes({ db, temporal, taskQueue }: AppDeps) {
  const control = createCampaignControl({ db, temporal, taskQueue });
  const find = async (workspaceId: string, id: string) => {
    const [row] = await db
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id)));
    if (!row) throw notFound('Campaign', id);
    return row;
  };
  const stateful = async (run: () => Promise<CampaignRow | undefined>, id: string) => {
    try {
      const row = await run();
      if (!row) throw notFound('Campaign', id);
      return view(row);
    } catch (error) {
      if (error instanceof CampaignStateError) throw new ApiError(error.status, error.code, error.message);
      throw error;
    }
  };

  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => {
      const rows = await db
        .select()
        .from(campaigns)
        // Occurrences of recurring campaigns are listed under their campaign (/occurrences).
        .where(and(eq(campaigns.workspaceId, c.get('principal').workspaceId), isNull(campaigns.parentId)))
        .orderBy(desc(campaigns.id))
        .limit(500);
      return c.json({ campaigns: rows.map(view) }, 200);
    })
    .openapi(routes.create, async (c) => {
      const principal = c.get('principal');
      const input = c.req.valid('json');
      const channels = input.channels ?? [input.channel!];
      const variants = input.variants ?? [{ key: 'A', share: 100, content: input.content }];
      checkAbTest(variants, input.ab, channels[0]!, languageOf(c.req.header('accept-language')));
      await checkReferences(db, principal.workspaceId, input, channels[0]!, input.kind);
      checkWhatsApp(channels, variants[0]!.content, c.req.header('accept-language'));
      await checkVoice(
        db,
        principal.workspaceId,
        input.kind,
        channels[0]!,
        input.flowId,
        c.req.header('accept-language'),
      );
      const [row] = await db
        .insert(campaigns)
        .values({
          id: newId(),
          workspaceId: principal.workspaceId,
          name: input.name,
          kind: input.kind,
          channels,
          fallbackAfterMinutes: input.fallbackAfterMinutes,
          maxConcurrentCalls: input.maxConcurrentCalls,
          segmentId: input.segmentId,
          flowId: input.flowId,
          variants,
          ...abColumns(input.ab),
          schedule: storedSchedule(input.schedule, input.callRetries),
          quietHours: input.quietHours,
          ratePerSecond: input.ratePerSecond,
          marketing: input.marketing,
          createdBy: principal.userId,
        })
        .returning();
      return c.json(view(row!), 201);
    })
    .openapi(routes.voiceFlows, async (c) =>
      c.json({ flows: await publishedVoiceFlows(db, c.get('principal').workspaceId) }, 200),
    )
    .openapi(routes.get, async (c) =>
      c.json(view(await find(c.get('principal').workspaceId, c.req.valid('param').id)), 200),
    )
    .openapi(routes.update, async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      const current = await find(principal.workspaceId, id);
      if (current.status !== 'draft')
        throw new ApiError(409, 'CAMPAIGN_STATE', {
          en: `A ${current.status} campaign cannot be changed: only a draft can`,
          es: `Una campaña ${campaignStatusInSpanish[current.status]} no se puede cambiar: solo un borrador`,
        });
      const input = c.req.valid('json');
      // A new first channel keeps the rest of the list behind it.
      const channels =
        input.channels ??
        (input.channel
          ? [input.channel, ...current.channels.filter((ch) => ch !== input.channel)]
          : current.channels);
      if (input.channels && input.channel && input.channels[0] !== input.channel)
        throw new ApiError(400, 'VALIDATION_FAILED', {
          en: 'The channel is the first of the channels list',
          es: 'El canal debe ser el primero de la lista de canales',
        });
      // Content alone changes the first variant and keeps the others (an A/B draft stays one).
      const variants =
        input.variants ??
        (input.content !== undefined
          ? [
              {
                key: current.variants[0]?.key ?? 'A',
                share: current.variants[0]?.share ?? 100,
                content: input.content,
              },
              ...current.variants.slice(1),
            ]
          : current.variants);
      const ab =
        input.ab !== undefined
          ? input.ab
          : current.abMetric
            ? {
                metric: current.abMetric,
                testMinutes: current.abTestMinutes ?? 60,
                testShare: current.abTestShare ?? 100,
              }
            : null;
      if (variants.length > 0)
        checkAbTest(variants, ab, channels[0]!, languageOf(c.req.header('accept-language')));
      const kind = input.kind ?? current.kind;
      await checkReferences(
        db,
        principal.workspaceId,
        // Becoming a journey: the flow it keeps must be a published one too.
        kind === 'journey' && input.flowId === undefined && current.kind !== 'journey'
          ? { ...input, flowId: current.flowId }
          : input,
        channels[0]!,
        kind,
      );
      checkWhatsApp(channels, variants[0]?.content ?? {}, c.req.header('accept-language'));
      const flowId = input.flowId !== undefined ? input.flowId : current.flowId;
      await checkVoice(
        db,
        principal.workspaceId,
        kind,
        channels[0]!,
        flowId,
        c.req.header('accept-language'),
      );
      const retries = input.callRetries !== undefined ? input.callRetries : retriesView(current.schedule);
      const [row] = await db
        .update(campaigns)
        .set({
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.channel !== undefined || input.channels !== undefined ? { channels } : {}),
          ...(input.fallbackAfterMinutes !== undefined
            ? { fallbackAfterMinutes: input.fallbackAfterMinutes }
            : {}),
          ...(input.segmentId !== undefined ? { segmentId: input.segmentId } : {}),
          ...(input.kind !== undefined ? { kind: input.kind } : {}),
          ...(input.variants !== undefined || input.content !== undefined
            ? { variants: variants.map(({ key, share, content }) => ({ key, share, content })) }
            : {}),
          ...(input.ab !== undefined ? abColumns(input.ab) : {}),
          ...(input.schedule !== undefined || input.callRetries !== undefined
            ? { schedule: storedSchedule(input.schedule ?? scheduleView(current.schedule), retries) }
            : {}),
          ...(input.flowId !== undefined ? { flowId: input.flowId } : {}),
          ...(input.maxConcurrentCalls !== undefined ? { maxConcurrentCalls: input.maxConcurrentCalls } : {}),
          ...(input.quietHours !== undefined ? { quietHours: input.quietHours } : {}),
          ...(input.ratePerSecond !== undefined ? { ratePerSecond: input.ratePerSecond } : {}),
          ...(input.marketing !== undefined ? { marketing: input.marketing } : {}),
          updatedAt: new Date(),
        })
        .where(and(eq(campaigns.id, id), eq(campaigns.status, 'draft')))
        .returning();
      if (!row)
        throw new ApiError(409, 'CAMPAIGN_STATE', {
          en: 'The campaign was started meanwhile: only a draft can be changed',
          es: 'La campaña se inició mientras tanto: solo se puede cambiar un borrador',
        });
      return c.json(view(row), 200);
    })
    .openapi(routes.remove, async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      await find(principal.workspaceId, id);
      const deleted = await db
        .delete(campaigns)
        .where(
          and(
            eq(campaigns.workspaceId, principal.workspaceId),
            eq(campaigns.id, id),
            inArray(campaigns.status, ['draft', 'completed', 'cancelled', 'failed']),
          ),
        )
        .returning({ id: campaigns.id });
      if (deleted.length === 0)
        throw new ApiError(409, 'CAMPAIGN_STATE', {
          en: 'A campaign that is sending or scheduled cannot be deleted: cancel it first',
          es: 'Una campaña que se está enviando o está programada no se puede borrar: cancélala antes',
        });
      return c.body(null, 204);
    })
    .openapi(routes.start, async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      return c.json(await stateful(() => control.start(principal.workspaceId, id), id), 200);
    })
    .openapi(routes.pause, async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      return c.json(await stateful(() => control.pause(principal.workspaceId, id), id), 200);
    })
    .openapi(routes.resume, async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      return c.json(await stateful(() => control.resume(principal.workspaceId, id), id), 200);
    })
    .openapi(routes.cancel, async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      return c.json(await stateful(() => control.cancel(principal.workspaceId, id), id), 200);
    })
    .openapi(routes.occurrences, async (c) => {
      const workspaceId = c.get('principal').workspaceId;
      const parent = await find(workspaceId, c.req.valid('param').id);
      const rows = await db
        .select()
        .from(campaigns)
        .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.parentId, parent.id)))
        .orderBy(desc(campaigns.id))
        .limit(500);
      return c.json({ occurrences: rows.map(view) }, 200);
    })
    .openapi(routes.stats, async (c) => {
      const row = await find(c.get('principal').workspaceId, c.req.valid('param').id);
      const limit = await effectiveRate(db, row);
      const stats: Awaited<ReturnType<typeof campaignStats>> & {
        journeys?: Awaited<ReturnType<typeof journeyStats>>;
      } = await campaignStats(db, row, new Date(), limit);
      if (row.kind === 'journey') stats.journeys = await journeyStats(db, row.id);
      if (stats.targeted === 0 && row.segmentId && (row.status === 'draft' || row.status === 'scheduled')) {
        // Before sending: the segment's size now at the campaign's limit.
        const remaining = await audienceSize(db, row.segmentId);
        const rate = limit.rate;
        stats.forecast = {
          remaining,
          rate,
          basis: rate ? 'limit' : 'none',
          limitedBy: limit.limitedBy,
          finishAt: rate
            ? new Date(
                Math.max(
                  Date.now(),
                  row.schedule.mode === 'at' && row.schedule.at ? Date.parse(row.schedule.at) : 0,
                ) +
                  (remaining / rate) * 1000,
              ).toISOString()
            : null,
        };
      }
      const quotas = (await quotaStatuses(db, row.workspaceId))
        .filter((q) => row.channels.includes(q.channel))
        .map((q) => ({
          channel: q.channel,
          percent: q.percent,
          remaining: q.remaining,
          limit: q.limit,
          warning: q.warning,
          exhausted: q.exhausted,
        }));
      return c.json({ status: row.status, ...stats, quotas }, 200);
    });
}
