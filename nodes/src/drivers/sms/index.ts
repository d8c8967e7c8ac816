export { SmppDriver, type SmppDriverOptions, type SmppEvent } from './smpp-driver.ts';
export type { LinkEvent } from './smpp-link.ts';
export { TwilioSmsDriver, type TwilioDriverOptions } from './twilio-driver.ts';
export { verifyTwilioSignature, twilioSignature } from '../twilio/twilio-signature.ts';
export { classifyOptKeyword, type OptKeyword } from './opt-out.ts';
export { renderSmsText } from './render-sms-text.ts';
