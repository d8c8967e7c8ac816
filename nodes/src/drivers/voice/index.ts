export * from './voice-driver.ts';
