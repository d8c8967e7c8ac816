import { createRequire } from 'node:module';
import type * as TypeScript from 'typescript';
import { wrapScript } from './code-sandbox.ts';

type Language = 'javascript' | 'typescript';

// TypeScript is large (~10 MB of JavaScript): loaded on the first check or transpile, not at start.
let typescript: typeof TypeScript | undefined;
function ts(): typeof TypeScript {
  typescript ??= createRequire(import.meta.url)('typescript') as typeof TypeScript;
  return typescript;
}

/**
 * A syntax problem in a script: the parser's own (English) words, and where, in the author's
 * lines and columns (1-based).
 */
export interface ScriptSyntaxError {
  message: string;
  line: number;
  column: number;
}

// The wrapper puts the author's first line after its own opening: columns there count from after it.
const wrapperPrefixLength = wrapScript('').indexOf('\n');

const transpiled = new Map<string, { wrapped: string; lines?: number[] }>();

const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Per line of the output (1-based), the author's line, from a source map's `mappings` (Source
 * Map v3: `;` separates output lines, `,` segments, each Base64 VLQ fields of which the third is
 * the source line, relative to the previous segment's).
 */
function originalLines(sourceMapText: string | undefined): number[] | undefined {
  if (sourceMapText === undefined) return undefined;
  const { mappings } = JSON.parse(sourceMapText) as { mappings: string };
  const lines: number[] = [0];
  let sourceLine = 0;
  for (const line of mappings.split(';')) {
    let first: number | undefined;
    for (const segment of line.split(',')) {
      if (segment === '') continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = base64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      if (fields.length >= 4) {
        sourceLine += fields[2]!;
        first ??= sourceLine + 1;
      }
    }
    lines.push(first ?? lines.at(-1) ?? 1);
  }
  return lines;
}
const maxCached = 200;

function transpile(language: Language, code: string) {
  const api = ts();
  const result = api.transpileModule(wrapScript(code), {
    fileName: language === 'typescript' ? 'code.ts' : 'code.js',
    reportDiagnostics: true,
    compilerOptions: {
      target: api.ScriptTarget.ES2022,
      module: api.ModuleKind.ESNext,
      allowJs: true,
      // TypeScript prints its output anew (statements split over lines): the map gives errors the author's lines.
      sourceMap: language === 'typescript',
      // The wrapper is one expression; nothing may be imported or exported.
      isolatedModules: false,
    },
  });
  const first = result.diagnostics?.find((d) => d.category === api.DiagnosticCategory.Error);
  if (first === undefined) {
    return { ok: true as const, js: result.outputText, lines: originalLines(result.sourceMapText) };
  }
  const at =
    first.file && first.start !== undefined
      ? first.file.getLineAndCharacterOfPosition(first.start)
      : { line: 0, character: wrapperPrefixLength };
  const line = at.line + 1;
  const column = at.character + 1 - (line === 1 ? wrapperPrefixLength : 0);
  return {
    ok: false as const,
    error: { message: api.flattenDiagnosticMessageText(first.messageText, '\n'), line, column },
  };
}

/** The first syntax error of a script body, or undefined; checked without running anything. */
export function scriptSyntaxError(language: Language, code: string): ScriptSyntaxError | undefined {
  const result = transpile(language, code);
  return result.ok ? undefined : result.error;
}

/**
 * The wrapped JavaScript the sandbox evaluates. JavaScript runs as written (QuickJS reports its
 * own syntax errors with the author's lines); TypeScript is transpiled once per distinct source.
 */
export function scriptSource(
  language: Language,
  code: string,
): { ok: true; wrapped: string; lines?: number[] } | { ok: false; message: string } {
  if (language === 'javascript') return { ok: true, wrapped: wrapScript(code) };
  const cached = transpiled.get(code);
  if (cached !== undefined) return { ok: true, ...cached };
  const result = transpile(language, code);
  if (!result.ok) return { ok: false, message: `${result.error.message} (line ${result.error.line})` };
  // transpileModule ends the expression with `;` and may add an export marker: evalCode wants the function value.
  const wrapped = result.js
    .replace(/\/\/# sourceMappingURL=.*$/m, '')
    .replace(/export \{\};?\s*$/, '')
    .trim()
    .replace(/;$/, '');
  const entry = { wrapped, ...(result.lines ? { lines: result.lines } : {}) };
  if (transpiled.size >= maxCached) transpiled.delete(transpiled.keys().next().value ?? '');
  transpiled.set(code, entry);
  return { ok: true, ...entry };
}
