import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sdkReference } from './sdk-reference.ts';

describe('the SDK reference (docs/sdk/README.md)', () => {
  const generated = sdkReference();

  it('documents defineNode, the node definition and the test harness from their doc comments', () => {
    expect(generated).toContain('### defineNode');
    expect(generated).toContain('Declares a node type: schema, UI hints, compile fragment and activity');
    expect(generated).toContain('### NodeDefinition');
    expect(generated).toContain('migrate?: (config: unknown, fromVersion: number) => unknown;');
    expect(generated).toContain('## `@omniflow/nodes/sdk/testing`');
    expect(generated).toContain('function runNodeActivity(');
  });

  it('is committed as generated', () => {
    const committed = readFileSync(new URL('../../../docs/sdk/README.md', import.meta.url), 'utf8');
    expect(committed, 'docs/sdk/README.md is stale: run `npm run sdk-docs` and commit the result').toBe(
      generated,
    );
  });
});
