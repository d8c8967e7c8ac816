import type { AnyNodeDefinition } from '@omniflow/nodes/sdk';
import type { FlowNode } from './flow-schema.ts';

/**
 * The node as a person knows it, for a problem's params: the label the designer gave it, or its
 * type's title (`node` in English, `nodeEs` in Spanish — the builder's sentences pick one), never
 * its id.
 */
export function nodeNames(
  node: Pick<FlowNode, 'type' | 'label'> | undefined,
  definition: AnyNodeDefinition | undefined,
  key = 'node',
): Record<string, string> {
  const label = node?.label?.trim();
  const en = label || definition?.title.en || node?.type || '?';
  const es = label || definition?.title.es || node?.type || '?';
  return { [key]: en, [`${key}Es`]: es };
}
