import { useEffect, useState } from 'react';
import { ApiError, client, ok } from '../../api/client.ts';
import { toApiRules, type Group } from './segment-draft.ts';

/** How long the tree must stay still before it is counted: typing a value counts once. */
export const liveCountDelayMs = 400;

export interface LiveCount {
  count: number | null;
  counting: boolean;
  /** The server's words for a rule that does not fit (it names the rule). */
  problem: string | null;
}

/** The number of people a rule tree selects now, counted again (debounced) as it changes. */
export function useLiveCount(rules: Group | null): LiveCount {
  const [state, setState] = useState<LiveCount>({ count: null, counting: false, problem: null });
  const key = rules ? JSON.stringify(rules) : '';
  useEffect(() => {
    if (!rules) return;
    let current = true;
    setState((s) => ({ ...s, counting: true }));
    const timer = setTimeout(() => {
      ok(client.POST('/segments/count', { body: { rules: toApiRules(rules) } })).then(
        ({ count }) => current && setState({ count, counting: false, problem: null }),
        (error: unknown) =>
          current &&
          setState({
            count: null,
            counting: false,
            problem: error instanceof ApiError || error instanceof Error ? error.message : String(error),
          }),
      );
    }, liveCountDelayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // The tree is compared by its JSON: a new object with the same rules is not a change.
  }, [key]);
  return state;
}
