import tseslint from 'typescript-eslint';

const nodeBuiltins = {
  regex: '^node:',
  message: 'Workflow code runs in a deterministic sandbox: no Node built-ins (DESIGN.md §3).',
};
const noBuilder = { regex: '^@omniflow/builder', message: 'Server code never imports the builder.' };
const apiFromTopOnly = {
  regex: '^(\\.\\./)+api/',
  message:
    'Only api/, server/ and cli/ import api/: throw a domain error (e.g. RunError) and let api/ map it.',
};
const restrictImports = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['**/node_modules/**', '.omniflow/**', '.tsbuild/**', '**/dist/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // A promise nobody awaits loses its error: every one is awaited, returned or marked `void`.
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: ['**/test/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Layers point one way: api/ (with server/ and cli/, which start it) sits on top; runs/,
    // temporal/, messaging/… throw domain errors that api/ maps to HTTP and never import it. No
    // server code imports the builder (the API serves its built files, nothing more).
    files: ['runtime/src/**/*.ts'],
    ignores: ['runtime/src/{api,server,cli}/**'],
    rules: restrictImports(noBuilder, apiFromTopOnly),
  },
  {
    // temporal/ is what runs inside Temporal (workflows) and what they call (activities, the
    // progress sink); the processes that host them (worker/, temporal-server/) sit above it.
    files: ['runtime/src/temporal/*.ts'],
    rules: restrictImports(noBuilder, apiFromTopOnly, {
      regex: '^(\\.\\./)+(worker|temporal-server)/',
      message:
        'temporal/ holds workflow-side code and activities; the worker process and the Temporal server import it, not the other way.',
    }),
  },
  {
    files: ['runtime/src/{api,server}/**/*.ts'],
    rules: restrictImports(noBuilder),
  },
  {
    // The CLI is a client of the API, as the builder is: it may share the builder's problem
    // sentences (plain data), so both name a flow's problems in the same words. Nothing else.
    files: ['runtime/src/cli/**/*.ts'],
    rules: restrictImports({ ...noBuilder, regex: '^@omniflow/builder(?!/problem-messages$)' }),
  },
  {
    // The user-docs generator (build time, not served code) names ports with the canvas's own
    // words (plain data), so the docs and the canvas never disagree. Nothing else of the builder.
    files: ['runtime/src/user-docs/node-page.ts'],
    rules: restrictImports({ ...noBuilder, regex: '^@omniflow/builder(?!/port-names$)' }, apiFromTopOnly),
  },
  {
    // DESIGN.md §3: workflow files import only @temporalio/workflow, xstate and runtime/src/machine
    // (plus the workflow's own type-only contracts).
    files: [
      'runtime/src/temporal/workflows.ts',
      'runtime/src/temporal/workflow-api.ts',
      'runtime/src/temporal/operations-workflows.ts',
      'runtime/src/temporal/transactional-workflows.ts',
      'runtime/src/temporal/campaign-workflows.ts',
      'runtime/src/temporal/backup-workflows.ts',
      'runtime/src/temporal/report-workflows.ts',
      'runtime/src/temporal/flow-analytics-workflows.ts',
    ],
    rules: restrictImports(nodeBuiltins, {
      regex:
        '^(?!@temporalio/workflow$|xstate$|\\.\\./machine/|\\./(workflow-api|operations-workflows|transactional-workflows|campaign-workflows|backup-workflows|report-workflows|flow-analytics-workflows)\\.ts$|\\./workflows/[\\w-]+\\.ts$|\\.\\./compiler/machine-json\\.ts$|\\.\\./reports/report-retry\\.ts$)',
      allowTypeImports: true,
      message:
        'Workflow files may import only @temporalio/workflow, xstate and runtime/src/machine (DESIGN.md §3).',
    }),
  },
  {
    // flowRun's parts: every file in the folder is workflow code, importing only what workflow
    // files may and each other.
    files: ['runtime/src/temporal/workflows/**/*.ts'],
    rules: restrictImports(nodeBuiltins, {
      regex:
        '^(?!@temporalio/workflow$|xstate$|\\.\\./\\.\\./machine/|\\./[\\w-]+\\.ts$|\\.\\./workflow-api\\.ts$)',
      allowTypeImports: true,
      message:
        'Workflow files may import only @temporalio/workflow, xstate, runtime/src/machine and each other (DESIGN.md §3).',
    }),
  },
  {
    // The machine is bundled into workflows: pure code only. Its instructions come from the nodes
    // package's instruction set (below).
    files: ['runtime/src/machine/**/*.ts'],
    rules: restrictImports(nodeBuiltins, {
      regex: '^(?!xstate$|@omniflow/nodes/instructions$|\\./)',
      allowTypeImports: true,
      message: 'The machine may import only xstate and the instruction set (@omniflow/nodes/instructions).',
    }),
  },
  {
    // The SDK is what drivers and nodes build on: it names the contracts (Call, OutboundMessage)
    // and never imports a driver or the built-in node index.
    files: ['nodes/src/sdk/**/*.ts'],
    rules: restrictImports({
      regex: '^(\\.\\./)+(drivers/|index\\.ts$)|^@omniflow/nodes$',
      message: 'The SDK imports neither drivers nor the node index: drivers implement its contracts.',
    }),
  },
  {
    // Templates and conditions are bundled into workflows: Liquid and each other, nothing else.
    files: ['nodes/src/sdk/expressions/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrictImports(nodeBuiltins, {
      regex: '^(?!liquidjs$|\\./|\\.\\./node-error\\.ts$)',
      allowTypeImports: true,
      message: 'sdk/expressions runs inside workflows: it may import only liquidjs and its own files.',
    }),
  },
  {
    // The SDK's instruction set runs inside workflows: only xstate and the pure expression helpers.
    files: ['nodes/src/sdk/instructions/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrictImports(nodeBuiltins, {
      regex: '^(?!xstate$|\\./|\\.\\./expressions/index\\.ts$)',
      allowTypeImports: true,
      message: 'Instructions run inside workflows: they may import only xstate and sdk/expressions.',
    }),
  },
  {
    // A node's own instructions (`<name>.instructions.ts`) and the set that gathers them run inside
    // workflows too: only the SDK's instructions, its expressions and other instruction files.
    files: ['nodes/src/instructions.ts', 'nodes/src/**/*.instructions.ts'],
    rules: restrictImports(nodeBuiltins, {
      regex:
        '^(?!xstate$|(\\.\\.?/)+(sdk/)?(instructions|expressions)/index\\.ts$|(\\.\\.?/)+([a-z-]+/)?[a-z-]+\\.instructions\\.ts$)',
      allowTypeImports: true,
      message:
        'Instructions run inside workflows: they may import only xstate, sdk/instructions, sdk/expressions and other *.instructions.ts files.',
    }),
  },
  {
    files: ['builder/src/**/*.{ts,tsx}'],
    rules: restrictImports(
      {
        regex: '^@omniflow/(runtime|db)',
        message: 'The builder never imports server code (DESIGN.md §3).',
      },
      nodeBuiltins,
    ),
  },
);
