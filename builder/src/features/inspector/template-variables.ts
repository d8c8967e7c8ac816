import type { Localized } from '@omniflow/nodes/sdk';
import type { CatalogEntry, FlowDocument, FlowNodeDoc } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { translate } from '../../i18n/use-i18n.ts';

/** One thing a template can write, as the variable picker offers it. */
export interface TemplateVariable {
  /** What goes between `{{ }}`: `nodes.ask1.output.answer`. */
  path: string;
  /** The designer's name for it: "Respuesta de «Pregunta nombre»". */
  label: Localized;
  group: 'input' | 'vars' | 'nodes' | 'run';
  /** A value it may hold, as text, when its node says. */
  example?: string;
  /** A group of values (an object or a list): written whole, it reads as a list of fields. */
  whole?: boolean;
}

type JsonSchema = Record<string, unknown>;

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Deep enough for a mail's subject (`input.email.subject`), short enough to stay a list.
const maxDepth = 2;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const both = (key: MessageKey, values: Record<string, string> = {}): Localized => ({
  en: translate('en', key, values),
  es: translate('es', key, values),
});

/**
 * Ids of the nodes on a path to `nodeId` (walking the edges backwards), nearest first: only they
 * can have run when it does. The node itself is not one, even on a loop through it.
 */
export function upstreamOf(doc: FlowDocument, nodeId: string): string[] {
  const into = new Map<string, string[]>();
  for (const edge of doc.edges) into.set(edge.to.node, [...(into.get(edge.to.node) ?? []), edge.from.node]);
  const order: string[] = [];
  const seen = new Set([nodeId]);
  let frontier = [nodeId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const from of into.get(id) ?? []) {
        if (seen.has(from)) continue;
        seen.add(from);
        order.push(from);
        next.push(from);
      }
    }
    frontier = next;
  }
  return order;
}

function typesOf(schema: JsonSchema): string[] {
  const options = [schema.anyOf, schema.oneOf].find(Array.isArray);
  if (options) return options.filter(isRecord).flatMap(typesOf);
  if (typeof schema.type === 'string') return [schema.type];
  return Array.isArray(schema.type) ? schema.type.map(String) : [];
}

function isGroup(schema: JsonSchema): boolean {
  const types = typesOf(schema).filter((t) => t !== 'null');
  return types.length > 0 && types.every((t) => t === 'object' || t === 'array');
}

function exampleOf(schema: JsonSchema): string | undefined {
  const examples = schema.examples;
  if (!Array.isArray(examples) || examples.length === 0) return undefined;
  const [first] = examples as unknown[];
  return typeof first === 'string' ? first : JSON.stringify(first);
}

function fieldLabel(name: string, schema: JsonSchema): Localized {
  const ui = isRecord(schema.ui) ? schema.ui : {};
  const label = isRecord(ui.label) ? ui.label : {};
  return {
    en: typeof label.en === 'string' ? label.en : name,
    es: typeof label.es === 'string' ? label.es : name,
  };
}

/** The fields of an output schema, with their paths below `base`, in the schema's order. */
function fieldsOf(
  schema: JsonSchema,
  base: string,
  depth = 1,
): { path: string; schema: JsonSchema; name: string }[] {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  return Object.entries(properties).flatMap(([name, field]) => {
    if (!isRecord(field) || !identifier.test(name)) return [];
    const path = `${base}.${name}`;
    const nested = depth < maxDepth && isRecord(field.properties) ? fieldsOf(field, path, depth + 1) : [];
    return [{ path, schema: field, name }, ...nested];
  });
}

/** The node's name on the canvas: its label, or its type's title. */
function nameOf(node: FlowNodeDoc, entry: CatalogEntry | undefined): Localized {
  if (node.label) return { en: node.label, es: node.label };
  return entry?.title ?? { en: node.type, es: node.type };
}

function fieldVariables(
  schema: JsonSchema,
  base: string,
  group: 'input' | 'nodes',
  source: Localized,
): TemplateVariable[] {
  return fieldsOf(schema, base).map(({ path, schema: field, name }) => {
    const label = fieldLabel(name, field);
    const example = exampleOf(field);
    return {
      path,
      group,
      label: {
        en: translate('en', 'inspector.variables.of', { field: label.en, node: source.en }),
        es: translate('es', 'inspector.variables.of', { field: label.es, node: source.es }),
      },
      ...(example === undefined ? {} : { example }),
      ...(isGroup(field) ? { whole: true } : {}),
    };
  });
}

/** The answer field a node's "save the answer as variable" keeps, by node type. */
const savedAnswerField: Record<string, string> = {
  'message.ask': 'answer',
  'voice.menu': 'option',
  'voice.gather': 'digits',
};

/**
 * What a template in node `nodeId` can refer to (the TemplateScope of @omniflow/nodes), for the
 * variable picker: the trigger's input fields, the flow's variables (declared, or set by a node on
 * a path to this one: a logic.set or a saved answer), each earlier node's output fields as its
 * output schema names them, nearest node first, and the run's own facts.
 */
export function templateVariables(
  doc: FlowDocument,
  nodeId: string,
  catalog: readonly CatalogEntry[],
): TemplateVariable[] {
  const entries = new Map(catalog.map((entry) => [`${entry.type}@${entry.version}`, entry]));
  const entryOf = (node: FlowNodeDoc) => entries.get(`${node.type}@${node.version}`);
  const byId = new Map(doc.nodes.map((node) => [node.id, node]));
  const upstream = upstreamOf(doc, nodeId).flatMap((id) => byId.get(id) ?? []);

  const trigger = doc.nodes.find((node) =>
    doc.trigger ? node.id === doc.trigger.node : entryOf(node)?.trigger === true,
  );
  const triggerSchema = trigger ? entryOf(trigger)?.outputSchema : undefined;
  const input: TemplateVariable[] =
    trigger && isRecord(triggerSchema)
      ? fieldVariables(triggerSchema, 'input', 'input', nameOf(trigger, entryOf(trigger)))
      : [{ path: 'input', group: 'input', label: both('inspector.variables.input'), whole: true }];

  const vars = new Map<string, TemplateVariable>();
  const addVar = (name: string, example?: string) => {
    if (!identifier.test(name) || vars.has(name)) return;
    vars.set(name, {
      path: `vars.${name}`,
      group: 'vars',
      label: both('inspector.variables.variable', { name }),
      ...(example === undefined ? {} : { example }),
    });
  };
  for (const variable of doc.variables) {
    addVar(variable.name, variable.default === undefined ? undefined : JSON.stringify(variable.default));
  }
  for (const node of upstream) {
    if (node.type === 'logic.set' && Array.isArray(node.config.assignments)) {
      for (const assignment of node.config.assignments) {
        if (isRecord(assignment) && typeof assignment.name === 'string') addVar(assignment.name);
      }
    }
    const field = savedAnswerField[node.type];
    const saveAs = node.config.saveAs;
    if (field && typeof saveAs === 'string') {
      const schema = entryOf(node)?.outputSchema;
      const properties = isRecord(schema) && isRecord(schema.properties) ? schema.properties : {};
      const answer = properties[field];
      addVar(saveAs, isRecord(answer) ? exampleOf(answer) : undefined);
    }
  }

  const nodes = upstream
    .filter((node) => node !== trigger)
    .flatMap((node): TemplateVariable[] => {
      const entry = entryOf(node);
      const schema = entry?.outputSchema;
      const name = nameOf(node, entry);
      const base = `nodes.${node.id}.output`;
      if (isRecord(schema) && isRecord(schema.properties)) return fieldVariables(schema, base, 'nodes', name);
      // A node that does not say what it keeps (a set, an outside event): all of it, marked so.
      return [
        {
          path: base,
          group: 'nodes',
          label: {
            en: translate('en', 'inspector.variables.all', { node: name.en }),
            es: translate('es', 'inspector.variables.all', { node: name.es }),
          },
          whole: true,
        },
      ];
    });

  return [
    ...input,
    ...[...vars.values()].sort((a, b) => a.path.localeCompare(b.path)),
    ...nodes,
    { path: 'run.id', group: 'run', label: both('inspector.variables.runId') },
    { path: 'run.startedAt', group: 'run', label: both('inspector.variables.runStartedAt') },
  ];
}
