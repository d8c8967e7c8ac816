import { useMemo } from 'react';
import { usePoll } from '../../api/use-poll.ts';
import type { components } from '../../api/api-schema.ts';

export type DataJob = NonNullable<components['schemas']['DataJob']>;

// Half a second reads as live progress without flooding the server.
export const jobPollMs = 500;

/** Follows a backup or export job from its id until it is done or failed. */
export function useJob(id: string | null, load: (id: string) => Promise<DataJob | null>) {
  const read = useMemo(() => (id ? () => load(id) : null), [id]);
  return usePoll(read, jobPollMs, (job) => job !== null && job.status !== 'running');
}
