import type { DeclaredInput } from './declared-inputs.ts';

/**
 * The required inputs a test run's input leaves out: absent, null or blank text. A yes/no input
 * is never missing — an unticked box is its "no" (see `withRequiredAnswers`).
 */
export function missingInputs(
  inputs: readonly DeclaredInput[],
  input: Readonly<Record<string, unknown>>,
): DeclaredInput[] {
  return inputs.filter((declared) => {
    if (!declared.required || declared.type === 'boolean') return false;
    const value = input[declared.name];
    return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  });
}

/** The input with every required yes/no the person left unticked given as `false`. */
export function withRequiredAnswers(
  inputs: readonly DeclaredInput[],
  input: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const answered: Record<string, unknown> = { ...input };
  for (const declared of inputs)
    if (declared.required && declared.type === 'boolean' && answered[declared.name] === undefined)
      answered[declared.name] = false;
  return answered;
}
