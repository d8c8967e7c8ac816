import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';

export { sharedWorkflowModules, workflowsPath } from './workflow-bundle-paths.ts';

const run = promisify(execFile);
const bundler = fileURLToPath(new URL('./bundle-workflows-process.ts', import.meta.url));
// tsx's loader in the child, as the `omniflow` command runs the server itself.
const tsxLoader = new URL('../../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/**
 * Bundles the workflow code once per process; every worker after the first reuses it. Webpack
 * runs in a short-lived child process: bundling in the server left ~130 MB resident for good.
 */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleInChildProcess();
  return bundle;
}

async function bundleInChildProcess(): Promise<WorkflowBundleWithSourceMap> {
  const { stdout, stderr } = await run(process.execPath, ['--import', tsxLoader, bundler], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (stderr.trim()) console.warn(stderr.trim());
  return JSON.parse(stdout) as WorkflowBundleWithSourceMap;
}
