import { and, eq } from 'drizzle-orm';
import { campaigns, flows } from '@omniflow/db';
import type { ReportDocument, ReportLanguage } from './report-document.ts';
import type { ReportContext, ReportDeps } from './report-registry.ts';

/** One text in both languages, picked for the reader. */
export type Bilingual = { en: string; es: string };
export const pick = (language: ReportLanguage, text: Bilingual): string => text[language];

const labels = {
  period: { en: 'Period', es: 'Periodo' },
  bucket: { en: 'Grouped by', es: 'Agrupado por' },
  timezone: { en: 'Time zone', es: 'Zona horaria' },
  channel: { en: 'Channel', es: 'Canal' },
  flow: { en: 'Flow', es: 'Flujo' },
  flowVersion: { en: 'Flow version', es: 'Versión del flujo' },
  queue: { en: 'Queue', es: 'Cola' },
  campaign: { en: 'Campaign', es: 'Campaña' },
  agent: { en: 'Agent', es: 'Agente' },
} satisfies Record<string, Bilingual>;

export const bucketNames = {
  minute: { en: 'minute', es: 'minuto' },
  hour: { en: 'hour', es: 'hora' },
  day: { en: 'day', es: 'día' },
  week: { en: 'week (from Monday)', es: 'semana (desde el lunes)' },
  month: { en: 'month', es: 'mes' },
} satisfies Record<string, Bilingual>;

export const channelNames = {
  voice: { en: 'Voice', es: 'Voz' },
  sms: { en: 'SMS', es: 'SMS' },
  whatsapp: { en: 'WhatsApp', es: 'WhatsApp' },
  email: { en: 'Email', es: 'Correo' },
  webchat: { en: 'Web chat', es: 'Chat web' },
} satisfies Record<string, Bilingual>;

export const channelName = (language: ReportLanguage, channel: string): string =>
  channel in channelNames ? channelNames[channel as keyof typeof channelNames][language] : channel;

/** A local date-time as a person reads it in the report's zone (2026-12-07 09:30). */
export function localTime(instant: string, timezone: string): string {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
  return parts;
}

/**
 * The filters as the PDF's title page and the page's header read them: names, not ids (a flow and
 * a campaign by their names), only the ones that were given.
 */
export async function describeFilters(
  deps: ReportDeps,
  context: ReportContext,
): Promise<{ label: string; value: string }[]> {
  const { filters, language, workspaceId } = context;
  const line = (label: Bilingual, value: string) => ({ label: pick(language, label), value });
  const out = [
    line(
      labels.period,
      `${localTime(filters.from, filters.timezone)} – ${localTime(filters.to, filters.timezone)}`,
    ),
    line(labels.bucket, pick(language, bucketNames[filters.bucket])),
    line(labels.timezone, filters.timezone),
  ];
  if (filters.channel) out.push(line(labels.channel, channelName(language, filters.channel)));
  if (filters.flowId) {
    const [flow] = await deps.db
      .select({ name: flows.name })
      .from(flows)
      .where(and(eq(flows.workspaceId, workspaceId), eq(flows.id, filters.flowId)));
    out.push(line(labels.flow, flow?.name ?? filters.flowId));
  }
  if (filters.flowVersion !== undefined) out.push(line(labels.flowVersion, String(filters.flowVersion)));
  if (filters.queue) out.push(line(labels.queue, filters.queue));
  if (filters.campaignId) {
    const [campaign] = await deps.db
      .select({ name: campaigns.name })
      .from(campaigns)
      .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, filters.campaignId)));
    out.push(line(labels.campaign, campaign?.name ?? filters.campaignId));
  }
  if (filters.agentId) out.push(line(labels.agent, filters.agentId));
  return out;
}

/**
 * What every report's document begins with: its name and title, when and where, and its filters.
 * `generatedAt` is for a report that reads a clock of its own (the moment it describes).
 */
export async function reportHead(
  deps: ReportDeps,
  context: ReportContext,
  report: string,
  title: string,
  generatedAt: Date = new Date(),
): Promise<Omit<ReportDocument, 'charts' | 'tables'>> {
  return {
    report,
    title,
    language: context.language,
    generatedAt: generatedAt.toISOString(),
    timezone: context.filters.timezone,
    filters: await describeFilters(deps, context),
  };
}
