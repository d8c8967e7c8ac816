import {
  createChannelNumberStore,
  type ChannelNumberStore,
} from '../channel-numbers/channel-number-store.ts';
import type { AppDeps } from './app-deps.ts';
import { channelResolverOf } from './channel-resolver-of.ts';

const stores = new WeakMap<AppDeps, ChannelNumberStore>();

/** The further numbers of workspaces' channels, sealed with the same key as channel settings. */
export function channelNumbersOf(deps: AppDeps): ChannelNumberStore {
  let store = stores.get(deps);
  if (!store) stores.set(deps, (store = createChannelNumberStore(deps.db, channelResolverOf(deps).keyring)));
  return store;
}
