import { useLocalized, useT } from '../../i18n/use-i18n.ts';
import { FieldShell } from './field-shell.tsx';
import type { FieldProps } from './field-props.ts';
import { inputClass } from './field-styles.ts';
import { defaultValue, enumValues, uiHints } from './json-schema.ts';

// Option values are indexes, so enums of numbers or booleans come back with their JSON type.
const unset = '';
const unknown = 'current';

/**
 * One of the schema's `enum` values. With a default, its own option stands for "not set" (one
 * "Any channel", not also "Default (Any channel)"); without one, a first "Choose…" option does.
 */
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
  const defaultIndex = fallback ? values.findIndex((option) => option === fallback.value) : -1;
  const unsetOption = defaultIndex >= 0 ? String(defaultIndex) : unset;
  const selected = index >= 0 ? String(index) : value === undefined ? unsetOption : unknown;
  return (
    <FieldShell path={path} label={label} required={required} empty={value === undefined}>
      {(control) => (
        <select
          {...control}
          value={selected}
          onChange={(event) => {
            const choice = event.target.value;
            // Choosing the default leaves the field unset, so the document stays as small as before.
            if (choice === unset || choice === unsetOption) onChange(undefined);
            else if (choice !== unknown) onChange(values[Number(choice)]);
          }}
          className={inputClass}
        >
          {defaultIndex < 0 && (
            <option value={unset}>
              {fallback
                ? t('inspector.select.default', { value: text(fallback.value) })
                : t('inspector.select.choose')}
            </option>
          )}
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
