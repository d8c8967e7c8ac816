export {
  LoopbackSmsc,
  type AssembledMessage,
  type LoopbackSmscOptions,
  type ReceivedPart,
  type ReceiptStat,
} from './loopback-smsc.ts';
export { RawSmppSubmitter, type RawSubmit } from './raw-smpp-submitter.ts';
export { FakeTwilio, type FakeTwilioMessage } from './fake-twilio.ts';
