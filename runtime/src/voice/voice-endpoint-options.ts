import { join } from 'node:path';
import type { SipEndpointOptionsInput } from '@omniflow/nodes/drivers/voice';

export interface VoiceEndpointEnv {
  /** Whether the worker answers calls at all. */
  enabled: boolean;
  sip: SipEndpointOptionsInput;
  /** Where synthesised prompts are cached. */
  promptDir: string;
}

const numberOr = (text: string | undefined, fallback: number) => {
  const value = Number(text);
  return text && Number.isInteger(value) ? value : fallback;
};

/**
 * The SIP endpoint's settings from the environment: OMNIFLOW_SIP_ENABLED=1 turns it on;
 * OMNIFLOW_SIP_HOST / _PORT / _PUBLIC_ADDRESS and OMNIFLOW_RTP_PORT_MIN / _MAX place it;
 * OMNIFLOW_SIP_TRUNK (host[:port][;transport=tcp]) is where transfers to phone numbers go.
 * Loopback on 5060 by default: a SIP port open to the world answers anyone (no caller auth yet).
 */
export function voiceEndpointFromEnv(
  env: Record<string, string | undefined>,
  dataDir = '.omniflow',
): VoiceEndpointEnv {
  return {
    enabled: env.OMNIFLOW_SIP_ENABLED === '1' || env.OMNIFLOW_SIP_ENABLED === 'true',
    sip: {
      host: env.OMNIFLOW_SIP_HOST ?? '127.0.0.1',
      port: numberOr(env.OMNIFLOW_SIP_PORT, 5060),
      ...(env.OMNIFLOW_SIP_PUBLIC_ADDRESS ? { publicAddress: env.OMNIFLOW_SIP_PUBLIC_ADDRESS } : {}),
      rtpPortMin: numberOr(env.OMNIFLOW_RTP_PORT_MIN, 20000),
      rtpPortMax: numberOr(env.OMNIFLOW_RTP_PORT_MAX, 20999),
      ...(env.OMNIFLOW_SIP_TRUNK ? { trunk: env.OMNIFLOW_SIP_TRUNK } : {}),
    },
    promptDir: env.OMNIFLOW_PROMPT_DIR ?? join(dataDir, 'prompts'),
  };
}
