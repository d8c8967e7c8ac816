import { toValue } from 'liquidjs';

/**
 * What one template may cost. Liquid also runs inside the Temporal workflow sandbox, where the
 * clock stands still during a workflow task, so the limits that must stop a runaway loop there
 * count work (steps, characters), which replays identically; the time limit is a backstop for
 * activities, where the clock is real.
 */
export const templateLimits = {
  /** Characters of one template's source. */
  sourceChars: 200_000,
  /** Blocks and tags rendered (every loop iteration is at least one). */
  steps: 100_000,
  /** Characters of text one render gives. */
  outputChars: 1_000_000,
  /** Liquid's allocation count: range sizes, array and string filter results, captured text. */
  memory: 2_000_000,
  /** Wall-clock milliseconds of one render (real only outside the workflow sandbox). */
  ms: 1_000,
} as const;

/** Thrown when a template goes over one of `templateLimits`. */
export class TemplateLimitError extends Error {
  readonly code = 'TEMPLATE_LIMIT';
  constructor(what: string) {
    super(`Template stopped: ${what}. Loop over fewer items or make the text shorter.`);
    this.name = 'TemplateLimitError';
  }
}

/** Counts one render's work against `templateLimits`; throws TemplateLimitError past any of them. */
export class RenderBudget {
  private steps = 0;
  private memory = 0;
  private output = 0;
  // Date.now, not performance.now: in the workflow sandbox it is the task's fixed time, so this
  // limit never fires there and replays cannot differ.
  private readonly deadline = Date.now() + templateLimits.ms;
  /** The limit that stopped the render, if one did (Liquid may wrap what we threw). */
  exceeded: TemplateLimitError | undefined;

  step(): void {
    this.steps += 1;
    if (this.steps > templateLimits.steps) this.stop(`more than ${templateLimits.steps} render steps`);
    if (this.steps % 64 === 0 && Date.now() > this.deadline) {
      this.stop(`rendering took more than ${templateLimits.ms} ms`);
    }
  }

  allocate(count: number): void {
    if (!(count > 0)) return;
    this.memory += count;
    if (this.memory > templateLimits.memory) this.stop(`more than ${templateLimits.memory} values allocated`);
  }

  write(chars: number): void {
    this.output += chars;
    if (this.output > templateLimits.outputChars) {
      this.stop(`the text is longer than ${templateLimits.outputChars} characters`);
    }
  }

  private stop(what: string): never {
    this.exceeded ??= new TemplateLimitError(what);
    throw this.exceeded;
  }
}

/**
 * Liquid's own text of an output value (its `stringify`): arrays joined, nil empty. A plain object
 * is the one exception: Liquid would write "[object Object]" to a citizen; here it is its fields
 * (`answer: Ana, retries: 0`), and the validator warns the designer (TEMPLATE_RENDERS_OBJECT).
 */
export function textOf(value: unknown): string {
  const plain: unknown = toValue(value);
  if (typeof plain === 'string') return plain;
  if (plain === null || plain === undefined) return '';
  // Records in a list read apart ("a: 1; b: 2"); other items join as Liquid joins them.
  if (Array.isArray(plain)) return plain.map(textOf).join(plain.some(isRecord) ? '; ' : '');
  if (isRecord(plain)) return fieldsText(plain);
  return String(plain);
}

function isRecord(value: unknown): value is object {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function fieldsText(record: object): string {
  const fields = Object.entries(record).filter(([, item]) => item !== null && item !== undefined);
  return fields
    .map(([key, item]) => {
      if (Array.isArray(item)) return `${key}: ${item.map((entry) => fieldText(entry)).join(', ')}`;
      return `${key}: ${fieldText(item)}`;
    })
    .join(', ');
}

function fieldText(item: unknown): string {
  if (isRecord(item)) return `(${fieldsText(item)})`;
  return textOf(item);
}

/** A Liquid emitter that charges every character written before keeping it. */
export class CountedText {
  buffer = '';
  constructor(private readonly charge: (chars: number) => void) {}

  write(html: unknown): void {
    const text = textOf(html);
    this.charge(text.length);
    this.buffer += text;
  }
}
