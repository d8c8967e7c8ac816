import { describe, expect, it } from 'vitest';
import { sipEndpointOptionsSchema } from '@omniflow/nodes/drivers/voice';
import { voiceEndpointFromEnv } from '../src/voice/voice-endpoint-options.ts';

describe('voice endpoint settings from the environment', () => {
  it('takes the outbound trunk from OMNIFLOW_SIP_TRUNK, and none by default', () => {
    const withTrunk = voiceEndpointFromEnv({ OMNIFLOW_SIP_TRUNK: 'pbx.example.com:5080;transport=tcp' });
    expect(sipEndpointOptionsSchema.parse(withTrunk.sip)).toMatchObject({
      trunk: 'pbx.example.com:5080;transport=tcp',
      ringTimeoutMs: 30_000,
    });
    expect(sipEndpointOptionsSchema.parse(voiceEndpointFromEnv({}).sip).trunk).toBeUndefined();
  });
});
