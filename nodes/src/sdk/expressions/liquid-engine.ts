import { CaptureTag, Context, Liquid, LiquidError, Value, toValueSync, type Template } from 'liquidjs';
import { CountedText, RenderBudget, TemplateLimitError, templateLimits, textOf } from './render-budget.ts';
import { TemplateFileError, TemplateFiles } from './template-files.ts';

// `capture` renders into a buffer of Liquid's own that nothing counts; this one charges the
// captured text to the render's memory, so a loop inside a capture cannot grow it without bound.
class CountedCapture extends CaptureTag {
  override *render(ctx: Context): Generator<unknown, void, string> {
    const text = new CountedText((chars) => ctx.memoryLimit.use(chars));
    yield this.liquid.renderer.renderTemplates(this.templates, ctx, text);
    Object.assign(ctx.bottom(), { [this.variable]: text.buffer });
  }
}

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&#34;',
  "'": '&#39;',
};

// Liquid's `escape` filter, but an object is written as its fields (textOf), as in plain text.
function escapeOutput(this: { context: Context }, value: unknown): string {
  const text = textOf(value);
  this.context.memoryLimit.use(text.length);
  return text.replace(/[&<>"']/g, (m) => htmlEscapes[m]!);
}

// An engine reads no clock of its own and no files: `include`, `render` and `layout` see only
// the template library it was given (`TemplateFiles`), never the disk, so it is safe inside
// Temporal's deterministic workflow sandbox and cannot send the worker's files.
// (No `cache` option: it caches only file templates.)
function createEngine(files: TemplateFiles, escapeHtml = false): Liquid {
  const liquid = new Liquid({
    strictFilters: true,
    // In HTML, a value (a name someone typed) is text, not markup; `| raw` opts out.
    ...(escapeHtml ? { outputEscape: escapeOutput } : {}),
    ownPropertyOnly: true,
    fs: files,
    root: [''],
    partials: [''],
    layouts: [''],
    relativeReference: false,
  });
  liquid.registerTag('capture', CountedCapture);
  return liquid;
}

// One engine per isolate for flow templates, whose library is empty: inside the workflow no
// template can include another.
const engine = createEngine(new TemplateFiles());

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
    if (source.length > templateLimits.sourceChars) {
      throw new TemplateLimitError(`the template is longer than ${templateLimits.sourceChars} characters`);
    }
    entry = parse();
    if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
    cache.set(source, entry);
  }
  return entry;
}

/**
 * A render context whose limiters count against `budget`. Liquid's own renderLimit reads
 * `performance.now()`, which is not deterministic in a workflow, and its limiters are not
 * exported, so this render's instances get our checks instead (spawned child contexts share them).
 */
function budgetedContext(scope: object, budget: RenderBudget, liquid: Liquid = engine): Context {
  // `sync`: partials (library includes) are read with the file system's sync calls, as the
  // render itself is run synchronously.
  const ctx = new Context(scope, liquid.options, { sync: liquid !== engine }, { liquid });
  ctx.renderLimit.check = () => budget.step();
  ctx.memoryLimit.use = (count) => budget.allocate(count);
  return ctx;
}

/** Runs one render; a limit that stopped it is what is thrown, however Liquid wrapped it. */
function withinBudget<T>(render: (budget: RenderBudget) => T): T {
  const budget = new RenderBudget();
  try {
    return render(budget);
  } catch (error) {
    throw budget.exceeded ?? error;
  }
}

/** Liquid's value of one expression (`input.amount | plus: 1`), keeping its type. Throws as Liquid does. */
export function liquidValue(expression: string, scope: object): unknown {
  const value = parsed(parsedValues, expression, () => new Value(expression, engine));
  // What engine.evalValueSync does, with the parsed value kept.
  return withinBudget((budget) => toValueSync(value.value(budgetedContext(scope, budget), false)));
}

/** A template rendered to text by Liquid, within `templateLimits`. Throws as Liquid does. */
export function liquidText(template: string, scope: object): string {
  const templates = parsed(parsedTemplates, template, () => engine.parse(template));
  return withinBudget((budget) => {
    const text = new CountedText((chars) => budget.write(chars));
    toValueSync(engine.renderer.renderTemplates(templates, budgetedContext(scope, budget), text));
    return text.buffer;
  });
}

/**
 * A template of the workspace's library rendered to text, where `include`, `render` and `layout`
 * may name the library's other templates (`files`: name → source). Activities only: the engine
 * is built for this render and its parse is not kept, as the library can change between renders.
 */
export function liquidLibraryText(
  template: string,
  scope: object,
  files: ReadonlyMap<string, string>,
  escapeHtml: boolean,
): string {
  if (template.length > templateLimits.sourceChars) {
    throw new TemplateLimitError(`the template is longer than ${templateLimits.sourceChars} characters`);
  }
  const liquid = createEngine(new TemplateFiles(files), escapeHtml);
  return withinBudget((budget) => {
    const templates = liquid.parse(template);
    const text = new CountedText((chars) => budget.write(chars));
    toValueSync(liquid.renderer.renderTemplates(templates, budgetedContext(scope, budget, liquid), text));
    return text.buffer;
  });
}

/** Where a parse failed (1-based line and column), when Liquid knows. */
export function liquidErrorPosition(error: unknown): { line: number; column: number } | undefined {
  if (!(error instanceof LiquidError) || !error.token) return undefined;
  const [line, column] = error.token.getPosition();
  return line === undefined || column === undefined ? undefined : { line, column };
}

/** Parses a template without rendering it; throws Liquid's parse error. */
export function liquidParse(template: string): void {
  if (template.length > templateLimits.sourceChars) {
    throw new TemplateLimitError(`the template is longer than ${templateLimits.sourceChars} characters`);
  }
  engine.parse(template);
}

/** Why a Liquid call failed: our limit or file refusal when Liquid wrapped one, else the error. */
export function failureOf(error: unknown): unknown {
  let current = error;
  while (current instanceof LiquidError && current.originalError) current = current.originalError;
  return current instanceof TemplateFileError || current instanceof TemplateLimitError ? current : error;
}
