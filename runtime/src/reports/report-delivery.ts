import { randomUUID } from 'node:crypto';
import { and, eq, lte, sql } from 'drizzle-orm';
import { reportDeliveries, reportSchedules, workspaces, type Db } from '@omniflow/db';
import { SandboxDriver, type MessagingDriver } from '@omniflow/nodes/drivers/messaging';
import { allReports } from './all-reports.ts';
import { nextReportRun, reportPeriodRange } from './report-calendar.ts';
import type { ReportDefinition } from './report-registry.ts';
import { renderReport } from './render-report.ts';
import { generatedAtText } from './report-values.ts';

export interface ReportDeliveryDeps {
  db: Db;
  /** The workspace's e-mail channel, as invitations are sent (api/people-mail.ts). */
  emailDriver(workspaceId: string): Promise<MessagingDriver | undefined>;
  reports?: ReportDefinition[];
  now?: () => Date;
}

export type DeliveryOutcome = { status: 'sent' } | { status: 'failed'; error: string };

export const workspaceTimezone = async (db: Db, workspaceId: string) => {
  const [row] = await db
    .select({ timezone: workspaces.timezone })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row?.timezone || 'UTC';
};

/** A delivery row for a schedule, sent now (the 'send now' button) or by the sweep. */
export async function newReportDelivery(
  db: Db,
  workspaceId: string,
  scheduleId: string,
  trigger: 'schedule' | 'manual',
) {
  const id = randomUUID();
  await db.insert(reportDeliveries).values({ id, workspaceId, scheduleId, trigger });
  return id;
}

/**
 * Every enabled schedule past its time gets a delivery and its next time, in one transaction
 * with the rows locked, so two sweeps never send one report twice.
 */
export async function claimDueReports(deps: Pick<ReportDeliveryDeps, 'db' | 'now'>): Promise<string[]> {
  const now = deps.now?.() ?? new Date();
  return deps.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(reportSchedules)
      .where(and(eq(reportSchedules.enabled, true), lte(reportSchedules.nextRunAt, now)))
      .for('update', { skipLocked: true });
    const ids: string[] = [];
    for (const schedule of due) {
      const timezone = await workspaceTimezone(tx as unknown as Db, schedule.workspaceId);
      await tx
        .update(reportSchedules)
        .set({ nextRunAt: nextReportRun(schedule.frequency, schedule.hour, timezone, now) })
        .where(eq(reportSchedules.id, schedule.id));
      ids.push(await newReportDelivery(tx as unknown as Db, schedule.workspaceId, schedule.id, 'schedule'));
    }
    return ids;
  });
}

// The subject reads the same in both languages: the title is already in the reader's.
const subjectOf = (title: string, date: string) => `${title} — ${date}`;
const bodies = {
  en: (title: string, date: string) =>
    `Hello,\n\nAttached is the report "${title}", generated ${date}.\n\nThis mail is sent on a schedule by Omniflow; an admin or supervisor can change or stop it on the Scheduled reports page.\n`,
  es: (title: string, date: string) =>
    `Hola:\n\nAdjuntamos el informe «${title}», generado el ${date}.\n\nOmniflow envía este correo según una programación; un administrador o supervisor puede cambiarla o detenerla en la página Informes programados.\n`,
};

/**
 * One attempt at a delivery: compute the report for its period, render it and mail it to each
 * recipient not yet reached. Records the attempt on the row; a failure keeps the reason so the
 * caller retries and the screen shows it.
 */
export async function deliverReport(deps: ReportDeliveryDeps, deliveryId: string): Promise<DeliveryOutcome> {
  const { db } = deps;
  const [delivery] = await db.select().from(reportDeliveries).where(eq(reportDeliveries.id, deliveryId));
  if (!delivery) return { status: 'failed', error: `Delivery ${deliveryId} no longer exists` };
  if (delivery.status === 'sent') return { status: 'sent' };
  await db
    .update(reportDeliveries)
    .set({ attempts: sql`${reportDeliveries.attempts} + 1`, status: 'sending' })
    .where(eq(reportDeliveries.id, deliveryId));
  const sentTo = new Set(delivery.sentTo);
  try {
    const [schedule] = await db
      .select()
      .from(reportSchedules)
      .where(eq(reportSchedules.id, delivery.scheduleId));
    if (!schedule) throw new Error('The schedule was deleted');
    const definition = (deps.reports ?? allReports).find((r) => r.name === schedule.report);
    if (!definition) throw new Error(`The report "${schedule.report}" no longer exists`);
    const timezone = await workspaceTimezone(db, schedule.workspaceId);
    // The period is the one of the delivery's own time, so a retry sends the same figures' span.
    const { from, to } = reportPeriodRange(schedule.period, delivery.createdAt, timezone);
    const doc = await definition.build(
      { db },
      {
        workspaceId: schedule.workspaceId,
        language: schedule.language,
        filters: {
          ...schedule.filters,
          from: from.toISOString(),
          to: to.toISOString(),
          bucket: schedule.bucket,
          timezone,
        },
      },
    );
    const rendered = await renderReport(doc, schedule.format);
    const content = Buffer.from(rendered.body);
    const driver = await deps.emailDriver(schedule.workspaceId).catch(() => undefined);
    if (!driver || driver instanceof SandboxDriver)
      throw new Error(
        schedule.language === 'es'
          ? 'El espacio de trabajo no tiene un canal de correo configurado'
          : 'The workspace has no e-mail channel set up',
      );
    const date = generatedAtText(doc);
    for (const to of schedule.recipients) {
      if (sentTo.has(to)) continue;
      await driver.send(
        {
          to,
          text: bodies[schedule.language](doc.title, date),
          email: {
            subject: subjectOf(doc.title, date),
            attachments: [
              { filename: rendered.filename, contentType: rendered.contentType, attachmentId: 'report' },
            ],
          },
          idempotencyKey: `${deliveryId}:${to}`,
        },
        { openAttachment: async () => content },
      );
      sentTo.add(to);
      await db
        .update(reportDeliveries)
        .set({ sentTo: [...sentTo] })
        .where(eq(reportDeliveries.id, deliveryId));
    }
    await db
      .update(reportDeliveries)
      .set({
        status: 'sent',
        error: null,
        filename: rendered.filename,
        bytes: content.length,
        periodFrom: from,
        periodTo: to,
        finishedAt: deps.now?.() ?? new Date(),
      })
      .where(eq(reportDeliveries.id, deliveryId));
    return { status: 'sent' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .update(reportDeliveries)
      .set({ status: 'failed', error: message.slice(0, 2000), finishedAt: deps.now?.() ?? new Date() })
      .where(eq(reportDeliveries.id, deliveryId));
    return { status: 'failed', error: message };
  }
}

/** The worker's activities for report schedules. */
export function createReportScheduleActivities(deps: ReportDeliveryDeps) {
  return {
    claimDueReports: () => claimDueReports(deps),
    deliverReport: (deliveryId: string) => deliverReport(deps, deliveryId),
  };
}
export type ReportScheduleActivities = ReturnType<typeof createReportScheduleActivities>;
