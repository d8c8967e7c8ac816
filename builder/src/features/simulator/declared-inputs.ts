import type { FlowDocument } from '../../api/types.ts';

export interface DeclaredInput {
  name: string;
  label: string;
  type: 'text' | 'number' | 'boolean';
  /** The start marks it as one a run must be given. */
  required: boolean;
}

const kinds: readonly DeclaredInput['type'][] = ['text', 'number', 'boolean'];

/**
 * The inputs the flow's start declares (flow.start's `inputs`), or undefined when its trigger is
 * another kind (a call, a message: the channel gives those runs their input).
 */
export function declaredInputs(doc: FlowDocument): DeclaredInput[] | undefined {
  const trigger =
    doc.nodes.find((n) => n.id === doc.trigger?.node) ?? doc.nodes.find((n) => n.type === 'flow.start');
  if (trigger?.type !== 'flow.start') return undefined;
  const rows: unknown[] = Array.isArray(trigger.config.inputs) ? trigger.config.inputs : [];
  return rows.flatMap((row) => {
    if (typeof row !== 'object' || row === null) return [];
    const { name, label, type, required } = row as Record<string, unknown>;
    if (typeof name !== 'string' || name === '') return [];
    const kind = kinds.find((k) => k === type) ?? 'text';
    return [
      {
        name,
        label: typeof label === 'string' && label !== '' ? label : name,
        type: kind,
        required: required === true,
      },
    ];
  });
}
