export * from './run-sipp.ts';
export * from './rtp-pcap-writer.ts';
export { parseRtpPacket } from '../rtp-packet.ts';
export * from './tone-check.ts';
export * from './baresip.ts';
export { decodeWav, encodeWav } from '../wav-file.ts';
export { tone } from '../tones.ts';
