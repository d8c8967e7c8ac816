import type { ContactFieldType } from '@omniflow/db';

export interface FieldDefinition {
  key: string;
  label: string;
  type: ContactFieldType;
  choices: string[] | null;
}

export interface AttributeIssue {
  path: string;
  message: string;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** One value against its field's type: the stored form, or why it does not fit. */
function checkValue(field: FieldDefinition, value: unknown): { value: unknown } | { message: string } {
  switch (field.type) {
    case 'text':
      return typeof value === 'string' && value.length <= 2000
        ? { value }
        : { message: `${field.label} is text of at most 2000 characters` };
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? { value }
        : { message: `${field.label} is a number, like 42 or 3.5` };
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { message: `${field.label} is yes or no (true/false)` };
    case 'date': {
      const valid =
        typeof value === 'string' &&
        isoDate.test(value) &&
        new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
      return valid ? { value } : { message: `${field.label} is a date like 2026-03-31` };
    }
    case 'choice':
      return typeof value === 'string' && (field.choices ?? []).includes(value)
        ? { value }
        : { message: `${field.label} is one of: ${(field.choices ?? []).join(', ')}` };
  }
}

/**
 * Checks custom field values against the workspace's definitions. Keys no field defines are left
 * alone: flows save answers there too (contacts-service `update`), and those are not typed.
 * `null` removes a value.
 */
export function checkAttributes(
  fields: FieldDefinition[],
  attributes: Record<string, unknown>,
): { values: Record<string, unknown>; issues: AttributeIssue[] } {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const values: Record<string, unknown> = {};
  const issues: AttributeIssue[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    const field = byKey.get(key);
    if (value === null || !field) {
      values[key] = value;
      continue;
    }
    const checked = checkValue(field, value);
    if ('message' in checked) issues.push({ path: `attributes.${key}`, message: checked.message });
    else values[key] = checked.value;
  }
  return { values, issues };
}
