#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so no build step stands between a change and its use.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { nodeOptionsFor } from './send-worker-heap.mjs';

const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx/cli');
const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const args = process.argv.slice(2);
// Heap flags must be there when the process starts: a campaign send worker gets its bound here.
const nodeOptions = nodeOptionsFor(args, process.env.NODE_OPTIONS);
const result = spawnSync(process.execPath, [tsx, main, ...args], {
  stdio: 'inherit',
  env: nodeOptions ? { ...process.env, NODE_OPTIONS: nodeOptions } : process.env,
});
process.exit(result.status ?? 1);
