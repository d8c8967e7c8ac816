import tseslint from 'typescript-eslint';

const nodeBuiltins = {
  regex: '^node:',
  message: 'Workflow code runs in a deterministic sandbox: no Node built-ins (DESIGN.md §3).',
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '.omniflow/**', '.tsbuild/**', '**/dist/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/test/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // DESIGN.md §3: workflow files import only @temporalio/workflow, xstate and runtime/src/machine
    // (plus the workflow's own type-only contracts).
    files: [
      'runtime/src/temporal/workflows.ts',
      'runtime/src/temporal/workflow-api.ts',
      'runtime/src/temporal/operations-workflows.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            {
              regex:
                '^(?!@temporalio/workflow$|xstate$|\\.\\./machine/|\\./(workflow-api|operations-workflows)\\.ts$|\\./workflows/[\\w-]+\\.ts$|\\.\\./compiler/machine-json\\.ts$)',
              allowTypeImports: true,
              message:
                'Workflow files may import only @temporalio/workflow, xstate and runtime/src/machine (DESIGN.md §3).',
            },
          ],
        },
      ],
    },
  },
  {
    // flowRun's parts: every file in the folder is workflow code, importing only what workflow
    // files may and each other.
    files: ['runtime/src/temporal/workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            {
              regex:
                '^(?!@temporalio/workflow$|xstate$|\\.\\./\\.\\./machine/|\\./[\\w-]+\\.ts$|\\.\\./workflow-api\\.ts$)',
              allowTypeImports: true,
              message:
                'Workflow files may import only @temporalio/workflow, xstate, runtime/src/machine and each other (DESIGN.md §3).',
            },
          ],
        },
      ],
    },
  },
  {
    // The instruction set is bundled into workflows: pure code only.
    files: ['runtime/src/machine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            {
              regex: '^(?!xstate$|@omniflow/nodes/sdk/expressions$|\\.\\.?/)',
              allowTypeImports: true,
              message: 'The machine instruction set may import only xstate and the pure expression helpers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['builder/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@omniflow/(runtime|db)',
              message: 'The builder never imports server code (DESIGN.md §3).',
            },
            nodeBuiltins,
          ],
        },
      ],
    },
  },
);
