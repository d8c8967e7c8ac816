export * from './run-sipp.ts';
export * from './rtp-pcap-writer.ts';
export { parseRtpPacket } from '../rtp-packet.ts';
export * from './tone-check.ts';
export * from './baresip.ts';
