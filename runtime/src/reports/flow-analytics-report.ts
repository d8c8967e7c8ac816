import { and, eq } from 'drizzle-orm';
import { flows } from '@omniflow/db';
import { flowAnalytics } from '../analytics/flow-analytics.ts';
import type { ReportChart, ReportColumn, ReportLanguage, ReportTable } from './report-document.ts';
import { ReportFilterError } from './report-filters.ts';
import type { ReportDefinition } from './report-registry.ts';

const words = {
  en: {
    title: (flow: string) => `Flow analytics: ${flow}`,
    needsFlow: 'The flow-analytics report needs a flow: set flowId to one of your flows',
    noFlow: (id: string) => `No flow ${id} in this workspace: set flowId to one of your flows`,
    period: 'Period',
    version: 'Version',
    allVersions: 'All',
    nodes: 'Nodes',
    ports: 'Ports',
    funnels: 'Funnels',
    menus: 'IVR options',
    funnelTo: (end: string) => `Funnel to ${end}`,
    runs: 'Runs',
    node: 'Node',
    type: 'Type',
    entered: 'Entered',
    visits: 'Visits',
    avgSeconds: 'Average time',
    ended: 'Ended here',
    abandoned: 'Abandoned',
    failed: 'Failed',
    cancelled: 'Cancelled',
    inProgress: 'In progress',
    sent: 'Messages sent',
    delivered: 'Delivered',
    read: 'Read',
    replied: 'Replied',
    port: 'Port',
    count: 'Times taken',
    end: 'End node',
    stage: 'Stage',
    menu: 'Menu',
    key: 'Key',
    option: 'Option',
  },
  es: {
    title: (flow: string) => `Analítica del flujo: ${flow}`,
    needsFlow: 'El informe de analítica del flujo necesita un flujo: pon en flowId uno de tus flujos',
    noFlow: (id: string) =>
      `No hay ningún flujo ${id} en este espacio de trabajo: pon en flowId uno de tus flujos`,
    period: 'Periodo',
    version: 'Versión',
    allVersions: 'Todas',
    nodes: 'Nodos',
    ports: 'Puertos',
    funnels: 'Embudos',
    menus: 'Opciones del IVR',
    funnelTo: (end: string) => `Embudo hasta ${end}`,
    runs: 'Ejecuciones',
    node: 'Nodo',
    type: 'Tipo',
    entered: 'Entraron',
    visits: 'Visitas',
    avgSeconds: 'Tiempo medio',
    ended: 'Terminaron aquí',
    abandoned: 'Abandonaron',
    failed: 'Fallaron',
    cancelled: 'Cancelados',
    inProgress: 'En curso',
    sent: 'Mensajes enviados',
    delivered: 'Entregados',
    read: 'Leídos',
    replied: 'Respondidos',
    port: 'Puerto',
    count: 'Veces',
    end: 'Nodo final',
    stage: 'Etapa',
    menu: 'Menú',
    key: 'Tecla',
    option: 'Opción',
  },
} as const;

type Words = (typeof words)[ReportLanguage];
type WordKey = { [K in keyof Words]: Words[K] extends string ? K : never }[keyof Words];

const column = (w: Words, key: WordKey, type: ReportColumn['type']): ReportColumn => ({
  key,
  label: w[key],
  type,
});

/** The flow's analytics (see analytics/flow-analytics.ts) as a report: needs the `flowId` filter. */
export const flowAnalyticsReport: ReportDefinition = {
  name: 'flow-analytics',
  title: { en: 'Flow analytics', es: 'Analítica del flujo' },
  description: {
    en: 'How one flow’s runs went through it: per node, per port, funnels and IVR options.',
    es: 'Cómo pasaron por un flujo sus ejecuciones: por nodo, por puerto, embudos y opciones del IVR.',
  },
  filters: ['flow'],
  async build({ db }, { workspaceId, language, filters }) {
    // A filter the caller chose, refused with 400 (another workspace's flow like a made-up one).
    if (!filters.flowId) throw new ReportFilterError('flowId', words[language].needsFlow);
    const [flow] = await db
      .select({ id: flows.id, name: flows.name, draft: flows.draft })
      .from(flows)
      .where(and(eq(flows.id, filters.flowId), eq(flows.workspaceId, workspaceId)));
    if (!flow) throw new ReportFilterError('flowId', words[language].noFlow(filters.flowId));
    const w = words[language];
    const figures = await flowAnalytics(db, {
      workspaceId,
      flowId: flow.id,
      version: filters.flowVersion,
      from: filters.from,
      to: filters.to,
    });
    // Designers name nodes with labels; a node without one is known by its id.
    const draftNodes = (flow.draft as { nodes?: { id: string; label?: string }[] }).nodes ?? [];
    const labels = new Map(draftNodes.map((n) => [n.id, n.label?.trim() || n.id]));
    const name = (id: string) => labels.get(id) ?? id;

    const nodes: ReportTable = {
      name: w.nodes,
      columns: [
        column(w, 'node', 'text'),
        column(w, 'type', 'text'),
        column(w, 'entered', 'integer'),
        column(w, 'visits', 'integer'),
        column(w, 'avgSeconds', 'duration'),
        column(w, 'ended', 'integer'),
        column(w, 'abandoned', 'integer'),
        column(w, 'failed', 'integer'),
        column(w, 'cancelled', 'integer'),
        column(w, 'inProgress', 'integer'),
        column(w, 'sent', 'integer'),
        column(w, 'delivered', 'integer'),
        column(w, 'read', 'integer'),
        column(w, 'replied', 'integer'),
      ],
      rows: figures.nodes.map((n) => ({
        node: name(n.nodeId),
        type: n.nodeType,
        entered: n.entered,
        visits: n.visits,
        avgSeconds: n.avgSeconds,
        ended: n.ended,
        abandoned: n.abandoned,
        failed: n.failed,
        cancelled: n.cancelled,
        inProgress: n.inProgress,
        sent: n.delivery?.sent ?? null,
        delivered: n.delivery?.delivered ?? null,
        read: n.delivery?.read ?? null,
        replied: n.delivery?.replied ?? null,
      })),
    };
    const ports: ReportTable = {
      name: w.ports,
      columns: [column(w, 'node', 'text'), column(w, 'port', 'text'), column(w, 'count', 'integer')],
      rows: figures.nodes.flatMap((n) =>
        n.ports.map((p) => ({ node: name(n.nodeId), port: p.port, count: p.count })),
      ),
    };
    const menus: ReportTable = {
      name: w.menus,
      columns: [
        column(w, 'menu', 'text'),
        column(w, 'key', 'text'),
        column(w, 'option', 'text'),
        column(w, 'count', 'integer'),
      ],
      rows: figures.menus.flatMap((m) =>
        m.options.map((o) => ({
          menu: name(m.nodeId),
          key: o.digit,
          option: o.label || o.port,
          count: o.count,
        })),
      ),
    };
    const funnels: ReportTable = {
      name: w.funnels,
      columns: [column(w, 'end', 'text'), column(w, 'stage', 'text'), column(w, 'runs', 'integer')],
      rows: figures.funnels.flatMap((f) =>
        f.stages.map((s) => ({ end: name(f.endNodeId), stage: name(s.nodeId), runs: s.runs })),
      ),
    };
    const charts: ReportChart[] = figures.funnels.map((f) => ({
      title: w.funnelTo(name(f.endNodeId)),
      kind: 'bar',
      categories: f.stages.map((s) => name(s.nodeId)),
      series: [{ name: w.runs, data: f.stages.map((s) => s.runs) }],
      valueType: 'integer',
    }));
    return {
      report: 'flow-analytics',
      title: w.title(flow.name),
      language,
      generatedAt: new Date().toISOString(),
      timezone: filters.timezone,
      filters: [
        { label: w.period, value: `${filters.from} – ${filters.to}` },
        {
          label: w.version,
          value: filters.flowVersion === undefined ? w.allVersions : String(filters.flowVersion),
        },
      ],
      charts,
      tables: [nodes, ports, ...(menus.rows.length > 0 ? [menus] : []), funnels],
    };
  },
};
