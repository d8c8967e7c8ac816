import { z } from 'zod';
import { outputSchemaOf } from './output-schema.ts';
import type { AnyNodeDefinition, Localized, NodeCategory, NodeSummaryLine } from './types.ts';

export interface CatalogEntry {
  type: string;
  version: number;
  title: Localized;
  description: Localized;
  category: NodeCategory;
  icon: string;
  trigger: boolean;
  waits: boolean;
  /** Fixed ports; when `dynamicPorts` is set, the config adds more (a split's branch ids). */
  ports: string[];
  dynamicPorts: boolean;
  /** With dynamic ports: the config list whose rows' ids come before `ports` (`branches`, `options`). */
  portRows?: string;
  requiredPorts: string[];
  /** What each fixed port means (the inspector's help); a list, so JSON of it types cleanly. */
  portDescriptions: { port: string; text: Localized }[];
  /** With `portRows`: what each row's port means. */
  rowPortDescription?: Localized;
  /** What the node's card shows of its config (builder canvas/node-summary.ts). */
  summary: NodeSummaryLine[];
  /** JSON Schema of the config, with `ui` hints from `.meta({ ui })`. */
  configSchema: unknown;
  /**
   * JSON Schema of what `nodes.<id>.output` holds once the node ran, fields labelled with
   * `ui.label` and an `examples` value (the variable picker's entries); absent when it has none.
   */
  outputSchema?: unknown;
}

/** What the builder sees of the nodes: all it needs, nothing executable. */
export function buildCatalog(definitions: readonly AnyNodeDefinition[]): CatalogEntry[] {
  return definitions
    .map((d) => ({
      type: d.type,
      version: d.version,
      title: d.title,
      description: d.description,
      category: d.category,
      icon: d.icon,
      trigger: d.trigger ?? false,
      waits: d.waits ?? false,
      ...catalogPorts(d.ports),
      requiredPorts: [...(d.requiredPorts ?? [])],
      portDescriptions: Object.entries(d.portDescriptions ?? {}).map(([port, text]) => ({ port, text })),
      ...(d.rowPortDescription ? { rowPortDescription: d.rowPortDescription } : {}),
      summary: [...(d.summary ?? [])],
      configSchema: withDefaultTexts(
        z.toJSONSchema(d.config, { io: 'input', unrepresentable: 'any' }),
        d.languageDefaults ?? {},
      ),
      ...outputSchemaEntry(d),
    }))
    .sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : a.version - b.version));
}

/** A function's ports are known only once a config runs through it: the builder adds wired ones. */
function catalogPorts(ports: AnyNodeDefinition['ports']) {
  if (typeof ports !== 'function') return { ports: [...ports], dynamicPorts: false };
  if (!ports.rows) return { ports: [], dynamicPorts: true };
  return { ports: [...ports.rows.then], dynamicPorts: true, portRows: ports.rows.list };
}

function outputSchemaEntry(definition: AnyNodeDefinition): { outputSchema?: unknown } {
  const schema = outputSchemaOf(definition);
  return schema ? { outputSchema: z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) } : {};
}

/**
 * Puts a node's `languageDefaults` on its fields as `ui.defaultByLanguage`, so the inspector shows
 * the text a flow in that language will really send.
 */
function withDefaultTexts(
  schema: z.core.JSONSchema.BaseSchema,
  defaults: Partial<Record<string, Localized>>,
): z.core.JSONSchema.BaseSchema {
  const properties = schema.properties;
  if (!properties) return schema;
  for (const [field, texts] of Object.entries(defaults)) {
    const property = properties[field];
    if (!texts || typeof property !== 'object') continue;
    const ui: unknown = property.ui;
    property.ui = { ...(typeof ui === 'object' && ui !== null ? ui : {}), defaultByLanguage: texts };
  }
  return schema;
}
