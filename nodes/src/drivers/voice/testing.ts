// Test peers for both voice drivers: sipp and RTP helpers for SIP, a loopback Twilio for TwiML.
export * from './sip/testing/index.ts';
export * from './twiml/testing/index.ts';
