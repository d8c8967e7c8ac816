// Values the global setup (./global-setup.ts) hands to every test file through `inject()`.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** host:port of the Temporal server for this run (TEMPORAL_ADDRESS or the dev server started for it). */
    temporalAddress: string;
    /** Path of the time-skipping test server binary; '' lets the Temporal SDK download one. */
    testServerPath: string;
    /** A PostgreSQL server to test against (OMNIFLOW_TEST_DATABASE_URL); '' means skip those tests. */
    postgresUrl: string;
  }
}
