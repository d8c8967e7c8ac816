import type { Localized } from '@omniflow/nodes/sdk';
import { formatJsonText } from './json-text.ts';

/**
 * The subset of JSON Schema 2020-12 the inspector reads: what zod 4's `z.toJSONSchema(schema,
 * { io: 'input' })` produces for node configs, plus the `ui` hints nodes add with `.meta({ ui })`.
 * The catalog arrives over the network, so every keyword is checked before it is trusted.
 */

type SchemaObject = Readonly<Record<string, unknown>>;

/** A schema together with the document root its `$ref`s point into. */
export interface SchemaNode {
  readonly schema: SchemaObject;
  readonly root: SchemaObject;
}

export type JsonPrimitive = string | number | boolean | null;

export type Widget =
  | 'object'
  | 'rows'
  | 'key-value'
  | 'select'
  | 'toggle'
  | 'number'
  | 'text'
  | 'template'
  | 'duration'
  | 'code'
  | 'script'
  | 'library-template'
  | 'voice-prompt'
  | 'subflow'
  | 'json';

export interface UiHints {
  widget?: string;
  language?: string;
  /** Values (of a key-value or code field) are Liquid templates. */
  template: boolean;
  label?: Localized;
  /** Display names for enum values, keyed by the value as text. */
  optionLabels?: Record<string, Localized>;
  /** A `library-template` field's template kind: `email` or `text`. */
  kind?: string;
  /** A `voice-prompt` field also takes a typed URL or file (voice.play). */
  allowLocation?: boolean;
  /** The default text per flow language (ask's error text), when it follows the flow's language. */
  defaultByLanguage?: Localized;
  /** A rule the designer must know when filling the field (a keyword is the message's first word). */
  help?: Localized;
  /** Rows (`rows` widget) whose `id` is made from this field of the row, as a menu's from its label. */
  idFrom?: string;
  /** Required only while this sibling field is empty (say's text, unless a recorded audio is chosen). */
  requiredUnless?: string;
}

export interface PropertyNode {
  name: string;
  node: SchemaNode;
  required: boolean;
}

function isObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLocalized(value: unknown): value is Localized {
  return isObject(value) && typeof value.en === 'string' && typeof value.es === 'string';
}

function isPrimitive(value: unknown): value is JsonPrimitive {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** Wraps a catalog `configSchema`; anything that is not an object schema becomes `{}`. */
export function rootSchema(schema: unknown): SchemaNode {
  const root = isObject(schema) ? schema : {};
  return { schema: root, root };
}

function child(parent: SchemaNode, schema: unknown): SchemaNode {
  return { schema: isObject(schema) ? schema : {}, root: parent.root };
}

// JSON Pointer (RFC 6901) into the root; zod only emits `#/$defs/<name>`, but the full form is
// cheap and keeps hand-written schemas working.
function lookupRef(root: SchemaObject, ref: string): SchemaObject | undefined {
  if (!ref.startsWith('#')) return undefined;
  let current: unknown = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return isObject(current) ? current : undefined;
}

function typesOf(schema: SchemaObject): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === 'string');
  return [];
}

function isNullOnly(schema: SchemaObject): boolean {
  const types = typesOf(schema);
  return types.length === 1 && types[0] === 'null';
}

/**
 * Follows `$ref` and unwraps `anyOf`/`oneOf` with a single non-null member (what `.nullable()`
 * produces), keeping the outer schema's own keywords (`ui`, `default`) on top. Stops after a few
 * steps so a recursive definition (`z.json()`) cannot loop.
 */
export function resolve(node: SchemaNode): SchemaNode {
  let schema = node.schema;
  for (let step = 0; step < 8; step++) {
    const { $ref, anyOf, oneOf, ...rest } = schema;
    if (typeof $ref === 'string') {
      const target = lookupRef(node.root, $ref);
      if (!target) return { schema: rest, root: node.root };
      schema = { ...target, ...rest };
      continue;
    }
    const members = Array.isArray(anyOf) ? anyOf : Array.isArray(oneOf) ? oneOf : undefined;
    if (members) {
      const meaningful = members.filter((m): m is SchemaObject => isObject(m) && !isNullOnly(m));
      const [only] = meaningful;
      if (meaningful.length === 1 && only) {
        schema = { ...only, ...rest };
        continue;
      }
    }
    break;
  }
  return { schema, root: node.root };
}

export function uiHints(node: SchemaNode): UiHints {
  const ui = resolve(node).schema.ui;
  if (!isObject(ui)) return { template: false };
  const optionLabels = isObject(ui.optionLabels)
    ? Object.fromEntries(
        Object.entries(ui.optionLabels).filter((e): e is [string, Localized] => isLocalized(e[1])),
      )
    : undefined;
  return {
    widget: typeof ui.widget === 'string' ? ui.widget : undefined,
    language: typeof ui.language === 'string' ? ui.language : undefined,
    template: ui.template === true,
    label: isLocalized(ui.label) ? ui.label : undefined,
    optionLabels,
    ...(typeof ui.kind === 'string' ? { kind: ui.kind } : {}),
    ...(ui.allowLocation === true ? { allowLocation: true } : {}),
    ...(isLocalized(ui.defaultByLanguage) ? { defaultByLanguage: ui.defaultByLanguage } : {}),
    ...(isLocalized(ui.help) ? { help: ui.help } : {}),
    ...(typeof ui.idFrom === 'string' ? { idFrom: ui.idFrom } : {}),
    ...(typeof ui.requiredUnless === 'string' ? { requiredUnless: ui.requiredUnless } : {}),
  };
}

/** Allowed values of an `enum` or `const`; undefined when the schema has neither. */
export function enumValues(node: SchemaNode): JsonPrimitive[] | undefined {
  const { schema } = resolve(node);
  if (Array.isArray(schema.enum)) return schema.enum.filter(isPrimitive);
  if ('const' in schema && isPrimitive(schema.const)) return [schema.const];
  return undefined;
}

export function defaultValue(node: SchemaNode): { value: unknown } | undefined {
  const { schema } = resolve(node);
  return 'default' in schema ? { value: schema.default } : undefined;
}

/** A default shown greyed in an empty control: it applies without being written into the config. */
export function placeholderOf(node: SchemaNode, flowLanguage?: keyof Localized): string | undefined {
  const byLanguage = uiHints(node).defaultByLanguage;
  if (flowLanguage && byLanguage) return byLanguage[flowLanguage];
  const fallback = defaultValue(node);
  if (!fallback || fallback.value === '' || fallback.value === undefined) return undefined;
  return typeof fallback.value === 'string' ? fallback.value : formatJsonText(fallback.value);
}

/** The field's label in the UI language, or its property name made readable. */
export function labelOf(name: string, node: SchemaNode, locale: keyof Localized): string {
  return uiHints(node).label?.[locale] ?? humanize(name);
}

export function properties(node: SchemaNode): PropertyNode[] {
  const resolved = resolve(node);
  const { schema } = resolved;
  if (!isObject(schema.properties)) return [];
  const required = Array.isArray(schema.required) ? schema.required : [];
  return Object.entries(schema.properties).map(([name, property]) => ({
    name,
    node: child(resolved, property),
    required: required.includes(name),
  }));
}

/**
 * Whether a property must be filled in `object` as it is now: the schema's `required`, or a
 * `requiredUnless` field whose sibling is empty (the node's cross-field rule, checked again by
 * the server's validation).
 */
export function requiredIn(property: PropertyNode, object: Record<string, unknown>): boolean {
  if (property.required) return true;
  const sibling = uiHints(property.node).requiredUnless;
  if (!sibling) return false;
  const other = object[sibling];
  return other === undefined || other === null || (typeof other === 'string' && other.trim() === '');
}

export function arrayItems(node: SchemaNode): SchemaNode {
  const resolved = resolve(node);
  return child(resolved, resolved.schema.items);
}

/** The schema of a record's values (`additionalProperties`), or undefined when it has none. */
export function recordValues(node: SchemaNode): SchemaNode | undefined {
  const resolved = resolve(node);
  const extra = resolved.schema.additionalProperties;
  if (extra === true) return child(resolved, {});
  return isObject(extra) ? child(resolved, extra) : undefined;
}

export function minItems(node: SchemaNode): number {
  const value = resolve(node).schema.minItems;
  return typeof value === 'number' ? value : 0;
}

export function numberBounds(node: SchemaNode): { min?: number; max?: number; integer: boolean } {
  const { schema } = resolve(node);
  return {
    min: typeof schema.minimum === 'number' ? schema.minimum : undefined,
    max: typeof schema.maximum === 'number' ? schema.maximum : undefined,
    integer: typesOf(schema).includes('integer'),
  };
}

type Kind = 'string' | 'number' | 'boolean' | 'enum' | 'object' | 'record' | 'array' | 'json';

function kindOf(node: SchemaNode): Kind {
  const { schema } = resolve(node);
  if (enumValues(node)) return 'enum';
  const types = typesOf(schema).filter((t) => t !== 'null');
  // No type (z.json(), z.unknown()) or several (anyOf string|number|…): any JSON value.
  if (types.length !== 1) return 'json';
  switch (types[0]) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'array';
    case 'object':
      if (isObject(schema.properties) && Object.keys(schema.properties).length > 0) return 'object';
      return recordValues(node) ? 'record' : 'json';
    default:
      return 'json';
  }
}

/**
 * Which control edits a schema: the `ui.widget` hint when it fits the schema, else one picked from
 * the JSON type. The form and the issue router both use it, so an issue lands where a field is.
 */
export function widgetOf(node: SchemaNode): Widget {
  const kind = kindOf(node);
  switch (uiHints(node).widget) {
    case 'select':
      if (kind === 'enum') return 'select';
      break;
    case 'template':
      return kind === 'string' ? 'template' : 'json';
    case 'duration':
      if (kind === 'string') return 'duration';
      break;
    case 'rows':
      if (kind === 'array') return 'rows';
      break;
    case 'key-value':
      if (kind === 'record' || kind === 'json') return 'key-value';
      break;
    case 'code':
      if (kind === 'string') return 'code';
      break;
    case 'script':
      if (kind === 'string') return 'script';
      break;
    case 'library-template':
      if (kind === 'string') return 'library-template';
      break;
    case 'voice-prompt':
      if (kind === 'string') return 'voice-prompt';
      break;
    case 'subflow':
      if (kind === 'string') return 'subflow';
      break;
  }
  const byKind: Record<Kind, Widget> = {
    string: 'text',
    number: 'number',
    boolean: 'toggle',
    enum: 'select',
    object: 'object',
    record: 'key-value',
    array: 'rows',
    json: 'json',
  };
  return byKind[kind];
}

/** "startedAt" → "Started at", "max_retries" → "Max retries": a label when the node gave none. */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
