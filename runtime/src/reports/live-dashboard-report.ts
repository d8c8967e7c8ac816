import { liveSnapshot } from '../dashboard/live-snapshot.ts';
import { componentLabel } from '../health/component-label.ts';
import { reportHead } from './describe-filters.ts';
import type { ReportDocument } from './report-document.ts';
import type { ReportDefinition } from './report-registry.ts';

const words = {
  en: {
    title: 'Live dashboard',
    at: 'Figures at',
    now: 'Service now',
    figure: 'Figure',
    value: 'Value',
    inIvr: 'Calls in the IVR',
    waiting: 'Calls waiting in a queue',
    withAgent: 'Calls with an agent',
    abandoned: 'Calls abandoned today',
    open: 'Open conversations',
    channel: 'Channel',
    runs: 'Runs per minute',
    minute: 'Minute',
    started: 'Started',
    completed: 'Completed',
    failed: 'Failed',
    messages: 'Messages per minute',
    sent: 'Sent',
    delivered: 'Delivered',
    campaigns: 'Campaigns running',
    name: 'Campaign',
    progress: 'Progress',
    remaining: 'Remaining',
    finishAt: 'Expected end',
    health: 'Channel health',
    component: 'Component',
    state: 'State',
    up: 'up',
    down: 'down',
    lastSuccess: 'Last success',
    lastError: 'Last error',
    lastErrorAt: 'Last error at',
  },
  es: {
    title: 'Panel en vivo',
    at: 'Cifras a las',
    now: 'El servicio ahora',
    figure: 'Cifra',
    value: 'Valor',
    inIvr: 'Llamadas en el IVR',
    waiting: 'Llamadas esperando en una cola',
    withAgent: 'Llamadas con un agente',
    abandoned: 'Llamadas abandonadas hoy',
    open: 'Conversaciones abiertas',
    channel: 'Canal',
    runs: 'Ejecuciones por minuto',
    minute: 'Minuto',
    started: 'Iniciadas',
    completed: 'Completadas',
    failed: 'Fallidas',
    messages: 'Mensajes por minuto',
    sent: 'Enviados',
    delivered: 'Entregados',
    campaigns: 'Campañas en curso',
    name: 'Campaña',
    progress: 'Avance',
    remaining: 'Pendientes',
    finishAt: 'Fin previsto',
    health: 'Salud de los canales',
    component: 'Componente',
    state: 'Estado',
    up: 'en marcha',
    down: 'caído',
    lastSuccess: 'Último éxito',
    lastError: 'Último error',
    lastErrorAt: 'Último error a las',
  },
};

/** The live dashboard as it is now, so it exports to Excel and PDF like any report. */
export function liveDashboardReport(clock: () => Date = () => new Date()): ReportDefinition {
  return {
    name: 'live-dashboard',
    title: { en: 'Service now', es: 'El servicio ahora' },
    description: {
      en: 'The live dashboard as it is at this moment: calls, conversations, runs, messages, campaigns and channel health.',
      es: 'El panel en vivo tal como está ahora: llamadas, conversaciones, ejecuciones, mensajes, campañas y salud de los canales.',
    },
    async build(deps, context): Promise<ReportDocument> {
      const w = words[context.language];
      const s = await liveSnapshot(deps.db, context.workspaceId, clock());
      const perMinute = s.messagesPerMinute.flatMap((c) =>
        c.minutes
          .filter((m) => m.sent + m.delivered + m.failed > 0)
          .map((m) => ({ channel: c.channel, ...m })),
      );
      return {
        ...(await reportHead(deps, context, 'live-dashboard', w.title, new Date(s.at))),
        // A snapshot of one moment: the period and grouping asked for do not apply to it, the moment does.
        filters: [{ label: w.at, value: s.at }],
        charts: [
          {
            title: w.runs,
            kind: 'line',
            categories: s.runsPerMinute.map((m) => m.minute.slice(11, 16)),
            series: [
              { name: w.started, data: s.runsPerMinute.map((m) => m.started) },
              { name: w.completed, data: s.runsPerMinute.map((m) => m.completed) },
              { name: w.failed, data: s.runsPerMinute.map((m) => m.failed) },
            ],
            valueType: 'integer',
          },
        ],
        tables: [
          {
            name: w.now,
            columns: [
              { key: 'figure', label: w.figure, type: 'text' },
              { key: 'value', label: w.value, type: 'integer' },
            ],
            rows: [
              { figure: w.inIvr, value: s.calls.inIvr },
              { figure: w.waiting, value: s.calls.waitingInQueue },
              { figure: w.withAgent, value: s.calls.withAgent },
              { figure: w.abandoned, value: s.calls.abandonedToday },
              ...s.conversations.map((c) => ({ figure: `${w.open}: ${c.channel}`, value: c.open })),
            ],
          },
          {
            name: w.runs,
            columns: [
              { key: 'minute', label: w.minute, type: 'datetime' },
              { key: 'started', label: w.started, type: 'integer' },
              { key: 'completed', label: w.completed, type: 'integer' },
              { key: 'failed', label: w.failed, type: 'integer' },
            ],
            rows: s.runsPerMinute,
            totals: {
              minute: null,
              started: s.runsPerMinute.reduce((a, m) => a + m.started, 0),
              completed: s.runsPerMinute.reduce((a, m) => a + m.completed, 0),
              failed: s.runsPerMinute.reduce((a, m) => a + m.failed, 0),
            },
          },
          {
            name: w.messages,
            columns: [
              { key: 'channel', label: w.channel, type: 'text' },
              { key: 'minute', label: w.minute, type: 'datetime' },
              { key: 'sent', label: w.sent, type: 'integer' },
              { key: 'delivered', label: w.delivered, type: 'integer' },
              { key: 'failed', label: w.failed, type: 'integer' },
            ],
            rows: perMinute,
          },
          {
            name: w.campaigns,
            columns: [
              { key: 'name', label: w.name, type: 'text' },
              { key: 'progress', label: w.progress, type: 'percent' },
              { key: 'sent', label: w.sent, type: 'integer' },
              { key: 'delivered', label: w.delivered, type: 'integer' },
              { key: 'remaining', label: w.remaining, type: 'integer' },
              { key: 'finishAt', label: w.finishAt, type: 'datetime' },
            ],
            rows: s.campaigns.map((c) => ({
              name: c.name,
              progress: c.progress,
              sent: c.sent,
              delivered: c.delivered,
              remaining: c.remaining,
              finishAt: c.finishAt,
            })),
          },
          {
            name: w.health,
            columns: [
              { key: 'component', label: w.component, type: 'text' },
              { key: 'state', label: w.state, type: 'text' },
              { key: 'lastSuccess', label: w.lastSuccess, type: 'datetime' },
              { key: 'lastError', label: w.lastError, type: 'text' },
              { key: 'lastErrorAt', label: w.lastErrorAt, type: 'datetime' },
            ],
            rows: s.health.map((h) => ({
              component: componentLabel(h.component, context.language),
              state: h.up ? w.up : w.down,
              lastSuccess: h.lastSuccessAt,
              lastError: h.lastError,
              lastErrorAt: h.lastErrorAt,
            })),
          },
        ],
      };
    },
  };
}
