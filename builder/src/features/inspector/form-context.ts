import { createContext, useContext } from 'react';
import type { ValidationIssue } from '../../api/types.ts';
import type { FieldPath } from './route-issues.ts';
import type { VariableOption } from './template-input.tsx';

/** What every field of one NodeForm shares, so it need not be passed down each level by hand. */
export interface FormContextValue {
  idPrefix: string;
  variables: readonly VariableOption[];
  disabled: boolean;
  issuesAt(path: FieldPath): readonly ValidationIssue[];
}

export const FormContext = createContext<FormContextValue>({
  idPrefix: 'field',
  variables: [],
  disabled: false,
  issuesAt: () => [],
});

export function useFormContext(): FormContextValue {
  return useContext(FormContext);
}

/** A DOM id for the field at `path`; property names may hold characters ids should not. */
export function fieldId(idPrefix: string, path: FieldPath): string {
  return [idPrefix, ...path.map((segment) => String(segment).replace(/[^A-Za-z0-9_-]/g, '_'))].join('-');
}
