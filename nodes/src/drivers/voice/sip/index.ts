export { SipVoiceDriver, type SipVoiceDriverDependencies } from './sip-voice-driver.ts';
export { SipCall, type PromptSynthesizer } from './sip-call.ts';
export {
  sipEndpointOptionsSchema,
  type SipEndpointOptions,
  type SipEndpointOptionsInput,
} from './sip-endpoint-options.ts';
export { VoiceError, type VoiceErrorCode } from './voice-error.ts';
export { PlacedSipCall } from './placed-call.ts';
