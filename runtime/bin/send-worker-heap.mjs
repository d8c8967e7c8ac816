// The heap `omniflow worker --campaign-sends` runs with unless NODE_OPTIONS already sets one:
// measured in runtime/bench/campaign-sms-benchmark.ts, it keeps the send worker's resident set
// under 300 MB and flat from 10,000 to 100,000 people (V8's default heap grows with the volume).
// The send path holds at most a few slices of rendered messages (campaign-sending.ts), well inside it.
export const sendWorkerHeapFlags = ['--max-old-space-size=224', '--max-semi-space-size=8'];

/** NODE_OPTIONS for a process started with these args: the bound added for a send worker. */
export function nodeOptionsFor(args, nodeOptions = '') {
  const sendWorker = args[0] === 'worker' && args.includes('--campaign-sends');
  if (!sendWorker || /--max-old-space-size/.test(nodeOptions)) return nodeOptions;
  return [nodeOptions, ...sendWorkerHeapFlags].filter(Boolean).join(' ');
}
