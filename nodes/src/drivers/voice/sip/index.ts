export { SipVoiceDriver, type SipVoiceDriverDependencies } from './sip-voice-driver.ts';
export { SipCall, type PromptSynthesizer } from './sip-call.ts';
export {
  sipEndpointOptionsSchema,
  type SipEndpointOptions,
  type SipEndpointOptionsInput,
} from './sip-endpoint-options.ts';
export { VoiceError, type VoiceErrorCode } from './voice-error.ts';
export { PlacedSipCall, type PlacedCallLeg } from './placed-call.ts';
export { RtpSession } from './rtp-session.ts';
export { AudioLoader } from './audio-loader.ts';
export type { AudioFormat, G711Codec } from './sdp.ts';
export {
  buildResponse,
  getHeader,
  parseNameAddr,
  parseSipMessage,
  parseSipUri,
  serializeSipMessage,
  type SipHeader,
  type SipMessage,
  type SipRequest,
} from './sip-message.ts';
