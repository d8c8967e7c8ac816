import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
// The boundary rules need no type information: lint snippets without the project service, so a
// snippet may stand at a path that does not exist.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
});

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

  it('keeps the instruction set the workflow loads pure', async () => {
    const nodeInstructions = await restrictedImports(
      'nodes/src/messaging/ask.instructions.ts',
      [
        "import { z } from 'zod';",
        "import { messageSend } from './send.node.ts';",
        "import { action } from '../sdk/instructions/index.ts';",
        "import { renderText } from '../sdk/expressions/index.ts';",
        'export const used = [z, messageSend, action, renderText];',
      ].join('\n'),
    );
    expect(nodeInstructions).toHaveLength(2);
    expect(nodeInstructions.some((m) => m.includes("'zod'"))).toBe(true);
    expect(nodeInstructions.some((m) => m.includes("'./send.node.ts'"))).toBe(true);

    const sdkInstructions = await restrictedImports(
      'nodes/src/sdk/instructions/core-instructions.ts',
      "import { builtinNodes } from '../../index.ts';\nimport { renderText } from '../expressions/index.ts';\nexport const used = [builtinNodes, renderText];",
    );
    expect(sdkInstructions).toHaveLength(1);

    const machine = await restrictedImports(
      'runtime/src/machine/hydrate-machine.ts',
      "import { builtinNodes } from '@omniflow/nodes';\nimport { instructionSet } from '@omniflow/nodes/instructions';\nexport const used = [builtinNodes, instructionSet];",
    );
    expect(machine).toHaveLength(1);
    expect(machine[0]).toContain("'@omniflow/nodes'");
  });

  it('keeps runs/ and the other domain folders from importing api/ (they throw domain errors)', async () => {
    for (const file of ['runtime/src/runs/run-operations.ts', 'runtime/src/messaging/route-inbound.ts']) {
      const messages = await restrictedImports(
        file,
        "import { notFound } from '../api/api-error.ts';\nexport const x = notFound;",
      );
      expect(messages, file).toHaveLength(1);
    }
    const fromServer = await restrictedImports(
      'runtime/src/server/start-api.ts',
      "import { createApp } from '../api/create-app.ts';\nexport const x = createApp;",
    );
    expect(fromServer).toEqual([]);
  });

  it('keeps temporal/ (workflow side and activities) below the worker process and the Temporal server', async () => {
    const messages = await restrictedImports(
      'runtime/src/temporal/activities.ts',
      [
        "import { createFlowWorker } from '../worker/flow-worker.ts';",
        "import { startDevServer } from '../temporal-server/dev-server.ts';",
        'export const used = [createFlowWorker, startDevServer];',
      ].join('\n'),
    );
    expect(messages).toHaveLength(2);
    const fromWorker = await restrictedImports(
      'runtime/src/worker/flow-worker.ts',
      "import { createActivities } from '../temporal/activities.ts';\nexport const x = createActivities;",
    );
    expect(fromWorker).toEqual([]);
  });

  it('keeps server code away from the builder', async () => {
    for (const file of ['runtime/src/api/create-app.ts', 'runtime/src/runs/run-operations.ts']) {
      const messages = await restrictedImports(
        file,
        "import { anything } from '@omniflow/builder/anything';\nexport const x = anything;",
      );
      expect(messages, file).toHaveLength(1);
    }
  });

  it('lets the CLI share the builder’s problem sentences, and nothing else of the builder', async () => {
    const messages = await restrictedImports(
      'runtime/src/cli/problem-lines.ts',
      [
        "import { problemMessages } from '@omniflow/builder/problem-messages';",
        "import { nodeSize } from '@omniflow/builder/node-geometry';",
        'export const used = [problemMessages, nodeSize];',
      ].join('\n'),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('node-geometry');
  });

  it('keeps the SDK from importing drivers or the node index', async () => {
    const messages = await restrictedImports(
      'nodes/src/sdk/types.ts',
      [
        "import type { Call } from '../drivers/voice/voice-driver.ts';",
        "import { builtinNodes } from '../index.ts';",
        'export type C = Call;',
        'export const n = builtinNodes;',
      ].join('\n'),
    );
    expect(messages).toHaveLength(2);
  });

  it('keeps sdk/expressions (bundled into workflows) to Liquid and its own files', async () => {
    const messages = await restrictedImports(
      'nodes/src/sdk/expressions/templates.ts',
      [
        "import { readFileSync } from 'node:fs';",
        "import { z } from 'zod';",
        "import { Liquid } from 'liquidjs';",
        "import { compare } from './conditions.ts';",
        'export const used = [readFileSync, z, Liquid, compare];',
      ].join('\n'),
    );
    const refused = new Set(messages.map((m) => /'([^']+)'/.exec(m)?.[1]));
    expect([...refused].sort()).toEqual(['node:fs', 'zod']);
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

  it(
    'refuses a promise that nobody awaits (no-floating-promises, type-aware)',
    { timeout: 180_000 },
    async () => {
      // The default config, with type information: the snippet stands in for an existing file.
      const typed = new ESLint({ cwd: root });
      const [result] = await typed.lintText(
        'export async function save(): Promise<void> {}\nexport function later(): void {\n  save();\n}\n',
        { filePath: `${root}/runtime/src/api/api-keys.ts` },
      );
      expect(result!.messages.map((m) => m.ruleId)).toContain('@typescript-eslint/no-floating-promises');
    },
  );
});
