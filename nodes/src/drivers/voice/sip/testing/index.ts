export * from './run-sipp.ts';
export * from './rtp-pcap-writer.ts';
