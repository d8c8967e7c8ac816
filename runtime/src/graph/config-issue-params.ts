import { z } from 'zod';
import type { AnyNodeDefinition } from '@omniflow/nodes/sdk';
import { zodIssueReason } from './zod-issue-reason.ts';

type Json = Record<string, unknown>;
type Localized = { en: string; es: string };

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const schemas = new WeakMap<AnyNodeDefinition, Json>();
function jsonSchemaOf(definition: AnyNodeDefinition): Json {
  let schema = schemas.get(definition);
  if (!schema) {
    schema = z.toJSONSchema(definition.config, { io: 'input', unrepresentable: 'any' }) as Json;
    schemas.set(definition, schema);
  }
  return schema;
}

/** Follows `$ref` and single-member unions (optional, nullable) the way the inspector does. */
function resolve(root: Json, schema: Json): Json {
  let current = schema;
  for (let step = 0; step < 8; step++) {
    const { $ref, anyOf, oneOf, ...rest } = current;
    if (typeof $ref === 'string' && $ref.startsWith('#/')) {
      let target: unknown = root;
      for (const key of $ref.slice(2).split('/')) target = isObject(target) ? target[key] : undefined;
      current = { ...(isObject(target) ? target : {}), ...rest };
      continue;
    }
    const members = (Array.isArray(anyOf) ? anyOf : Array.isArray(oneOf) ? oneOf : []).filter(
      (m): m is Json => isObject(m) && m.type !== 'null',
    );
    if (members.length === 1) {
      current = { ...members[0]!, ...rest };
      continue;
    }
    break;
  }
  return current;
}

function uiOf(schema: Json): Json {
  return isObject(schema.ui) ? schema.ui : {};
}

function localizedOf(value: unknown): Localized | undefined {
  return isObject(value) && typeof value.en === 'string' && typeof value.es === 'string'
    ? { en: value.en, es: value.es }
    : undefined;
}

/** "Options #2 › Label" / "Opciones n.º 2 › Etiqueta", and the schema the path ends at. */
function describePath(definition: AnyNodeDefinition, path: readonly (string | number)[]) {
  const root = jsonSchemaOf(definition);
  let schema = resolve(root, root);
  const en: string[] = [];
  const es: string[] = [];
  for (const segment of path) {
    if (typeof segment === 'number' && Array.isArray(schema.items) === false && isObject(schema.items)) {
      en[en.length - 1] = `${en[en.length - 1] ?? ''} #${segment + 1}`.trim();
      es[es.length - 1] = `${es[es.length - 1] ?? ''} n.º ${segment + 1}`.trim();
      schema = resolve(root, schema.items);
      continue;
    }
    const properties = isObject(schema.properties) ? schema.properties : {};
    const next = properties[String(segment)];
    const nextSchema = isObject(next)
      ? resolve(root, next)
      : isObject(schema.additionalProperties)
        ? resolve(root, schema.additionalProperties)
        : {};
    const label = localizedOf(uiOf(nextSchema).label);
    const name = isObject(next) ? String(segment) : `«${String(segment)}»`;
    en.push(label?.en ?? name);
    es.push(label?.es ?? name);
    schema = nextSchema;
  }
  return { field: en.join(' › '), fieldEs: es.join(' › '), schema };
}

/** A config field by its label (`field` in English, `fieldEs` in Spanish). */
export function fieldNames(
  definition: AnyNodeDefinition,
  path: readonly (string | number)[],
): Record<string, string> {
  const { field, fieldEs } = describePath(definition, path);
  return { field, fieldEs };
}

function valueAt(config: unknown, path: readonly (string | number)[]): unknown {
  let value = config;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isObject(value)) value = value[String(segment)];
    else return undefined;
  }
  return value;
}

/**
 * The error map of node configs: turns one zod issue into what the builder needs to say it in
 * the designer's words — which field (by its label from the node's `ui` metadata, `field` in
 * English and `fieldEs` in Spanish), what is wrong (`reason`, one catalog sentence each:
 * builder/src/features/inspector/config-error-messages.ts) and the limit or the allowed options.
 * zod's own text ("Invalid input: expected string, received undefined") stays in `message`.
 * These are the params of a NODE_CONFIG_INVALID issue, without the node's names.
 */
export function configIssueParams(
  issue: z.core.$ZodIssue,
  definition: AnyNodeDefinition,
  config: unknown,
): Record<string, string | number> {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const { field, fieldEs, schema } = describePath(definition, path);
  const reason = zodIssueReason(issue, valueAt(config, path));
  const params: Record<string, string | number> = { reason, field, fieldEs };
  if (issue.code === 'too_big') params.limit = Number(issue.maximum);
  if (issue.code === 'too_small') params.limit = Number(issue.minimum);
  if (issue.code === 'invalid_value') {
    const labels = isObject(uiOf(schema).optionLabels) ? (uiOf(schema).optionLabels as Json) : {};
    const names = issue.values.map((v) => localizedOf(labels[String(v)]) ?? { en: String(v), es: String(v) });
    params.options = names.map((n) => n.en).join(', ');
    params.optionsEs = names.map((n) => n.es).join(', ');
  }
  if (issue.code === 'unrecognized_keys') params.keys = issue.keys.join(', ');
  const other: unknown = issue.code === 'custom' ? issue.params?.['other'] : undefined;
  if (reason === 'either' && Array.isArray(other)) {
    const names = fieldNames(definition, other as (string | number)[]);
    params.other = names.field!;
    params.otherEs = names.fieldEs!;
  }
  return params;
}
