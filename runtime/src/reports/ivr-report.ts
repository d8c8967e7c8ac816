import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { flowVersions, flows, queryRows } from '@omniflow/db';
import type { ReportDocument } from './report-document.ts';
import type { ReportContext, ReportDefinition, ReportDeps } from './report-registry.ts';
import { pick, reportHead } from './describe-filters.ts';
import { menuStepFigureParts } from '../rollups/report-rollup-statements.ts';
import { outsideRollupRange, rolledUpRows, rollupRangeOf, type RollupRange } from './report-rollup-range.ts';
import { bucketLabel, bucketLabels, bucketOf, inPeriod, num, seconds, share } from './report-sql.ts';

const text = {
  title: { en: 'IVR', es: 'IVR (menús de voz)' },
  description: {
    en: 'Calls that entered the voice menus, the options callers chose in each menu and the time spent in them.',
    es: 'Llamadas que entraron en los menús de voz, las opciones elegidas en cada menú y el tiempo que pasaron en ellos.',
  },
  chart: { en: 'Calls in the IVR', es: 'Llamadas en el IVR' },
  optionsChart: { en: 'Options chosen', es: 'Opciones elegidas' },
  byBucket: { en: 'IVR entries', es: 'Entradas al IVR' },
  byOption: { en: 'Options per menu', es: 'Opciones por menú' },
  period: { en: 'Period', es: 'Periodo' },
  entries: { en: 'Calls in the IVR', es: 'Llamadas en el IVR' },
  time: { en: 'Average time in the IVR (s)', es: 'Tiempo medio en el IVR (s)' },
  menu: { en: 'Menu', es: 'Menú' },
  option: { en: 'Option', es: 'Opción' },
  chosen: { en: 'Times chosen', es: 'Veces elegida' },
  shareOfMenu: { en: 'Share of the menu', es: 'Parte del menú' },
  timeInMenu: { en: 'Average time in the menu (s)', es: 'Tiempo medio en el menú (s)' },
  timeout: { en: 'No key pressed', es: 'Sin respuesta' },
  invalid: { en: 'Wrong key', es: 'Tecla no válida' },
  hungUp: { en: 'Hung up in the menu', es: 'Colgó en el menú' },
  total: { en: 'Total', es: 'Total' },
};

/**
 * The figures of the period's menu steps (alias `i`: at, flow_id, node_id, port, steps, step_ms,
 * step_timed, calls, call_ms): closed buckets from the IVR rollup, the rest from the menu steps,
 * counted alike (a call once, at its first menu step; see menuStepFigures).
 */
function menuFiguresOf(context: ReportContext, range: RollupRange | null): SQL {
  const { workspaceId, filters } = context;
  const rolled: SQL[] = [sql`ri.workspace_id = ${workspaceId}::uuid`];
  if (filters.flowId) rolled.push(sql`ri.flow_id = ${filters.flowId}::uuid`);
  if (filters.flowVersion !== undefined) rolled.push(sql`ri.flow_version = ${filters.flowVersion}`);
  const steps = sql`select s.* from run_steps s where s.workspace_id = ${workspaceId}::uuid
    and s.node_type = 'voice.menu' and ${inPeriod(filters, sql`s.entered_at`)}
    and ${outsideRollupRange(range, sql`s.entered_at`)}`;
  const callWhere = filters.flowId ? sql`cr.flow_id = ${filters.flowId}::uuid` : sql`true`;
  const runWhere = filters.flowVersion !== undefined ? sql`r.version = ${filters.flowVersion}` : sql`true`;
  const [a, b, c] = menuStepFigureParts;
  return sql`${rolledUpRows(
    range,
    'ivr',
    'ri',
    sql`ri.flow_id, ri.node_id, ri.port, ri.steps, ri.step_ms, ri.step_timed, ri.calls, ri.call_ms`,
    rolled,
  )}select l.entered_at as at, l.flow_id, l.node_id, l.port, l.steps, l.step_ms, l.step_timed, l.calls, l.call_ms
    from (${sql.raw(a)}${steps}${sql.raw(b)}${callWhere}${sql.raw(c)}${runWhere}) l`;
}

interface GraphNode {
  id: string;
  label?: string;
  config?: { options?: { id?: string; digit?: string; label?: string }[] };
}

export const ivrReport: ReportDefinition = {
  name: 'ivr',
  title: text.title,
  description: text.description,
  filters: ['flow'],
  async build(deps: ReportDeps, context: ReportContext): Promise<ReportDocument> {
    const { filters, language, workspaceId } = context;
    const t = (key: keyof typeof text) => pick(language, text[key]);
    const range = await rollupRangeOf(deps.db, workspaceId, filters);
    const perBucket = await queryRows<{ label: string; calls: string; ms: string | null }>(
      deps.db,
      sql`with i as (${menuFiguresOf(context, range)})
        select ${bucketLabel(filters, bucketOf(filters, sql`i.at`))} as label, sum(i.calls) as calls,
          sum(i.call_ms) as ms
        from i where i.calls > 0 group by 1`,
    );
    const perOption = await queryRows<{
      flow_id: string | null;
      node_id: string;
      port: string | null;
      n: string;
      ms: string | null;
      timed: string;
    }>(
      deps.db,
      sql`with i as (${menuFiguresOf(context, range)})
        select i.flow_id, i.node_id, i.port, sum(i.steps) as n, sum(i.step_ms) as ms, sum(i.step_timed) as timed
        from i group by 1, 2, 3`,
    );
    // Menus and options by the names the designer gave them, from each flow's latest version.
    const flowIds = [...new Set(perOption.map((o) => o.flow_id).filter((id): id is string => !!id))];
    const graphs = new Map<string, { name: string; nodes: GraphNode[] }>();
    if (flowIds.length > 0) {
      const named = await deps.db
        .select({ id: flows.id, name: flows.name })
        .from(flows)
        .where(and(eq(flows.workspaceId, workspaceId), inArray(flows.id, flowIds)));
      for (const flow of named) {
        const [latest] = await deps.db
          .select({ graph: flowVersions.graph })
          .from(flowVersions)
          .where(eq(flowVersions.flowId, flow.id))
          .orderBy(desc(flowVersions.version))
          .limit(1);
        const nodes = ((latest?.graph as { nodes?: GraphNode[] } | undefined)?.nodes ?? []).filter(Boolean);
        graphs.set(flow.id, { name: flow.name, nodes });
      }
    }
    const menuName = (flowId: string | null, nodeId: string) => {
      const graph = flowId ? graphs.get(flowId) : undefined;
      const node = graph?.nodes.find((n) => n.id === nodeId);
      return `${graph?.name ?? '—'} · ${node?.label || nodeId}`;
    };
    const optionName = (flowId: string | null, nodeId: string, port: string | null) => {
      if (port === null) return t('hungUp');
      if (port === 'timeout' || port === 'invalid') return t(port);
      const node = (flowId ? graphs.get(flowId) : undefined)?.nodes.find((n) => n.id === nodeId);
      const option = node?.config?.options?.find((o) => o.id === port);
      if (!option) return port;
      return [option.digit, option.label].filter(Boolean).join(' · ') || port;
    };
    const menuTotals = new Map<string, number>();
    for (const o of perOption) {
      const key = menuName(o.flow_id, o.node_id);
      menuTotals.set(key, (menuTotals.get(key) ?? 0) + num(o.n));
    }
    const optionRows = perOption
      .map((o) => ({
        menu: menuName(o.flow_id, o.node_id),
        option: optionName(o.flow_id, o.node_id, o.port),
        chosen: num(o.n),
        share: share(num(o.n), menuTotals.get(menuName(o.flow_id, o.node_id)) ?? 0),
        time: num(o.timed) > 0 ? seconds(num(o.ms) / num(o.timed)) : null,
      }))
      .sort(
        (a, b) => a.menu.localeCompare(b.menu) || b.chosen - a.chosen || a.option.localeCompare(b.option),
      );
    const labels = await bucketLabels(deps.db, filters);
    const byLabel = new Map(perBucket.map((r) => [r.label, r]));
    const bucketRows = labels.map((label) => {
      const r = byLabel.get(label);
      return {
        period: label,
        entries: num(r?.calls),
        time: r && num(r.calls) > 0 && r.ms !== null ? seconds(num(r.ms) / num(r.calls)) : null,
      };
    });
    const calls = perBucket.reduce((acc, r) => acc + num(r.calls), 0);
    const ms = perBucket.reduce((acc, r) => acc + num(r.ms), 0);
    return {
      ...(await reportHead(deps, context, 'ivr', t('title'))),
      charts: [
        {
          title: t('chart'),
          kind: 'bar',
          categories: labels,
          series: [{ name: t('entries'), data: bucketRows.map((r) => r.entries) }],
          valueType: 'integer',
        },
        {
          title: t('optionsChart'),
          kind: 'bar',
          categories: optionRows.map((o) => `${o.menu} · ${o.option}`),
          series: [{ name: t('chosen'), data: optionRows.map((o) => o.chosen) }],
          valueType: 'integer',
        },
      ],
      tables: [
        {
          name: t('byBucket'),
          columns: [
            { key: 'period', label: t('period'), type: 'text' },
            { key: 'entries', label: t('entries'), type: 'integer' },
            { key: 'time', label: t('time'), type: 'duration' },
          ],
          rows: bucketRows,
          totals: { period: t('total'), entries: calls, time: calls > 0 ? seconds(ms / calls) : null },
        },
        {
          name: t('byOption'),
          columns: [
            { key: 'menu', label: t('menu'), type: 'text' },
            { key: 'option', label: t('option'), type: 'text' },
            { key: 'chosen', label: t('chosen'), type: 'integer' },
            { key: 'share', label: t('shareOfMenu'), type: 'percent' },
            { key: 'time', label: t('timeInMenu'), type: 'duration' },
          ],
          rows: optionRows,
        },
      ],
    };
  },
};
