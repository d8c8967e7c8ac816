export {
  FakeTwilioVoice,
  type DialCallStatus,
  type FakeCallResult,
  type FakeCallScript,
} from './fake-twilio-voice.ts';
export { serveFetchHandler } from './serve-fetch-handler.ts';
