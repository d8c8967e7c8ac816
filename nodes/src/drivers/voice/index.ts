export * from './voice-driver.ts';
export * from './wav-info.ts';
export * from './prompts/index.ts';
export * from './sip/index.ts';
