import { NodeError } from '../../../sdk/node-error.ts';

/** Stable codes for what can go wrong on the built-in SIP endpoint (CONVENTIONS: errors carry a code). */
export type VoiceErrorCode =
  | 'SIP_MESSAGE_INVALID'
  | 'SIP_REQUEST_TIMEOUT'
  | 'SDP_NO_COMMON_CODEC'
  | 'RTP_PORTS_EXHAUSTED'
  | 'CALL_ENDED'
  | 'CALL_NOT_ANSWERED'
  | 'NO_TTS_CONFIGURED'
  | 'AUDIO_FORMAT_UNSUPPORTED'
  | 'AUDIO_FETCH_FAILED'
  | 'TRANSFER_UNSUPPORTED'
  | 'CALL_BRIDGED'
  | 'SIP_TRUNK_MISSING'
  | 'TRANSFER_TARGET_INVALID'
  | 'PLACED_CALL_UNSUPPORTED';

export class VoiceError extends NodeError {
  constructor(code: VoiceErrorCode, message: string, retryable = false) {
    super(code, message, retryable);
    this.name = 'VoiceError';
  }
}
