export * from './prompt-cache.ts';
export * from './prompt-error.ts';
