import { NodeError } from '@omniflow/nodes/sdk';
import { numberOwner } from '../channel-numbers/number-claims.ts';
import { errorBody } from './api-error.ts';
import type { AppDeps } from './app-deps.ts';
import { channelNumbersOf } from './channel-numbers-of.ts';
import { channelResolverOf } from './channel-resolver-of.ts';

export type VoiceTokenLookup =
  | { found: 'token'; token: string }
  | { found: 'elsewhere' | 'none' }
  | { found: 'unusable'; body: ReturnType<typeof errorBody> };

/**
 * The auth token a voice webhook of `workspaceId` is checked with: the one of the workspace's
 * further Twilio number the call is about (To of a call made to it; From of one it placed),
 * else the workspace's own Twilio settings. A number another workspace has is refused
 * (`elsewhere`): its calls are not this workspace's to answer. Read before the signature only
 * to pick whose token checks it.
 */
export async function twilioVoiceToken(
  deps: AppDeps,
  workspaceId: string,
  form: URLSearchParams,
): Promise<VoiceTokenLookup> {
  const to = form.get('To') || undefined;
  const from = form.get('From') || undefined;
  const placed = (form.get('Direction') ?? '').startsWith('outbound');
  try {
    if (to) {
      const owner = await numberOwner(deps.db, 'sms', to);
      if (owner && owner.workspaceId !== workspaceId) return { found: 'elsewhere' };
    }
    // A caller may well be another workspace's number: From is only ours on a call we placed.
    for (const address of placed ? [from, to] : [to]) {
      if (!address) continue;
      const number = await channelNumbersOf(deps).byAddress('sms', address);
      if (number?.workspaceId !== workspaceId || number.settings.provider !== 'twilio') continue;
      const token = number.settings.secrets.authToken;
      if (token) return { found: 'token', token };
    }
    const saved = await channelResolverOf(deps).store.read(workspaceId, 'sms');
    const token = saved?.settings.provider === 'twilio' ? saved.settings.secrets.authToken : undefined;
    return token ? { found: 'token', token } : { found: 'none' };
  } catch (error) {
    // Saved settings that no longer open or parse: the reason, not a bare 500.
    if (!(error instanceof NodeError)) throw error;
    return { found: 'unusable', body: errorBody(error.code, error.message) };
  }
}
