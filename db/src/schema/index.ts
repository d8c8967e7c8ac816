export * from './workspaces.ts';
export * from './flows.ts';
export * from './runs.ts';
export * from './messaging.ts';
export * from './credentials.ts';
export * from './voice.ts';
export * from './email.ts';
