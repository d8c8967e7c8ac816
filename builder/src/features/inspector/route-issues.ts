import type { ValidationIssue } from '../../api/types.ts';
import { arrayItems, properties, widgetOf, type SchemaNode } from './json-schema.ts';

export type FieldPath = readonly (string | number)[];

export interface RoutedIssues {
  /** Issues keyed by `pathKey` of the field that shows them. */
  byField: ReadonlyMap<string, readonly ValidationIssue[]>;
  /** Issues about the node as a whole, or about a part of the config no field shows. */
  general: readonly ValidationIssue[];
}

export function pathKey(path: FieldPath): string {
  return JSON.stringify(path);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The path of the deepest field the form renders for `path`, walking the schema the way the form
 * does (see `widgetOf`); undefined when even the first step names no field.
 */
function fieldFor(root: SchemaNode, config: unknown, path: FieldPath): FieldPath | undefined {
  let node = root;
  let value = config;
  let field: FieldPath | undefined;
  for (const [depth, segment] of path.entries()) {
    const here = path.slice(0, depth);
    const widget = depth === 0 ? 'object' : widgetOf(node);
    if (widget === 'object') {
      const property = properties(node).find((p) => p.name === segment);
      if (!property) return field;
      node = property.node;
      value = isRecord(value) ? value[String(segment)] : undefined;
    } else if (widget === 'rows') {
      if (typeof segment !== 'number' || !Array.isArray(value) || segment >= value.length) return field;
      node = arrayItems(node);
      value = value[segment];
    } else if (widget === 'key-value') {
      // Each entry's value input shows the issues about that key.
      return isRecord(value) && String(segment) in value ? [...here, String(segment)] : field;
    } else {
      // Leaf controls (including JSON values) show every issue about their inside.
      return field;
    }
    field = [...here, segment];
  }
  return field;
}

/** Sends each issue to the field its `path` points at, or to the top of the form. */
export function routeIssues(
  schema: SchemaNode,
  config: unknown,
  issues: readonly ValidationIssue[],
): RoutedIssues {
  const byField = new Map<string, ValidationIssue[]>();
  const general: ValidationIssue[] = [];
  for (const issue of issues) {
    const field = issue.path && issue.path.length > 0 ? fieldFor(schema, config, issue.path) : undefined;
    if (!field) {
      general.push(issue);
      continue;
    }
    const key = pathKey(field);
    byField.set(key, [...(byField.get(key) ?? []), issue]);
  }
  return { byField, general };
}

/**
 * The part of a validator message worth repeating under its field: the server prefixes messages
 * with the node and the path (`HTTP request "call": url: Enter the URL to call`), which the field's
 * position already says.
 */
export function fieldMessage(issue: ValidationIssue): string {
  const path = issue.path?.join('.') ?? '';
  for (const marker of [`": ${path}: `, `": template at ${path}: `]) {
    const at = issue.message.indexOf(marker);
    if (path !== '' && at >= 0) return issue.message.slice(at + marker.length);
  }
  return issue.message;
}
