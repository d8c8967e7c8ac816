import { TwilioSmsDriver } from '@omniflow/nodes/drivers/sms';
import { NodeError } from '@omniflow/nodes/sdk';
import { numberOwner } from '../channel-numbers/number-claims.ts';
import { driverFromSettings } from '../messaging/driver-from-settings.ts';
import { errorBody } from './api-error.ts';
import type { AppDeps } from './app-deps.ts';
import { channelNumbersOf } from './channel-numbers-of.ts';

export type TwilioNumberLookup =
  | { found: 'number'; driver: TwilioSmsDriver }
  | { found: 'elsewhere' }
  | { found: 'none' }
  | { found: 'unusable'; body: ReturnType<typeof errorBody> };

/**
 * The further Twilio number a webhook was sent to (its To), when the workspace in the URL has
 * one: its own auth token checks the signature. A number another workspace has is not this
 * workspace's to read (`elsewhere`); `none` leaves the channel's own settings to answer.
 */
export async function twilioNumberDriver(
  deps: AppDeps,
  workspaceId: string,
  to: string | undefined,
): Promise<TwilioNumberLookup> {
  if (!to) return { found: 'none' };
  const owner = await numberOwner(deps.db, 'sms', to);
  if (owner && owner.workspaceId !== workspaceId) return { found: 'elsewhere' };
  try {
    const number = await channelNumbersOf(deps).byAddress('sms', to);
    if (!number) return { found: 'none' };
    const driver = driverFromSettings('sms', number.settings, {
      workspaceId,
      ...(process.env.OMNIFLOW_PUBLIC_URL ? { publicUrl: process.env.OMNIFLOW_PUBLIC_URL } : {}),
    });
    return driver instanceof TwilioSmsDriver ? { found: 'number', driver } : { found: 'none' };
  } catch (error) {
    if (!(error instanceof NodeError)) throw error;
    return { found: 'unusable', body: errorBody(error.code, error.message) };
  }
}
