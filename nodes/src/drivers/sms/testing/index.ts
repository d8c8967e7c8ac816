export { LoopbackSmsc, type AssembledMessage, type ReceivedPart, type ReceiptStat } from './loopback-smsc.ts';
export { FakeTwilio, type FakeTwilioMessage } from './fake-twilio.ts';
