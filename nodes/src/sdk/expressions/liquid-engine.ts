import { Context, Liquid, Value, toValueSync, type Template } from 'liquidjs';

// One engine per isolate. It reads no files or clock of its own, so it is safe inside Temporal's
// deterministic workflow sandbox. (No `cache` option: it caches only file templates, which we do
// not use.)
const engine = new Liquid({ strictFilters: true, ownPropertyOnly: true });

// Parsing costs more than rendering, and a flow renders the same few templates run after run
// (the worker shares this module between workflows), so parsed templates are kept, the most
// recently added 500 of each kind. A parsed template is read-only: rendering keeps its state in
// the render context, so sharing one changes no result.
const cacheSize = 500;
const parsedValues = new Map<string, Value>();
const parsedTemplates = new Map<string, Template[]>();

function parsed<T>(cache: Map<string, T>, source: string, parse: () => T): T {
  let entry = cache.get(source);
  if (entry === undefined) {
    entry = parse();
    if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
    cache.set(source, entry);
  }
  return entry;
}

/** Liquid's value of one expression (`input.amount | plus: 1`), keeping its type. Throws as Liquid does. */
export function liquidValue(expression: string, scope: object): unknown {
  const value = parsed(parsedValues, expression, () => new Value(expression, engine));
  // What engine.evalValueSync does, with the parsed value kept.
  return toValueSync(value.value(new Context(scope, engine.options, {}, { liquid: engine }), false));
}

/** A template rendered to text by Liquid. Throws as Liquid does. */
export function liquidText(template: string, scope: object): string {
  const templates = parsed(parsedTemplates, template, () => engine.parse(template));
  return String(engine.renderSync(templates, scope));
}

/** Parses a template without rendering it; throws Liquid's parse error. */
export function liquidParse(template: string): void {
  engine.parse(template);
}
