import { bundleWorkflowCode } from '@temporalio/worker';
import { quietBundlerLogger, sharedWorkflowModules, workflowsPath } from './workflow-bundle-paths.ts';

// Run as a child process by workflow-bundle.ts: webpack's memory ends with this process instead
// of staying resident in the server. Writes the bundle ({ code, sourceMap }) as JSON on stdout.
const bundle = await bundleWorkflowCode({
  workflowsPath,
  preloadModules: sharedWorkflowModules,
  logger: quietBundlerLogger,
});
process.stdout.write(JSON.stringify(bundle));
