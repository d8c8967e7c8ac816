export const benchmarkNames = [
  'compile',
  'builder',
  'workflows',
  'runs-list',
  'chat',
  'voice',
  'email-send',
  'mail',
  'segments',
  'send-api',
  'import',
  'campaigns',
  'engines',
  'instant-cpu',
  'flow-analytics',
  'webhook',
  'reports',
  'code-node',
] as const;
export type BenchmarkName = (typeof benchmarkNames)[number];

/**
 * Which benchmarks to run: `npm run bench -- --only chat` (or `--only=chat,compile`, or
 * BENCH_ONLY=chat); all of them by default. An unknown name stops the run rather than
 * silently measuring nothing.
 */
export function selectedBenchmarks(argv: string[], env: string | undefined): Set<BenchmarkName> {
  const flag = argv.findIndex((arg) => arg === '--only' || arg.startsWith('--only='));
  const list = flag >= 0 ? (argv[flag]!.split('=')[1] ?? argv[flag + 1]) : env;
  if (!list) return new Set(benchmarkNames);
  const names = list.split(',').map((name) => name.trim());
  const selected = new Set<BenchmarkName>();
  for (const name of names) {
    const known = benchmarkNames.find((n) => n === name);
    if (!known) throw new Error(`Unknown benchmark "${name}"; choose from ${benchmarkNames.join(', ')}`);
    selected.add(known);
  }
  return selected;
}
