import type { FlowDocument, ValidationIssue } from '../../api/types.ts';

/**
 * The lengths the server's flow document schema (runtime/src/graph/flow-schema.ts) refuses a save
 * for. Checked here first, so a too-long name is a problem with a reason before the save fails,
 * never a save that silently stops.
 */
export const draftLimits = [
  { field: 'name', en: 'flow name', es: 'nombre del flujo', max: 200 },
  { field: 'description', en: 'description', es: 'descripción', max: 2000 },
] as const;

/** FLOW_FIELD_TOO_LONG for each field of the draft over its limit. */
export function draftLimitIssues(doc: Pick<FlowDocument, 'name' | 'description'>): ValidationIssue[] {
  return draftLimits.flatMap(({ field, en, es, max }) => {
    // UTF-16 units, as zod's max counts them.
    const length = (doc[field] ?? '').length;
    if (length <= max) return [];
    return [
      {
        code: 'FLOW_FIELD_TOO_LONG',
        severity: 'error' as const,
        message: `The ${en} has ${length} characters; at most ${max} can be saved`,
        params: { field: en, fieldEs: es, length, max },
      },
    ];
  });
}
