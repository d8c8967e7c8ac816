// The benchmark's workflow bundle: the real flowRun beside a workflow that does nothing, the
// baseline every flow run is measured against on the same server in the same run.
export { flowRun } from '../src/temporal/workflows.ts';

export async function noopWorkflow(): Promise<string> {
  return 'done';
}
