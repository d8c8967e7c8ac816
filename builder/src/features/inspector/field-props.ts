import type { SchemaNode } from './json-schema.ts';
import type { FieldPath } from './route-issues.ts';

/** What SchemaField hands each field component. `onChange(undefined)` removes the key. */
export interface FieldProps {
  node: SchemaNode;
  path: FieldPath;
  value: unknown;
  onChange(next: unknown): void;
  label: string;
  required: boolean;
}
