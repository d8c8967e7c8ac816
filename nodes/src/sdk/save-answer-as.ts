import { z } from 'zod';
import { action } from './instructions/index.ts';
import type { StateFragment, TransitionJson } from './types.ts';

/**
 * "Save the answer as variable X" of ask, menu and gather: absent or empty saves nothing; otherwise
 * the answer is also `{{ vars.X }}` for every later node, under a name the designer chose. Optional
 * (no default), so the machines of flows that do not use it stay as they were.
 */
export const saveAnswerAsField = z
  .string()
  .regex(
    /^([A-Za-z_][A-Za-z0-9_]*)?$/,
    'A variable name starts with a letter or _ and has only letters, digits and _',
  )
  .optional()
  .meta({ ui: { label: { en: 'Save the answer as variable', es: 'Guardar la respuesta en la variable' } } });

/** The action that copies the answer (`field` of the node's output) into `vars[name]`. */
export function saveAnswerAction(nodeId: string, field: string, name: string) {
  return action('saveAnswerAs', { nodeId, field, name });
}

/**
 * A `runActivity` fragment whose answering ports (`ports`) also save the answer into `vars[name]`,
 * right after the activity's output became the node's output; unchanged when `name` is empty.
 */
export function savingAnswer(
  fragment: StateFragment,
  nodeId: string,
  ports: readonly string[],
  field: string,
  name: string | undefined,
): StateFragment {
  if (!name || !fragment.invoke) return fragment;
  const answering = (t: TransitionJson) =>
    t.guard?.type === 'portIs' && ports.includes((t.guard.params as { port: string }).port);
  const onDone = [fragment.invoke.onDone].flat().map((t): TransitionJson => {
    if (!answering(t)) return t;
    const actions = [...(t.actions ?? [])];
    const saved = actions.findIndex((a) => a.type === 'saveOutput');
    actions.splice(saved + 1, 0, saveAnswerAction(nodeId, field, name));
    return { ...t, actions };
  });
  return { ...fragment, invoke: { ...fragment.invoke, onDone } };
}
