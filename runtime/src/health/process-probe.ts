import { errorText, type HealthProbe } from './health-reading.ts';

/**
 * The process itself (`api` or `worker`): up when its own dependency check passes. A process that
 * is not running writes nothing, and that silence is what the availability report counts as down.
 */
export function processProbe(component: 'api' | 'worker', check: () => Promise<void>): HealthProbe {
  return async () => {
    try {
      await check();
      return [{ workspaceId: null, component, kind: component, up: true }];
    } catch (error) {
      return [{ workspaceId: null, component, kind: component, up: false, error: errorText(error) }];
    }
  };
}
