export { LoopbackSmsc, type LoopbackSmscOptions, type ReceivedPart } from './loopback-smsc.ts';
export { RawSmppSubmitter, type RawSubmit } from './raw-smpp-submitter.ts';
