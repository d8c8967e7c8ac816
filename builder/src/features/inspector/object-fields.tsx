import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { useFormContext } from './form-context.ts';
import { labelOf, properties, requiredIn, type SchemaNode } from './json-schema.ts';
import type { FieldPath } from './route-issues.ts';
import { SchemaField } from './schema-field.tsx';

export interface ObjectFieldsProps {
  node: SchemaNode;
  path: FieldPath;
  value: unknown;
  onChange(next: Record<string, unknown>): void;
  /** Properties shown only in a collapsed "Advanced" section (a row's port id). */
  advanced?: readonly string[];
  /** A line under the "Advanced" section's fields. */
  advancedHint?: string;
}

const none: readonly string[] = [];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One field per property of an object schema, in the schema's order. */
export function ObjectFields({
  node,
  path,
  value,
  onChange,
  advanced = none,
  advancedHint,
}: ObjectFieldsProps) {
  const locale = useLocale((s) => s.locale);
  const t = useT();
  const { issuesAt } = useFormContext();
  const object = isRecord(value) ? value : {};
  const all = properties(node);
  const field = (property: (typeof all)[number]) => (
    <SchemaField
      key={property.name}
      node={property.node}
      path={[...path, property.name]}
      value={object[property.name]}
      label={labelOf(property.name, property.node, locale)}
      required={requiredIn(property, object)}
      onChange={(next) => {
        const copy = { ...object };
        if (next === undefined) delete copy[property.name];
        else copy[property.name] = next;
        onChange(copy);
      }}
    />
  );
  const hidden = all.filter((p) => advanced.includes(p.name));
  return (
    <div className="space-y-4">
      {all.filter((p) => !advanced.includes(p.name)).map(field)}
      {hidden.length > 0 && (
        // Opened by itself when something in it is wrong, so the problem is never out of sight.
        <details
          open={hidden.some((p) => issuesAt([...path, p.name]).length > 0) || undefined}
          className="rounded border border-slate-200 px-2 py-1"
        >
          <summary className="cursor-pointer text-xs text-slate-600">{t('advanced.section')}</summary>
          <div className="mt-2 space-y-2">
            {hidden.map(field)}
            {advancedHint && <p className="text-xs text-slate-500">{advancedHint}</p>}
          </div>
        </details>
      )}
    </div>
  );
}
