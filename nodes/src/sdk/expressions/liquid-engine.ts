import { Liquid } from 'liquidjs';

// One engine per isolate. It reads no files or clock of its own, so it is safe inside Temporal's
// deterministic workflow sandbox. (No `cache` option: it caches only file templates, which we do
// not use.)
const engine = new Liquid({ strictFilters: true, ownPropertyOnly: true });

/** Liquid's value of one expression (`input.amount | plus: 1`), keeping its type. Throws as Liquid does. */
export function liquidValue(expression: string, scope: object): unknown {
  return engine.evalValueSync(expression, scope);
}

/** A template rendered to text by Liquid. Throws as Liquid does. */
export function liquidText(template: string, scope: object): string {
  return engine.parseAndRenderSync(template, scope);
}

/** Parses a template without rendering it; throws Liquid's parse error. */
export function liquidParse(template: string): void {
  engine.parse(template);
}
