import { useLocale } from '../../i18n/use-i18n.ts';
import { labelOf, properties, type SchemaNode } from './json-schema.ts';
import type { FieldPath } from './route-issues.ts';
import { SchemaField } from './schema-field.tsx';

export interface ObjectFieldsProps {
  node: SchemaNode;
  path: FieldPath;
  value: unknown;
  onChange(next: Record<string, unknown>): void;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One field per property of an object schema, in the schema's order. */
export function ObjectFields({ node, path, value, onChange }: ObjectFieldsProps) {
  const locale = useLocale((s) => s.locale);
  const object = isRecord(value) ? value : {};
  return (
    <div className="space-y-4">
      {properties(node).map((property) => (
        <SchemaField
          key={property.name}
          node={property.node}
          path={[...path, property.name]}
          value={object[property.name]}
          label={labelOf(property.name, property.node, locale)}
          required={property.required}
          onChange={(next) => {
            const copy = { ...object };
            if (next === undefined) delete copy[property.name];
            else copy[property.name] = next;
            onChange(copy);
          }}
        />
      ))}
    </div>
  );
}
