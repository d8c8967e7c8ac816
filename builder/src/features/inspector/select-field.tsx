import { useLocalized, useT } from '../../i18n/use-i18n.ts';
import { FieldShell } from './field-shell.tsx';
import type { FieldProps } from './field-props.ts';
import { inputClass } from './field-styles.ts';
import { defaultValue, enumValues, uiHints } from './json-schema.ts';

// Option values are indexes, so enums of numbers or booleans come back with their JSON type.
const unset = '';
const unknown = 'current';

/** One of the schema's `enum` values. The first option means "not set" and names the default. */
export function SelectField({ node, path, value, onChange, label, required }: FieldProps) {
  const t = useT();
  const localized = useLocalized();
  const values = enumValues(node) ?? [];
  const { optionLabels } = uiHints(node);
  const fallback = defaultValue(node);
  const text = (option: unknown) => {
    const named = optionLabels?.[String(option)];
    return named ? localized(named) : String(option);
  };
  const index = values.findIndex((option) => option === value);
  const selected = index >= 0 ? String(index) : value === undefined ? unset : unknown;
  return (
    <FieldShell path={path} label={label} required={required} empty={value === undefined}>
      {(control) => (
        <select
          {...control}
          value={selected}
          onChange={(event) => {
            const choice = event.target.value;
            if (choice === unset) onChange(undefined);
            else if (choice !== unknown) onChange(values[Number(choice)]);
          }}
          className={inputClass}
        >
          <option value={unset}>
            {fallback
              ? t('inspector.select.default', { value: text(fallback.value) })
              : t('inspector.select.choose')}
          </option>
          {values.map((option, i) => (
            <option key={i} value={String(i)}>
              {text(option)}
            </option>
          ))}
          {selected === unknown && <option value={unknown}>{String(value)}</option>}
        </select>
      )}
    </FieldShell>
  );
}
