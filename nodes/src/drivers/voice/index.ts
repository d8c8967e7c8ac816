export * from './voice-driver.ts';
export * from './sip/index.ts';
