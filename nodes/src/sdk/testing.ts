import { createCompileContext } from './compile-context.ts';
import type {
  ActivityResult,
  AnyNodeDefinition,
  NodeRecordings,
  NodeVoice,
  StateFragment,
  TemplateScope,
} from './types.ts';

/** A template scope with sensible defaults, for node tests. */
export function testScope(partial: Partial<TemplateScope> = {}): TemplateScope {
  return {
    input: {},
    vars: {},
    nodes: {},
    run: { id: 'run-test', flowId: 'flow-test', version: 1, startedAt: '2026-01-01T00:00:00.000Z' },
    ...partial,
  };
}

/** Parses a config the way publishing does and compiles the node with ports wired to `<port>Target`. */
export function compileNode(
  definition: AnyNodeDefinition,
  config: unknown,
  wiring: Record<string, string> = {},
  id = 'node',
): StateFragment {
  const parsed = definition.config.parse(config);
  const node = { id, type: definition.type, version: definition.version, config: parsed };
  return definition.compile(
    node,
    createCompileContext(node, new Map(Object.entries(wiring)), definition.activity?.options),
  );
}

/** Runs a node's activity once, outside Temporal, with real dependencies. */
export async function runNodeActivity(
  definition: AnyNodeDefinition,
  config: unknown,
  options: {
    scope?: TemplateScope;
    env?: Record<string, string | undefined>;
    idempotencyKey?: string;
    /** The activity's clock. */
    now?: Date;
    /** The calls voice nodes act on. */
    voice?: NodeVoice;
    recordings?: NodeRecordings;
  } = {},
): Promise<ActivityResult> {
  if (!definition.activity) throw new Error(`${definition.type} has no activity`);
  const now = options.now;
  return definition.activity.run(definition.config.parse(config), options.scope ?? testScope(), {
    idempotencyKey: options.idempotencyKey ?? 'run-test:node:1',
    signal: new AbortController().signal,
    env: options.env ?? {},
    ...(now ? { clock: () => now } : {}),
    ...(options.voice ? { voice: options.voice } : {}),
    ...(options.recordings ? { recordings: options.recordings } : {}),
  });
}
