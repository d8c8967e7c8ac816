import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${filePath}` });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries (DESIGN.md §3)', () => {
  it('forbids Node built-ins, db and node code in workflow files', async () => {
    const messages = await restrictedImports(
      'runtime/src/temporal/workflows.ts',
      [
        "import { readFileSync } from 'node:fs';",
        "import { openDb } from '@omniflow/db';",
        "import { httpRequest } from '@omniflow/nodes';",
        "import { createActivities } from './activities.ts';",
        'export const used = [readFileSync, openDb, httpRequest, createActivities];',
      ].join('\n'),
    );
    expect(messages.some((m) => m.includes("'node:fs'"))).toBe(true);
    expect(messages.some((m) => m.includes("'@omniflow/db'"))).toBe(true);
    expect(messages.some((m) => m.includes("'@omniflow/nodes'"))).toBe(true);
    expect(messages.some((m) => m.includes("'./activities.ts'"))).toBe(true);
  });

  it('allows the workflow SDK, xstate, the machine and type-only imports', async () => {
    const messages = await restrictedImports(
      'runtime/src/temporal/workflows.ts',
      [
        "import { condition } from '@temporalio/workflow';",
        "import { transition } from 'xstate';",
        "import { hydrateMachine } from '../machine/index.ts';",
        "import type { Activities } from './activities.ts';",
        'export const used: [unknown, unknown, unknown, Activities?] = [condition, transition, hydrateMachine];',
      ].join('\n'),
    );
    expect(messages).toEqual([]);
  });

  it('treats every file in the workflows folder as workflow code', async () => {
    const messages = await restrictedImports(
      'runtime/src/temporal/workflows/some-part.ts',
      [
        "import { readFileSync } from 'node:fs';",
        "import { createActivities } from '../activities.ts';",
        "import { condition } from '@temporalio/workflow';",
        "import { hydrateMachine } from '../../machine/index.ts';",
        "import { planCommands } from './plan-commands.ts';",
        "import type { Activities } from '../activities.ts';",
        'export const used: unknown[] = [readFileSync, createActivities, condition, hydrateMachine, planCommands];',
        'export type Used = Activities;',
      ].join('\n'),
    );
    const flagged = new Set(messages.map((m) => m.slice(0, m.indexOf(' import is restricted'))));
    expect([...flagged].sort()).toEqual(["'../activities.ts'", "'node:fs'"]);
  });

  it('keeps the builder away from server code', async () => {
    const messages = await restrictedImports(
      'builder/src/page.ts',
      "import { openDb } from '@omniflow/db';\nexport const x = openDb;",
    );
    expect(messages).toHaveLength(1);
  });
});
