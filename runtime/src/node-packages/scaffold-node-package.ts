/** What `omniflow node new <name>` writes: a node package that loads, tests and documents itself. */

const namePattern = /^[a-z][a-z0-9-]{0,49}$/;
const typePattern = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

export class ScaffoldRefused extends Error {
  constructor(
    readonly reason: 'badName' | 'badType',
    readonly value: string,
  ) {
    super(`${reason}: ${value}`);
  }
}

export interface ScaffoldOptions {
  /** The package's short name, kebab-case (`weather`, `crm-lookup`). */
  name: string;
  /** The node's type (`acme.weather`); default `custom.<name>`. */
  type?: string;
}

const camel = (name: string) => name.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
const words = (name: string) => name.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** The package's files by relative path. Pure, so a test can check them without a disk. */
export function scaffoldNodePackage(options: ScaffoldOptions): Record<string, string> {
  const { name } = options;
  if (!namePattern.test(name)) throw new ScaffoldRefused('badName', name);
  const type = options.type ?? `custom.${name}`;
  if (!typePattern.test(type)) throw new ScaffoldRefused('badType', type);
  const exportName = camel(name);
  const title = words(name);
  const file = `${name}.node.ts`;
  return {
    'package.json': `${JSON.stringify(
      {
        name: `omniflow-node-${name}`,
        version: '1.0.0',
        private: true,
        description: `An Omniflow node package: ${title}`,
        type: 'module',
        exports: { '.': './src/index.ts' },
        scripts: { test: 'vitest run' },
        peerDependencies: { '@omniflow/nodes': '*', zod: '^4' },
        devDependencies: { vitest: '^4' },
      },
      null,
      2,
    )}\n`,
    'src/index.ts': `// What OMNIFLOW_NODE_PACKAGES loads: every defineNode result exported here becomes a node.
export { ${exportName} } from './${name}.node.ts';
`,
    [`src/${file}`]: `import { z } from 'zod';
import { defineNode, outputField, renderText } from '@omniflow/nodes/sdk';

export const ${exportName} = defineNode({
  type: '${type}',
  version: 1,
  title: { en: '${title}', es: '${title}' },
  description: {
    en: 'Says hello to whoever the flow names; replace with what your node does.',
    es: 'Saluda a quien diga el flujo; cámbialo por lo que hace tu nodo.',
  },
  category: 'data',
  icon: 'box',
  ports: ['next', 'failed'],
  portDescriptions: {
    next: { en: 'The node did its work.', es: 'El nodo hizo su trabajo.' },
    failed: { en: 'It could not.', es: 'No pudo.' },
  },
  summary: [{ field: 'who' }],
  config: z.object({
    who: z
      .string()
      .min(1, 'Say whom to greet, e.g. {{ input.name }}')
      .meta({ ui: { widget: 'template', label: { en: 'Whom', es: 'A quién' } } }),
  }),
  compile: (_node, ctx) => ctx.runActivity({ ports: ['next', 'failed'], errorPort: 'failed' }),
  activity: {
    options: { startToCloseTimeout: '30s', retry: { maximumAttempts: 3 } },
    output: z.object({ greeting: z.string().meta(outputField('Greeting', 'Saludo', 'Hello, Ana')) }),
    async run(config, scope) {
      const who = renderText(config.who, scope).trim();
      if (!who) {
        return { port: 'failed', output: null, fault: { code: 'NOBODY', message: 'Nobody to greet' } };
      }
      return { port: 'next', output: { greeting: \`Hello, \${who}\` } };
    },
  },
});
`,
    [`src/${name}.node.test.ts`]: `import { describe, expect, it } from 'vitest';
import { compileNode, runFragment, runNodeActivity, testScope } from '@omniflow/nodes/sdk/testing';
import { ${exportName} } from './${file}';

describe('${type}', () => {
  it('greets whoever the template names', async () => {
    const result = await runNodeActivity(${exportName}, { who: '{{ input.name }}' }, {
      scope: testScope({ input: { name: 'Ana' } }),
    });
    expect(result).toEqual({ port: 'next', output: { greeting: 'Hello, Ana' } });
  });

  it('leaves by failed when the name is empty', async () => {
    const result = await runNodeActivity(${exportName}, { who: '{{ input.name }}' });
    expect(result.port).toBe('failed');
  });

  it('refuses a config without whom to greet', () => {
    expect(() => compileNode(${exportName}, {})).toThrow();
  });

  it('goes on by next once its activity answers', () => {
    const run = runFragment(${exportName}, { who: 'Ana' });
    run.finishActivity('next', { greeting: 'Hello, Ana' });
    expect(run.port).toBe('next');
    expect(run.output).toEqual({ greeting: 'Hello, Ana' });
  });
});
`,
    'README.md': `# ${title} — an Omniflow node package

A node, **${title}** (\`${type}\`). Edit \`src/${file}\`: its config schema is the node's form in
the builder, its ports are the card's exits, its activity is what runs.

## Try it

\`\`\`sh
npm test                       # the node's tests, through @omniflow/nodes/sdk/testing
OMNIFLOW_NODE_PACKAGES=/path/to/${name} npm start   # in Omniflow: the palette lists the node
\`\`\`

## Change it later

Bump \`version\` when the config changes shape, and give the node a \`migrate(config, fromVersion)\`
that turns an old config into the new one: Omniflow applies it when a flow saved with the old
version is opened or published. The SDK reference is in Omniflow's \`docs/sdk/\`.
`,
  };
}
