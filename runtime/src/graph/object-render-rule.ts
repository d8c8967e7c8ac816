import { z } from 'zod';
import { outputSchemaOf, type AnyNodeDefinition } from '@omniflow/nodes/sdk';
import type { FlowDocument, FlowNode } from './flow-schema.ts';
import type { ValidationIssue } from './validation-issue.ts';

type JsonSchema = Record<string, unknown>;

interface Schemas {
  config: JsonSchema;
  output: JsonSchema | undefined;
}

// A definition's schemas do not change; a 5000-node flow converts each type once.
const converted = new WeakMap<AnyNodeDefinition, Schemas>();

function schemasOf(definition: AnyNodeDefinition): Schemas {
  let schemas = converted.get(definition);
  if (!schemas) {
    const output = outputSchemaOf(definition);
    schemas = {
      config: z.toJSONSchema(definition.config, { io: 'input', unrepresentable: 'any' }) as JsonSchema,
      output: output
        ? (z.toJSONSchema(output, { io: 'output', unrepresentable: 'any' }) as JsonSchema)
        : undefined,
    };
    converted.set(definition, schemas);
  }
  return schemas;
}

const isSchema = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The alternatives a schema allows (`anyOf`/`oneOf`), or the schema itself. */
function alternatives(schema: JsonSchema): JsonSchema[] {
  const options = [schema.anyOf, schema.oneOf].find(Array.isArray);
  return options ? options.filter(isSchema).flatMap(alternatives) : [schema];
}

function typesOf(schema: JsonSchema): string[] {
  return alternatives(schema).flatMap((s) =>
    typeof s.type === 'string' ? [s.type] : Array.isArray(s.type) ? s.type.map(String) : ['unknown'],
  );
}

/** The schema at `path` inside `schema` (properties, list items, record values), if it says. */
function schemaAt(schema: JsonSchema, path: readonly (string | number)[]): JsonSchema | undefined {
  let current: JsonSchema | undefined = schema;
  for (const key of path) {
    if (!current) return undefined;
    const options: JsonSchema[] = alternatives(current);
    current = options
      .map((option): unknown => {
        if (typeof key === 'number') return option.items;
        const properties = option.properties;
        if (isSchema(properties) && isSchema(properties[key])) return properties[key];
        return option.additionalProperties;
      })
      .find(isSchema);
  }
  return current;
}

/** A value of this schema is always a group of values (an object or a list), never text. */
function isGroup(schema: JsonSchema): boolean {
  const types = typesOf(schema).filter((t) => t !== 'null');
  return types.length > 0 && types.every((t) => t === 'object' || t === 'array');
}

// `{{ nodes.ask1.output }}` with no filter: a filter (`| json`, `| size`) says what to write.
const plainOutput = /\{\{-?\s*([A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*)\s*-?\}\}/g;

function* textTemplates(
  value: unknown,
  schema: JsonSchema,
  path: (string | number)[] = [],
): Generator<[string, (string | number)[]]> {
  if (typeof value === 'string') {
    // Only text templates (`ui.widget: 'template'`, a string): a JSON body or a variable's value
    // that is one `{{ reference }}` keeps the object whole, which is what it is for there.
    const at = schemaAt(schema, path);
    const widget = at && isSchema(at.ui) ? at.ui.widget : undefined;
    if (at && widget === 'template' && typesOf(at).every((t) => t === 'string') && value.includes('{{'))
      yield [value, path];
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* textTemplates(item, schema, [...path, index]);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* textTemplates(item, schema, [...path, key]);
  }
}

interface Source {
  en: string;
  es: string;
}

/**
 * Warnings for text (a message, a prompt) that writes a whole group of values: a question's output
 * instead of its answer, the trigger's input, an object variable. The run writes such a value as
 * its fields ("answer: Ana, retries: 0"), which is rarely what a citizen should read.
 */
export function objectRenderWarnings(
  doc: FlowDocument,
  trigger: FlowNode | undefined,
  definitions: ReadonlyMap<string, AnyNodeDefinition>,
): ValidationIssue[] {
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  const nameOf = (node: FlowNode): Source => {
    const definition = definitions.get(node.id);
    return node.label
      ? { en: node.label, es: node.label }
      : { en: definition?.title.en ?? node.type, es: definition?.title.es ?? node.type };
  };
  const groupVariables = new Set(
    doc.variables.filter((v) => v.type === 'object' || v.type === 'array').map((v) => v.name),
  );

  /** What the reference names when it is a group of values, else undefined. */
  const groupSource = (reference: string): Source | undefined => {
    const [root, ...rest] = reference.split('.');
    if (root === 'run') return rest.length === 0 ? { en: 'the run', es: 'la ejecución' } : undefined;
    if (root === 'vars') {
      if (rest.length === 0) return { en: 'the variables', es: 'las variables' };
      return rest.length === 1 && groupVariables.has(rest[0]!) ? { en: rest[0]!, es: rest[0]! } : undefined;
    }
    if (root !== 'nodes' && root !== 'input') return undefined;
    const parts: string[] = root === 'nodes' ? rest : [trigger?.id ?? '', 'output', ...rest];
    const [nodeId = '', output, ...fields] = parts;
    const node = nodes.get(nodeId);
    if (!node) return undefined;
    if (root === 'nodes' && output === undefined) return nameOf(node);
    if (output !== 'output') return undefined;
    const definition = definitions.get(node.id);
    const schema = definition ? schemasOf(definition).output : undefined;
    const at = schema && schemaAt(schema, fields);
    // The trigger's input is the run's input: an object even for a trigger that does not say.
    if (root === 'input' && fields.length === 0) return nameOf(node);
    return at && isGroup(at) ? nameOf(node) : undefined;
  };

  const warnings: ValidationIssue[] = [];
  for (const node of doc.nodes) {
    const definition = definitions.get(node.id);
    if (!definition) continue;
    const { config } = schemasOf(definition);
    for (const [template, path] of textTemplates(node.config, config)) {
      for (const match of template.matchAll(plainOutput)) {
        const reference = match[1]!;
        const source = groupSource(reference);
        if (!source) continue;
        const name = nameOf(node);
        warnings.push({
          code: 'TEMPLATE_RENDERS_OBJECT',
          severity: 'warning',
          nodeId: node.id,
          path,
          // The canvas name; an unnamed node's type title is English here, as params are one
          // language (the builder's sentence is not).
          params: { node: name.en, source: source.en },
          // `"<id>": <path>: ` first, as config errors: the inspector shows the rest at the field.
          message: `${definition.title.en} "${node.id}": ${path.join('.')}: {{ ${reference} }} is a group of values and reads as a list of fields here; pick one of its fields (a question's answer is {{ nodes.<id>.output.answer }})`,
        });
      }
    }
  }
  return warnings;
}
