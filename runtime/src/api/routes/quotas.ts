import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { campaignChannels, newId, quotaLedger, quotas, type CampaignChannel } from '@omniflow/db';
import { quotaStatuses, type QuotaStatus } from '../../quotas/quota-status.ts';
import { decodeLedgerCursor, encodeLedgerCursor, ledgerPage } from '../../quotas/ledger-page.ts';
import { ledgerCsv } from '../../quotas/ledger-csv.ts';
import { ApiError, cursorInvalid } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { errorResponses, json, notFoundResponse } from '../schemas.ts';

const channelParam = z.object({
  channel: z
    .enum(campaignChannels, { message: `The channel is one of ${campaignChannels.join(', ')}` })
    .openapi({ param: { name: 'channel', in: 'path' } }),
});

const quotaSchema = z
  .object({
    channel: z.enum(campaignChannels),
    period: z.enum(['month', 'year', 'total']),
    amount: z.number().int(),
    overdraft: z.number().int(),
    warnPercent: z.number().int(),
    periodStart: z.string(),
    periodEnd: z.string().nullable(),
    used: z.number().int(),
    added: z.number().int(),
    limit: z.number().int(),
    remaining: z.number().int(),
    percent: z.number(),
    warning: z.boolean(),
    exhausted: z.boolean(),
    inFlight: z.number().int(),
  })
  .openapi('Quota');

const bagSchema = z
  .object({
    period: z.enum(['month', 'year', 'total'], { message: 'period is month, year or total' }),
    amount: z
      .number({ message: 'amount must be a number of messages' })
      .int('amount must be a whole number')
      .min(0, 'amount cannot be negative')
      .max(2_000_000_000, 'amount is at most 2,000,000,000'),
    overdraft: z.number().int().min(0, 'overdraft cannot be negative').max(2_000_000_000).default(0),
    warnPercent: z
      .number()
      .int()
      .min(1, 'warnPercent is 1 to 100')
      .max(100, 'warnPercent is 1 to 100')
      .default(80),
    // The day periods renew on (default: now, or the bag's current start when it had one).
    startsAt: z.iso.datetime({ offset: true, message: 'startsAt is an ISO date-time' }).optional(),
  })
  .openapi('QuotaBag');

const ledgerLineSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    delta: z.number().int(),
    reason: z.string(),
    messageId: z.string().nullable(),
    campaignId: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi('QuotaLedgerLine');

const entrySchema = z
  .object({
    reason: z.enum(['top_up', 'adjustment'], { message: 'reason is top_up or adjustment' }),
    delta: z
      .number({ message: 'delta must be a number of messages' })
      .int('delta must be a whole number')
      .min(-2_000_000_000)
      .max(2_000_000_000)
      .refine((d) => d !== 0, 'delta cannot be 0'),
    note: z.string().trim().max(500, 'note is at most 500 characters').optional(),
  })
  .openapi('QuotaLedgerEntry');

const forbidden = {
  403: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'Not an admin'),
};

const routes = {
  list: createRoute({
    method: 'get',
    path: '/quotas',
    tags: ['quotas'],
    summary: "The workspace's bags per channel with this period's use (warning from warnPercent)",
    responses: { 200: json(z.object({ items: z.array(quotaSchema) }), 'The bags'), ...errorResponses },
  }),
  put: createRoute({
    method: 'put',
    path: '/quotas/{channel}',
    tags: ['quotas'],
    summary: "Set a channel's bag: amount per period, overdraft, warning (admin)",
    request: {
      params: channelParam,
      body: { required: true, content: { 'application/json': { schema: bagSchema } } },
    },
    responses: { 200: json(quotaSchema, 'The bag now'), ...errorResponses, ...forbidden },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/quotas/{channel}',
    tags: ['quotas'],
    summary: "Remove a channel's bag: sends on it are no longer limited (admin)",
    request: { params: channelParam },
    responses: { 204: { description: 'Removed' }, ...errorResponses, ...forbidden, ...notFoundResponse },
  }),
  ledger: createRoute({
    method: 'get',
    path: '/quotas/{channel}/ledger',
    tags: ['quotas'],
    summary: "This period's ledger, oldest first: every change of the balance (format=csv downloads it all)",
    request: {
      params: channelParam,
      query: z.object({
        limit: z.coerce.number().int().min(1).max(500).default(100),
        cursor: z.string().optional(),
        format: z.enum(['json', 'csv']).default('json'),
      }),
    },
    responses: {
      200: {
        description: 'A page of lines (JSON) or the whole period (CSV)',
        content: {
          'application/json': {
            schema: z.object({
              opening: z.object({ amount: z.number().int(), periodStart: z.string() }),
              items: z.array(ledgerLineSchema),
              nextCursor: z.string().nullable(),
            }),
          },
          'text/csv': { schema: z.string() },
        },
      },
      ...errorResponses,
      ...notFoundResponse,
    },
  }),
  addEntry: createRoute({
    method: 'post',
    path: '/quotas/{channel}/ledger',
    tags: ['quotas'],
    summary: 'Top up or adjust a bag this period, with a note (admin)',
    request: {
      params: channelParam,
      body: { required: true, content: { 'application/json': { schema: entrySchema } } },
    },
    responses: {
      201: json(ledgerLineSchema, 'The line added'),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
    },
  }),
};

const view = (s: QuotaStatus) => ({
  ...s,
  periodStart: s.periodStart.toISOString(),
  periodEnd: s.periodEnd?.toISOString() ?? null,
});

const noBag = (channel: string) =>
  new ApiError(
    404,
    'QUOTA_NOT_FOUND',
    `The ${channel} channel has no bag; set one with PUT /api/v1/quotas/${channel}`,
  );

/** Bags per channel, their balance and the ledger that explains it (runtime/src/quotas). */
export function quotaRoutes({ db }: AppDeps) {
  async function statusOf(workspaceId: string, channel: CampaignChannel) {
    const status = (await quotaStatuses(db, workspaceId)).find((s) => s.channel === channel);
    if (!status) throw noBag(channel);
    return status;
  }

  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) =>
      c.json({ items: (await quotaStatuses(db, c.get('principal').workspaceId)).map(view) }, 200),
    )
    .openapi(routes.put, async (c) => {
      const { workspaceId } = c.get('principal');
      const { channel } = c.req.valid('param');
      const { startsAt: startsAtText, ...bag } = c.req.valid('json');
      const startsAt = startsAtText ? new Date(startsAtText) : undefined;
      await db
        .insert(quotas)
        .values({ id: newId(), workspaceId, channel, ...bag, ...(startsAt ? { startsAt } : {}) })
        .onConflictDoUpdate({
          target: [quotas.workspaceId, quotas.channel],
          set: {
            period: bag.period,
            amount: bag.amount,
            overdraft: bag.overdraft,
            warnPercent: bag.warnPercent,
            ...(startsAt ? { startsAt } : {}),
          },
        });
      return c.json(view(await statusOf(workspaceId, channel)), 200);
    })
    .openapi(routes.remove, async (c) => {
      const { workspaceId } = c.get('principal');
      const { channel } = c.req.valid('param');
      const removed = await db
        .delete(quotas)
        .where(and(eq(quotas.workspaceId, workspaceId), eq(quotas.channel, channel)))
        .returning({ id: quotas.id });
      if (removed.length === 0) throw noBag(channel);
      return c.body(null, 204);
    })
    .openapi(routes.ledger, async (c) => {
      const { workspaceId } = c.get('principal');
      const { channel } = c.req.valid('param');
      const { limit, cursor, format } = c.req.valid('query');
      const status = await statusOf(workspaceId, channel);
      const opening = { amount: status.amount, periodStart: status.periodStart };
      if (format === 'csv') {
        const day = status.periodStart.toISOString().slice(0, 10);
        return c.body(ledgerCsv(db, workspaceId, channel, opening), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="quota-${channel}-${day}.csv"`,
        });
      }
      const after = cursor ? decodeLedgerCursor(cursor) : undefined;
      if (cursor && !after) throw cursorInvalid();
      const lines = await ledgerPage(db, workspaceId, channel, {
        since: status.periodStart,
        ...(after ? { after } : {}),
        limit: limit + 1,
      });
      const page = lines.slice(0, limit);
      return c.json(
        {
          opening: { amount: opening.amount, periodStart: opening.periodStart.toISOString() },
          items: page.map(({ cursorAt: _, ...l }) => ({ ...l, at: l.at.toISOString() })),
          nextCursor: lines.length > limit ? encodeLedgerCursor(page.at(-1)!) : null,
        },
        200,
      );
    })
    .openapi(routes.addEntry, async (c) => {
      const { workspaceId } = c.get('principal');
      const { channel } = c.req.valid('param');
      const entry = c.req.valid('json');
      await statusOf(workspaceId, channel);
      const [line] = await db
        .insert(quotaLedger)
        .values({
          id: newId(),
          workspaceId,
          channel,
          delta: entry.delta,
          reason: entry.reason,
          note: entry.note ?? null,
        })
        .returning();
      return c.json(
        {
          id: line!.id,
          at: line!.at.toISOString(),
          delta: line!.delta,
          reason: line!.reason,
          messageId: null,
          campaignId: null,
          note: line!.note,
        },
        201,
      );
    });
}
