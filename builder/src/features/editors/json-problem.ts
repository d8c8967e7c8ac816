/**
 * Where a JSON text (RFC 8259) stops being JSON, with line and column, in every browser:
 * JSON.parse's own messages differ per engine and often carry no position. With `template`, Liquid
 * `{{ … }}` may stand for a value (or sit inside a string) and `{% … %}` tags count as
 * whitespace, which is how an http.request body is written before it is rendered.
 */
export type JsonProblemKind = 'end' | 'unexpected' | 'string' | 'template' | 'trailing' | 'invalid';

export interface JsonProblem {
  kind: JsonProblemKind;
  /** 1-based; absent for 'invalid' (JSON.parse refused a text the scanner accepted). */
  line?: number;
  column?: number;
  /** The offending character, for 'unexpected'. */
  char?: string;
}

class Stop {
  constructor(
    readonly kind: JsonProblemKind,
    readonly offset: number,
  ) {}
}

function scan(text: string, template: boolean): Stop | undefined {
  let i = 0;

  const fail = (kind: JsonProblemKind, at = i): never => {
    throw new Stop(at >= text.length && kind === 'unexpected' ? 'end' : kind, at);
  };

  const skipLiquid = (open: string, close: string) => {
    const end = text.indexOf(close, i + open.length);
    if (end < 0) fail('template');
    i = end + close.length;
  };

  const space = () => {
    for (;;) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else if (template && text.startsWith('{%', i)) skipLiquid('{%', '%}');
      else return;
    }
  };

  const expect = (c: string) => {
    if (text[i] !== c) fail('unexpected');
    i++;
  };

  const string = () => {
    const start = i;
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined || c === '\n' || c === '\r') return fail('string', start);
      if (c === '"') return void i++;
      if (c === '\\') {
        const escape = text[i + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('unexpected', i + 1);
          i += 6;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) i += 2;
        else fail(escape === undefined ? 'string' : 'unexpected', escape === undefined ? start : i + 1);
      } else if (c.charCodeAt(0) < 0x20) fail('unexpected');
      else i++;
    }
  };

  const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

  const value = (): void => {
    space();
    const c = text[i];
    if (c === undefined) fail('end');
    if (template && text.startsWith('{{', i)) return skipLiquid('{{', '}}');
    if (c === '{')
      return members('}', () => {
        if (template && text.startsWith('{{', i)) skipLiquid('{{', '}}');
        else if (text[i] === '"') string();
        else fail('unexpected');
        space();
        expect(':');
        value();
      });
    if (c === '[') return members(']', value);
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    number.lastIndex = i;
    if (number.exec(text)) {
      i = number.lastIndex;
      return;
    }
    fail('unexpected');
  };

  const members = (close: string, member: () => void) => {
    i++;
    space();
    if (text[i] === close) return void i++;
    for (;;) {
      space();
      member();
      space();
      if (text[i] === ',') {
        const afterComma = ++i;
        space();
        // A Liquid loop writes "item,{% endfor %}]"; that comma goes away when it renders.
        if (template && text[i] === close && text.slice(afterComma, i).includes('{%')) return void i++;
      } else if (text[i] === close) return void i++;
      else fail('unexpected');
    }
  };

  try {
    value();
    space();
    if (i < text.length) fail('trailing');
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return error;
    throw error;
  }
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** The first problem of a JSON text, or undefined when it is JSON (or blank: nothing to check). */
export function findJsonProblem(text: string, options: { template?: boolean } = {}): JsonProblem | undefined {
  if (text.trim() === '') return undefined;
  const template = options.template ?? false;
  const stop = scan(text, template);
  if (!template) {
    // JSON.parse has the last word on plain JSON; the scanner only says where.
    let parses = true;
    try {
      JSON.parse(text);
    } catch {
      parses = false;
    }
    if (parses) return undefined;
    if (!stop) return { kind: 'invalid' };
  }
  if (!stop) return undefined;
  return {
    kind: stop.kind,
    ...position(text, stop.offset),
    ...(stop.kind === 'unexpected' ? { char: text[stop.offset] } : {}),
  };
}
