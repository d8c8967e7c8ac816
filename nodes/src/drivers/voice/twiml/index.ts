export {
  TwimlVoiceDriver,
  type PlacedTwimlCall,
  type TwimlAccount,
  type TwimlVoiceDriverOptions,
} from './twiml-voice-driver.ts';
export { TwimlCall } from './twiml-call.ts';
export { renderTwiml, type TwimlVerb } from './twiml-document.ts';
