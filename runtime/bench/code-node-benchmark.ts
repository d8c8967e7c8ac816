import { runInSandbox, scriptSource } from '@omniflow/nodes/logic/code';
import { codeNodeHeading } from './write-benchmarks-md.ts';
import { measuredOn } from './measured-on.ts';

export interface CodeNodeFigures {
  evaluations: number;
  sandboxMs: number;
  typescriptMs: number;
  baselineMs: number;
}

const body = `const total = input.items.reduce((sum, item) => sum + item.price * item.qty, 0);
return { total: total * (1 - vars.discount), count: input.items.length };`;
const globals = {
  input: { items: Array.from({ length: 20 }, (_, i) => ({ price: i + 1, qty: (i % 3) + 1 })) },
  vars: { discount: 0.1 },
  nodes: {},
  run: { id: 'r', flowId: 'f', version: 1, startedAt: '2026-01-01T00:00:00Z' },
};
const limits = { timeMs: 1000, memoryBytes: 32 * 1024 * 1024, outputChars: 256 * 1024 };

// The same computation as a plain host function, fed the same JSON copy of the context: the floor.
const baseline = new Function('input', 'vars', 'nodes', 'run', body) as (...args: unknown[]) => unknown;

async function timeIt(n: number, once: () => Promise<unknown> | unknown): Promise<number> {
  for (let i = 0; i < 20; i++) await once();
  const started = performance.now();
  for (let i = 0; i < n; i++) await once();
  return performance.now() - started;
}

/** 1,000 evaluations of the code node's sandbox (JavaScript and TypeScript) against a plain function. */
export async function codeNodeBenchmark(evaluations = 1000): Promise<CodeNodeFigures> {
  const js = scriptSource('javascript', body);
  const ts = scriptSource(
    'typescript',
    body.replace('(sum, item)', '(sum: number, item: { price: number; qty: number })'),
  );
  if (!js.ok || !ts.ok) throw new Error('benchmark script does not parse');
  const sandboxMs = await timeIt(evaluations, () => runInSandbox(js.wrapped, globals, limits));
  const typescriptMs = await timeIt(evaluations, () => runInSandbox(ts.wrapped, globals, limits, ts.lines));
  const baselineMs = await timeIt(evaluations, () => {
    const copy = JSON.parse(JSON.stringify(globals)) as typeof globals;
    return JSON.parse(JSON.stringify(baseline(copy.input, copy.vars, copy.nodes, copy.run)));
  });
  return { evaluations, sandboxMs, typescriptMs, baselineMs };
}

export function codeNodeReport(f: CodeNodeFigures): string {
  const per = (ms: number) => `${((ms / f.evaluations) * 1000).toFixed(0)} µs`;
  return [
    codeNodeHeading,
    '',
    `\`npm run bench -- --only code-node\`, ${measuredOn()}: ${f.evaluations.toLocaleString('en')} evaluations of a script that totals a 20-item basket.`,
    '',
    '| what | 1,000 evaluations | each | vs plain function |',
    '|---|---|---|---|',
    `| logic.code, JavaScript, QuickJS sandbox | ${f.sandboxMs.toFixed(0)} ms | ${per(f.sandboxMs)} | ${(f.sandboxMs / f.baselineMs).toFixed(0)}× |`,
    `| logic.code, TypeScript (transpiled once, cached) | ${f.typescriptMs.toFixed(0)} ms | ${per(f.typescriptMs)} | ${(f.typescriptMs / f.baselineMs).toFixed(0)}× |`,
    `| baseline: the same body as a plain host function (same run) | ${f.baselineMs.toFixed(1)} ms | ${per(f.baselineMs)} | 1× |`,
    '',
    'The QuickJS WebAssembly module is compiled once per process and reused; every evaluation gets a',
    'fresh QuickJS runtime and context (own heap, globals, prototypes and job queue) that is freed',
    'afterwards, and the context crosses in and out only as JSON text, so nothing one script changes',
    '(Object.prototype, globals) is seen by the host or by the next script. A script that leaves an',
    'async function suspended makes the module itself be replaced. TypeScript is transpiled once per',
    'distinct source (cached). The time includes the JSON copy in and out, as the node does.',
  ].join('\n');
}
