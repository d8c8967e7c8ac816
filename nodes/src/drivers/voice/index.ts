export * from './voice-driver.ts';
export * from './wav-info.ts';
export * from './prompts/index.ts';
export * from './sip/index.ts';
export * from './twiml/index.ts';
