export {
  FakeTwilioVoice,
  type DialCallStatus,
  type FakeCallResult,
  type FakeCallScript,
  type FakeCalleeScript,
  type FakeOutboundCall,
} from './fake-twilio-voice.ts';
export { serveFetchHandler } from './serve-fetch-handler.ts';
