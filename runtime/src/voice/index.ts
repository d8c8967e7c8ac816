export * from './call-registry.ts';
export * from './find-call-flow.ts';
export * from './voice-endpoint-options.ts';
export * from './start-voice-endpoint.ts';
export * from './voice-endpoint-from-env.ts';
export * from './call-worker.ts';
export * from './take-call.ts';
export * from './twiml-voice-host.ts';
