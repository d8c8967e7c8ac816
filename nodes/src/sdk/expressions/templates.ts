import { NodeError } from '../node-error.ts';
import {
  failureOf,
  liquidErrorPosition,
  liquidLibraryText,
  liquidParse,
  liquidText,
  liquidValue,
} from './liquid-engine.ts';
import { notPlain, readSinglePath, renderPlainPaths } from './plain-paths.ts';
import { TemplateLimitError } from './render-budget.ts';
import { TemplateFileError } from './template-files.ts';

export { templateLimits, TemplateLimitError } from './render-budget.ts';
export { TemplateFileError } from './template-files.ts';

/**
 * TEMPLATE_INVALID: it does not parse or a filter failed; TEMPLATE_LIMIT: it went over
 * `templateLimits`; TEMPLATE_FILE_ACCESS: it named a file that is not in the template library.
 */
export type TemplateErrorCode = 'TEMPLATE_INVALID' | 'TEMPLATE_LIMIT' | 'TEMPLATE_FILE_ACCESS';

const singleOutput = /^\s*\{\{-?\s*([^{}]*?)\s*-?\}\}\s*$/;

function codeOf(cause: unknown): TemplateErrorCode {
  return cause instanceof TemplateLimitError || cause instanceof TemplateFileError
    ? cause.code
    : 'TEMPLATE_INVALID';
}

// The message is stored with the run and shown in the builder: a huge template is cut.
const shortened = (template: string) => (template.length > 200 ? `${template.slice(0, 200)}…` : template);

/** A template that cannot render. Not retryable: the same template fails the same way again. */
export class TemplateError extends NodeError {
  declare readonly code: TemplateErrorCode;
  constructor(
    readonly template: string,
    error: unknown,
  ) {
    const cause = failureOf(error);
    super(
      codeOf(cause),
      `Template "${shortened(template)}" could not be rendered: ${cause instanceof Error ? cause.message : String(cause)}`,
      false,
    );
    this.name = 'TemplateError';
  }
}

/** Renders a Liquid template to text. */
export function renderText(template: string, scope: object): string {
  const plain = renderPlainPaths(template, scope);
  if (plain !== notPlain) return plain;
  try {
    return liquidText(template, scope);
  } catch (error) {
    throw new TemplateError(template, error);
  }
}

/**
 * Evaluates a value that may be a template. A string that is one `{{ expression }}` keeps the
 * expression's type (a number stays a number, an object an object); other strings render as
 * text; non-strings pass through. This is what designers expect of `{{ input.amount }}`.
 */
export function evaluateValue(value: unknown, scope: object): unknown {
  if (typeof value !== 'string') return value;
  const plain = readSinglePath(value, scope);
  if (plain !== notPlain) return plain;
  const single = singleOutput.exec(value);
  if (single && single[1]) {
    try {
      return liquidValue(single[1], scope);
    } catch (error) {
      throw new TemplateError(value, error);
    }
  }
  if (!value.includes('{{') && !value.includes('{%')) return value;
  return renderText(value, scope);
}

/** Evaluates every string of an object or array, recursively. */
export function evaluateDeep(value: unknown, scope: object): unknown {
  if (typeof value === 'string') return evaluateValue(value, scope);
  if (Array.isArray(value)) return value.map((item) => evaluateDeep(item, scope));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, evaluateDeep(item, scope)]));
  }
  return value;
}

/** Syntax check for the validator: the parse error message, or undefined when it parses. */
export function templateSyntaxError(template: string): string | undefined {
  try {
    liquidParse(template);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Renders a template of the workspace's template library: `include`/`render`/`layout` may name
 * the library's other templates (`files`, name → source in the render's language). With
 * `escapeHtml` (an email's MJML) every output is HTML-escaped unless it ends in `| raw`.
 */
export function renderLibraryText(
  template: string,
  scope: object,
  files: ReadonlyMap<string, string>,
  options: { escapeHtml?: boolean } = {},
): string {
  // A campaign renders its text once per person: plain paths need no engine of their own (an
  // include is a tag, so a plain template reads no library file); escaped HTML goes to Liquid.
  if (!options.escapeHtml) {
    const plain = renderPlainPaths(template, scope);
    if (plain !== notPlain) return plain;
  }
  try {
    return liquidLibraryText(template, scope, files, options.escapeHtml ?? false);
  } catch (error) {
    throw new TemplateError(template, error);
  }
}

/** Why a template does not parse, and where (1-based line), for an error shown at save. */
export interface TemplateSyntaxProblem {
  message: string;
  line?: number;
  column?: number;
}

/** The parse error of a template with its line, or undefined when it parses. */
export function templateSyntaxProblem(template: string): TemplateSyntaxProblem | undefined {
  try {
    liquidParse(template);
    return undefined;
  } catch (error) {
    const position = liquidErrorPosition(error);
    const raw = error instanceof Error ? error.message : String(error);
    // Liquid appends ", line:3, col:1"; the position is given apart.
    const message = raw.replace(/, line:\d+, col:\d+$/, '');
    return position ? { message, ...position } : { message };
  }
}
