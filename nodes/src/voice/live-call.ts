import { z } from 'zod';
import type { Call } from '../drivers/voice/voice-driver.ts';
import { NodeError } from '../sdk/node-error.ts';
import type { ActivityDeps, TemplateScope } from '../sdk/types.ts';

/** Activity options every node that acts on the call shares. */
export const callActivityOptions = {
  // Runs on the task queue of the process holding the call: RTP cannot move to another worker.
  queue: 'call',
  startToCloseTimeout: '10m',
  // A retry cannot replay audio the caller already heard or take keys back: one attempt.
  retry: { maximumAttempts: 1 },
} as const;

/** The error a voice node ends with when the caller is gone; the run ends as abandoned. */
export const callerHungUp = (callId: string) =>
  new NodeError('CALLER_HUNG_UP', `The caller hung up (call ${callId})`, false);

/** The run's live call: the `voice.inbound-call` trigger put its id in the run's input. */
export function liveCall(scope: TemplateScope, deps: ActivityDeps): Call {
  if (!deps.voice)
    throw new NodeError(
      'VOICE_NOT_CONFIGURED',
      'This worker has no voice endpoint (OMNIFLOW_SIP_ENABLED)',
      false,
    );
  const input = scope.input as { callId?: unknown } | null;
  if (typeof input?.callId !== 'string')
    throw new NodeError('CALL_MISSING', 'This run did not start from a call (voice.inbound-call)', false);
  return deps.voice.call(input.callId);
}

/**
 * Runs `act` on the call, turning the driver's "call ended" into CALLER_HUNG_UP so the workflow
 * can tell a caller who left from a node that broke.
 */
export async function onCall<T>(call: Call, act: () => Promise<T>): Promise<T> {
  try {
    return await act();
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'CALL_ENDED') throw callerHungUp(call.id);
    throw error;
  }
}

export const languageSchemaOptions = {
  widget: 'select',
  label: { en: 'Language', es: 'Idioma' },
  optionLabels: { es: { en: 'Spanish', es: 'Español' }, en: { en: 'English', es: 'Inglés' } },
} as const;

/** The key that ends what the caller types or says (`#`, `*` or none), as gather and record offer it. */
export const finishKeySchema = (en: string, es: string) =>
  z
    .enum(['#', '*', ''])
    .default('#')
    .meta({
      ui: {
        widget: 'select',
        label: { en, es },
        optionLabels: {
          '#': { en: '#', es: '#' },
          '*': { en: '*', es: '*' },
          '': { en: 'None', es: 'Ninguna' },
        },
      },
    });
