import { DefaultLogger, Runtime } from '@temporalio/worker';

// Each test worker process logs Temporal warnings and errors only; worker state chatter hides failures.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Installed already in this process.
}
