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
  /** The list whose rows name the node's ports (a menu's options), when the node has one. */
  portRows?: PortRowsInfo;
  /** The language the flow speaks: defaults shown are the ones it will send. */
  flowLanguage?: 'es' | 'en';
  /** The node's whole config, for a field that follows another (a script's language). */
  config?: Record<string, unknown>;
  /** Replaces the whole config, for a field that sets another with it (a subflow's name). */
  setConfig?(config: Record<string, unknown>): void;
  /** Declarations of the flow's context for a code node's script (editors/script-context-types.ts). */
  scriptTypes?: string;
}

export interface PortRowsInfo {
  /** The config property holding the rows (`options`, `branches`). */
  list: string;
  /** The node's own ports, which a row's id must not take (`timeout`, `else`). */
  reserved: readonly string[];
  /** Ports an edge leaves by: their ids no longer follow the label. */
  wired: ReadonlySet<string>;
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
