import type { CatalogEntry, FlowDocument, FlowNodeDoc } from '../../api/types.ts';
import { templateVariables, upstreamOf } from '../inspector/template-variables.ts';

type JsonSchema = Record<string, unknown>;
const isRecord = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (name: string) => (identifier.test(name) ? name : JSON.stringify(name));

/** A TypeScript type for a JSON Schema of the catalog (output schemas): what Monaco hints from. */
export function schemaType(schema: unknown, depth = 0): string {
  if (!isRecord(schema) || depth > 6) return 'any';
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ') || 'any';
  const union = (schema.anyOf ?? schema.oneOf) as unknown;
  if (Array.isArray(union)) return union.map((s) => schemaType(s, depth + 1)).join(' | ') || 'any';
  const type = schema.type;
  if (Array.isArray(type)) return type.map((t) => schemaType({ ...schema, type: t }, depth)).join(' | ');
  switch (type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return `Array<${schemaType(schema.items, depth + 1)}>`;
    case 'object': {
      const properties = isRecord(schema.properties) ? schema.properties : {};
      const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
      const fields = Object.entries(properties).map(
        ([name, field]) => `${key(name)}${required.has(name) ? '' : '?'}: ${schemaType(field, depth + 1)}`,
      );
      const open = schema.additionalProperties === false ? '' : '[key: string]: any';
      return `{ ${[...fields, open].filter(Boolean).join('; ')} }`;
    }
    default:
      return 'any';
  }
}

/**
 * The declarations a code node's script sees (`input`, `vars`, `nodes.<id>.output`, `run`),
 * typed from the trigger's and the earlier nodes' output schemas in the catalog; Monaco adds it
 * as an extra library so completion and hover know the flow's context.
 */
export function scriptContextTypes(
  doc: FlowDocument,
  nodeId: string,
  catalog: readonly CatalogEntry[],
): string {
  const entries = new Map(catalog.map((entry) => [`${entry.type}@${entry.version}`, entry]));
  const entryOf = (node: FlowNodeDoc) => entries.get(`${node.type}@${node.version}`);
  const byId = new Map(doc.nodes.map((node) => [node.id, node]));
  const trigger = doc.nodes.find((node) =>
    doc.trigger ? node.id === doc.trigger.node : entryOf(node)?.trigger === true,
  );
  const upstream = upstreamOf(doc, nodeId).flatMap((id) => byId.get(id) ?? []);
  const nodes = upstream
    .filter((node) => node !== trigger)
    .map((node) => `  ${key(node.id)}: { output: ${schemaType(entryOf(node)?.outputSchema)} };`);
  const vars = templateVariables(doc, nodeId, catalog)
    .filter((v) => v.group === 'vars')
    .map((v) => `  ${key(v.path.slice('vars.'.length))}?: any;`);
  return [
    `declare const input: ${trigger ? schemaType(entryOf(trigger)?.outputSchema) : 'any'};`,
    `declare const vars: {\n${vars.join('\n')}\n  [name: string]: any;\n};`,
    `declare const nodes: {\n${nodes.join('\n')}\n};`,
    'declare const run: { id: string; flowId: string; version: number; startedAt: string };',
    'declare const console: { log(...values: unknown[]): void; info(...values: unknown[]): void; warn(...values: unknown[]): void; error(...values: unknown[]): void };',
  ].join('\n');
}
