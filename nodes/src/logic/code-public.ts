// What the runtime uses of the code node outside its activity: the save-time syntax check and the
// sandbox itself (the benchmark measures it).
export { scriptSyntaxError, scriptSource } from './code-source.ts';
export { runInSandbox, wrapScript, defaultSandboxLimits } from './code-sandbox.ts';
