import { describe, expect, it } from 'vitest';
import { compileNode, runNodeActivity, testScope } from '../sdk/testing.ts';
import { scriptSyntaxError } from './code-source.ts';
import { logicCode } from './code.node.ts';

const scope = testScope({
  input: {
    items: [
      { price: 3, qty: 2 },
      { price: 5, qty: 1 },
    ],
  },
  vars: { discount: 0.1, name: 'Ana' },
  nodes: { ask: { output: { answer: 'yes' } } },
});

async function run(code: string, extra: Record<string, unknown> = {}) {
  return runNodeActivity(logicCode, { code, ...extra }, { scope });
}

describe('logic.code', () => {
  it('defaults to JavaScript with a one-second, 32 MB sandbox', () => {
    expect(logicCode.config.parse({ code: 'return 1' })).toEqual({
      language: 'javascript',
      code: 'return 1',
      timeLimitMs: 1000,
      memoryLimitMb: 32,
    });
    expect(() => logicCode.config.parse({ code: 'x', timeLimitMs: 60_000 })).toThrow();
    expect(() => logicCode.config.parse({ code: 'x', memoryLimitMb: 1024 })).toThrow();
  });

  it('runs as an activity whose errors leave by "failed"', () => {
    const fragment = compileNode(logicCode, { code: 'return 1' }, { next: 'n', failed: 'f' });
    expect(fragment.invoke?.src).toBe('runNode');
    expect(JSON.stringify(fragment.invoke?.onDone)).toContain('"n"');
    expect(JSON.stringify(fragment.invoke?.onDone)).toContain('"f"');
  });

  it('computes its output from input, vars and earlier nodes', async () => {
    const result = await run(`
      const total = input.items.reduce((sum, item) => sum + item.price * item.qty, 0);
      return { total: total * (1 - vars.discount), who: vars.name, said: nodes.ask.output.answer };
    `);
    expect(result).toMatchObject({ port: 'next', output: { total: 9.9, who: 'Ana', said: 'yes' } });
  });

  it('awaits promises and keeps what console.log wrote for the step record', async () => {
    const result = await run(`
      console.log('counting', input.items.length, { ok: true });
      console.warn('careful');
      const doubled = await Promise.all(input.items.map(async (item) => item.qty * 2));
      return doubled;
    `);
    expect(result.port).toBe('next');
    expect(result.output).toEqual([4, 2]);
    expect(result.input).toEqual({
      language: 'javascript',
      logs: ['counting 2 {"ok":true}', 'warn: careful'],
    });
  });

  it('runs TypeScript after removing its types', async () => {
    const result = await run(
      `interface Item { price: number; qty: number }
       const items: Item[] = input.items;
       return items.map((i): number => i.price).join('+');`,
      { language: 'typescript' },
    );
    expect(result).toMatchObject({ port: 'next', output: '3+5' });
  });

  it('names the author’s line when TypeScript code throws', async () => {
    const result = await run(
      `interface Order { id: string }
       const order: Order | undefined = undefined;
       if (order === undefined) throw new Error('no order');`,
      { language: 'typescript' },
    );
    expect(result.fault?.message).toBe('no order (line 3)');
  });

  it('gives null when nothing is returned', async () => {
    expect((await run('const x = 1;')).output).toBeNull();
  });

  it('takes "failed" with the message of what the code threw', async () => {
    const result = await run(`if (!vars.missing) throw new Error('no customer id');`);
    expect(result).toMatchObject({
      port: 'failed',
      output: { code: 'CODE_THREW', error: 'no customer id (line 1)' },
      fault: { code: 'CODE_THREW', message: 'no customer id (line 1)' },
    });
  });

  it('names a syntax error and its line, in JavaScript and in TypeScript', async () => {
    const js = await run('const a = 1;\nreturn a +;');
    expect(js).toMatchObject({ port: 'failed', fault: { code: 'CODE_SYNTAX_ERROR' } });
    expect(js.fault?.message).toMatch(/line 2/);
    const typed = await run('const a: number = ;', { language: 'typescript' });
    expect(typed).toMatchObject({ port: 'failed', fault: { code: 'CODE_SYNTAX_ERROR' } });
    expect(scriptSyntaxError('javascript', 'return 1')).toBeUndefined();
    expect(scriptSyntaxError('javascript', 'return await input')).toBeUndefined();
    expect(scriptSyntaxError('javascript', 'let x = {\n\nreturn x')).toMatchObject({ line: 3, column: 8 });
  });

  it('counts columns from the start of the author’s line, the first line too', () => {
    // The wrapper sits before the first line: its column must not count.
    expect(scriptSyntaxError('javascript', 'return a +;')).toMatchObject({ line: 1, column: 11 });
    expect(scriptSyntaxError('typescript', 'const a: number = ;')).toEqual({
      message: 'Expression expected.',
      line: 1,
      column: 19,
    });
  });

  describe('escapes', () => {
    it('cannot change the host’s Object.prototype, nor the next run’s', async () => {
      const polluted = await run(`
        Object.prototype.polluted = 'yes';
        Array.prototype.map = () => 'hijacked';
        globalThis.leftover = 1;
        return JSON.parse('{"__proto__": {"isAdmin": true}}');
      `);
      expect(polluted.port).toBe('next');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      expect([1].map((x) => x + 1)).toEqual([2]);
      const next = await run(`return [({}).polluted ?? 'clean', typeof leftover, [1].map((x) => x)];`);
      expect(next.output).toEqual(['clean', 'undefined', [1]]);
    });

    it('stops an endless loop at the time limit', async () => {
      const started = Date.now();
      const result = await run('while (true) {}', { timeLimitMs: 200 });
      expect(Date.now() - started).toBeLessThan(2000);
      expect(result).toMatchObject({ port: 'failed', fault: { code: 'CODE_TIME_LIMIT' } });
      expect(result.fault?.message).toBe('The code ran longer than its time limit (200 ms) and was stopped');
    });

    it('stops an endless loop inside an awaited function too', async () => {
      const result = await run('await null; for (;;) {}', { timeLimitMs: 100 });
      expect(result).toMatchObject({ port: 'failed', fault: { code: 'CODE_TIME_LIMIT' } });
    });

    it('stops an allocation bomb at the memory limit', async () => {
      const objects = await run(`const kept = []; for (let i = 0; ; i++) kept.push({ i, s: 'abc' + i });`, {
        memoryLimitMb: 8,
        timeLimitMs: 5000,
      });
      expect(objects.fault?.message).toBe('The code used more memory than its limit (8 MB) and was stopped');
      expect(objects).toMatchObject({ port: 'failed', fault: { code: 'CODE_MEMORY_LIMIT' } });
    });

    it('finds no process through the Function constructor', async () => {
      const result = await run(`return constructor.constructor('return process')().env;`);
      expect(result).toMatchObject({
        port: 'failed',
        fault: { code: 'CODE_THREW', message: "ReferenceError: 'process' is not defined (line 1)" },
      });
    });

    it('cannot read the environment', async () => {
      process.env.OMNIFLOW_CODE_NODE_SECRET = 'host-secret';
      try {
        const result = await run(
          `return typeof process === 'undefined' ? Object.keys(globalThis) : process.env;`,
        );
        expect(JSON.stringify(result.output)).not.toContain('host-secret');
        expect(result.output).not.toContain('process');
        const direct = await run('return process.env.OMNIFLOW_CODE_NODE_SECRET;');
        expect(direct.fault?.message).toBe("ReferenceError: 'process' is not defined (line 1)");
      } finally {
        delete process.env.OMNIFLOW_CODE_NODE_SECRET;
      }
    });

    it('has no require, import, timers or network', async () => {
      expect((await run(`return require('fs');`)).fault?.message).toBe(
        "ReferenceError: 'require' is not defined (line 1)",
      );
      expect((await run(`return await import('node:fs');`)).fault).toMatchObject({
        code: 'CODE_THREW',
        message: expect.stringContaining("could not load module 'node:fs'") as string,
      });
      expect((await run(`setTimeout(() => {}, 1);`)).fault?.message).toBe(
        "ReferenceError: 'setTimeout' is not defined (line 1)",
      );
      expect((await run(`return fetch('http://127.0.0.1/');`)).fault?.message).toBe(
        "ReferenceError: 'fetch' is not defined (line 1)",
      );
    });

    it('says so when the code waits for something that can never come', async () => {
      const result = await run('await new Promise(() => {}); return 1;');
      expect(result).toMatchObject({ port: 'failed', fault: { code: 'CODE_NEVER_SETTLED' } });
      // The sandbox the abandoned run left behind is replaced, and the next run works.
      expect((await run('return 2')).output).toBe(2);
    });

    it('refuses a huge return value without copying it out', async () => {
      const result = await run(`return 'x'.repeat(1000000);`);
      expect(result).toMatchObject({ port: 'failed', fault: { code: 'CODE_OUTPUT_TOO_LARGE' } });
      expect(result.fault?.message).toBe(
        'The returned value is 1000002 characters as JSON; the limit is 262144',
      );
    });

    it('refuses a value that is not JSON, and endless recursion', async () => {
      expect((await run('return 10n;')).fault?.code).toBe('CODE_OUTPUT_NOT_JSON');
      expect((await run('function f() { return f(); } return f();')).fault?.message).toMatch(
        /stack overflow/,
      );
    });
  });
});
