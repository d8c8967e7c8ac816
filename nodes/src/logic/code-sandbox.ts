import {
  getQuickJS,
  newQuickJSWASMModule,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSWASMModule,
} from 'quickjs-emscripten';

/** What a script may use, and what it saw and said. */
export interface SandboxLimits {
  /** CPU time for the whole evaluation, awaited jobs included. */
  timeMs: number;
  /** Heap the script's QuickJS runtime may allocate. */
  memoryBytes: number;
  /** Characters of the return value as JSON. */
  outputChars: number;
}

/** The author's line for a line of the evaluated source (TypeScript's output differs from its input). */
export type LineMap = readonly number[];

export const defaultSandboxLimits: SandboxLimits = {
  timeMs: 1000,
  memoryBytes: 32 * 1024 * 1024,
  outputChars: 256 * 1024,
};

/** Why a script did not give a value; `code` is stable, `message` a person can act on. */
export type SandboxFailureCode =
  | 'CODE_SYNTAX_ERROR'
  | 'CODE_THREW'
  | 'CODE_TIME_LIMIT'
  | 'CODE_MEMORY_LIMIT'
  | 'CODE_OUTPUT_TOO_LARGE'
  | 'CODE_OUTPUT_NOT_JSON'
  | 'CODE_NEVER_SETTLED';

export type SandboxResult =
  | { ok: true; value: unknown; logs: string[] }
  | { ok: false; code: SandboxFailureCode; message: string; logs: string[] };

/** The names a script sees as its arguments (`return input.total * 2`). */
export interface SandboxGlobals {
  input: unknown;
  vars: unknown;
  nodes: unknown;
  run: unknown;
}

const maxLogLines = 200;
const maxLogChars = 16 * 1024;
// The interpreter's own C stack; deep recursion stops with a RangeError well before the WASM stack ends.
const maxStackBytes = 256 * 1024;

// One WASM module per process: instantiating it costs ~10 ms, a runtime inside it well under one.
// Every evaluation gets a fresh QuickJS runtime (its own heap, atoms, globals and job queue), so
// nothing one script does (Object.prototype changed, globals set) is seen by the next, and no host
// object is ever handed in: context values cross as JSON text only.
let module: Promise<QuickJSWASMModule> | undefined;
let loaded: QuickJSWASMModule | undefined;
async function quickJs(): Promise<QuickJSWASMModule> {
  module ??= getQuickJS();
  loaded = await module;
  return loaded;
}

/** Wraps a script body so `return` and `await` work and its line numbers stay the author's. */
export function wrapScript(body: string): string {
  return `(async function (input, vars, nodes, run) {${body}\n})`;
}

/**
 * Runs a script body (JavaScript; TypeScript arrives already transpiled) in a QuickJS sandbox with
 * no host objects: no network, files, process, environment, timers or module loading exist in it.
 */
export async function runInSandbox(
  wrappedSource: string,
  globals: SandboxGlobals,
  limits: SandboxLimits = defaultSandboxLimits,
  lines?: LineMap,
): Promise<SandboxResult> {
  const wasm = await quickJs();
  try {
    return evaluate(wasm, wrappedSource, globals, limits, lines);
  } catch (error) {
    // A trap inside the WASM module (not a JS exception) may leave its memory inconsistent:
    // the next evaluation starts from a new module.
    discardModule(wasm);
    throw error;
  }
}

function discardModule(wasm: QuickJSWASMModule) {
  if (loaded === wasm) {
    loaded = undefined;
    module = newQuickJSWASMModule();
  }
}

function evaluate(
  wasm: QuickJSWASMModule,
  wrappedSource: string,
  globals: SandboxGlobals,
  limits: SandboxLimits,
  lines: LineMap | undefined,
): SandboxResult {
  const errorText = (error: unknown) => describeError(error, lines);
  const logs: string[] = [];
  let logChars = 0;
  const runtime = wasm.newRuntime();
  const deadline = Date.now() + limits.timeMs;
  let interrupted = false;
  runtime.setMemoryLimit(limits.memoryBytes);
  runtime.setMaxStackSize(maxStackBytes);
  runtime.setInterruptHandler(() => {
    interrupted = Date.now() > deadline;
    return interrupted;
  });
  const vm = runtime.newContext();
  let abandoned = false;
  const handles: QuickJSHandle[] = [];
  const keep = (handle: QuickJSHandle) => {
    handles.push(handle);
    return handle;
  };
  const fail = (code: SandboxFailureCode, message: string): SandboxResult => ({
    ok: false,
    code,
    message,
    logs,
  });
  const thrown = (errorHandle: QuickJSHandle): SandboxResult => {
    const error: unknown = vm.dump(keep(errorHandle));
    if (interrupted) {
      return fail(
        'CODE_TIME_LIMIT',
        `The code ran longer than its time limit (${limits.timeMs} ms) and was stopped`,
      );
    }
    const text = errorText(error);
    // With no memory left QuickJS cannot even build the error object and throws an empty one.
    if (/out of memory/i.test(text) || text === '' || error === null) {
      return fail(
        'CODE_MEMORY_LIMIT',
        `The code used more memory than its limit (${Math.round(limits.memoryBytes / 1024 / 1024)} MB) and was stopped`,
      );
    }
    return fail('CODE_THREW', text);
  };
  try {
    installConsole(vm, keep, (line) => {
      if (logs.length >= maxLogLines || logChars >= maxLogChars) return;
      const cut = line.slice(0, maxLogChars - logChars);
      logChars += cut.length;
      logs.push(cut);
    });
    const compiled = vm.evalCode(wrappedSource, 'code.js');
    if (compiled.error) {
      const error: unknown = vm.dump(keep(compiled.error));
      return fail('CODE_SYNTAX_ERROR', errorText(error));
    }
    const script = keep(compiled.value);
    const json = keep(vm.getProp(vm.global, 'JSON'));
    const parse = keep(vm.getProp(json, 'parse'));
    const stringify = keep(vm.getProp(json, 'stringify'));
    const args: QuickJSHandle[] = [];
    for (const value of [globals.input, globals.vars, globals.nodes, globals.run]) {
      const text = keep(vm.newString(JSON.stringify(value ?? null)));
      const parsed = vm.callFunction(parse, vm.undefined, text);
      if (parsed.error) return thrown(parsed.error);
      args.push(keep(parsed.value));
    }
    const called = vm.callFunction(script, vm.undefined, ...args);
    if (called.error) return thrown(called.error);
    const promise = keep(called.value);
    const jobs = runtime.executePendingJobs(-1);
    if (jobs.error) return thrown(jobs.error);
    const state = vm.getPromiseState(promise);
    if (state.type === 'pending') {
      abandoned = true;
      return fail(
        'CODE_NEVER_SETTLED',
        'The code awaited something that never finished (there are no timers or network in the sandbox)',
      );
    }
    if (state.type === 'rejected') return thrown(state.error);
    const value = keep(state.value);
    const text = vm.callFunction(stringify, vm.undefined, value);
    if (text.error) {
      const error: unknown = vm.dump(keep(text.error));
      return fail('CODE_OUTPUT_NOT_JSON', `The returned value cannot be saved as JSON: ${errorText(error)}`);
    }
    const textHandle = keep(text.value);
    if (vm.typeof(textHandle) !== 'string') return { ok: true, value: null, logs };
    // The length is read inside the sandbox, so a huge answer is refused without copying it out.
    const length = vm.getNumber(keep(vm.getProp(textHandle, 'length')));
    if (length > limits.outputChars) {
      return fail(
        'CODE_OUTPUT_TOO_LARGE',
        `The returned value is ${length} characters as JSON; the limit is ${limits.outputChars}`,
      );
    }
    return { ok: true, value: JSON.parse(vm.getString(textHandle)) as unknown, logs };
  } finally {
    for (const handle of handles.reverse()) if (handle.alive) handle.dispose();
    if (abandoned) {
      // QuickJS cannot free an async function that is still suspended (its frame and promise
      // hold each other): freeing the runtime would abort the module. The whole module is
      // dropped instead, and the host's GC takes its memory.
      discardModule(wasm);
    } else {
      try {
        vm.dispose();
        runtime.dispose();
      } catch {
        // Something the script left suspended (an async call it never awaited) kept the
        // runtime from freeing: its answer stands, the module is replaced as above.
        discardModule(wasm);
      }
    }
  }
}

function installConsole(
  vm: QuickJSContext,
  keep: (handle: QuickJSHandle) => QuickJSHandle,
  write: (line: string) => void,
) {
  const console = keep(vm.newObject());
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const fn = keep(
      vm.newFunction(level, (...args) => {
        const parts = args.map((arg) => {
          if (vm.typeof(arg) === 'string') return vm.getString(arg);
          const dumped: unknown = vm.dump(arg);
          return typeof dumped === 'string' ? dumped : (JSON.stringify(dumped) ?? String(dumped));
        });
        write(level === 'log' ? parts.join(' ') : `${level}: ${parts.join(' ')}`);
      }),
    );
    vm.setProp(console, level, fn);
  }
  vm.setProp(vm.global, 'console', console);
}

function describeError(error: unknown, lines: LineMap | undefined): string {
  if (error !== null && typeof error === 'object') {
    const { name, message, stack } = error as { name?: unknown; message?: unknown; stack?: unknown };
    if (typeof message === 'string') {
      const found = typeof stack === 'string' ? /code\.js:(\d+)/.exec(stack)?.[1] : undefined;
      const line = found === undefined ? undefined : (lines?.[Number(found)] ?? Number(found));
      const prefix = typeof name === 'string' && name !== 'Error' ? `${name}: ` : '';
      return `${prefix}${message}${line === undefined ? '' : ` (line ${line})`}`;
    }
  }
  if (typeof error === 'string') return error;
  return JSON.stringify(error) ?? String(error);
}
