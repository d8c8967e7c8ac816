import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import { FieldShell } from './field-shell.tsx';
import type { FieldProps } from './field-props.ts';
import { inputClass } from './field-styles.ts';
import { numberBounds, placeholderOf } from './json-schema.ts';

function numberText(value: unknown): string {
  return typeof value === 'number' ? String(value) : '';
}

/** A number or integer. Only numbers reach the config; a half-typed one stays in the box. */
export function NumberField({ node, path, value, onChange, label, required }: FieldProps) {
  const t = useT();
  const { min, max, integer } = numberBounds(node);
  const [draft, setDraft] = useState(() => numberText(value));
  const [badInput, setBadInput] = useState(false);
  useEffect(() => {
    setDraft((current) => (current !== '' && Number(current) === value ? current : numberText(value)));
  }, [value]);
  const parsed = draft.trim() === '' ? undefined : Number(draft);
  const errors =
    badInput || (parsed !== undefined && !Number.isFinite(parsed))
      ? [t('inspector.number.invalid')]
      : integer && parsed !== undefined && !Number.isInteger(parsed)
        ? [t('inspector.number.integer')]
        : [];
  return (
    <FieldShell
      path={path}
      label={label}
      required={required}
      empty={draft === '' && !badInput}
      errors={errors}
    >
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode={integer ? 'numeric' : 'decimal'}
          step={integer ? 1 : 'any'}
          min={min}
          max={max}
          value={draft}
          placeholder={placeholderOf(node)}
          onChange={(event) => {
            const text = event.target.value;
            // Browsers report "1e" or "--1" in a number box as an empty value plus badInput.
            const bad = event.target.validity?.badInput === true;
            setDraft(text);
            setBadInput(bad);
            if (bad) return;
            const next = text.trim() === '' ? undefined : Number(text);
            if (next === undefined) onChange(undefined);
            else if (Number.isFinite(next) && (!integer || Number.isInteger(next))) onChange(next);
          }}
          className={inputClass}
        />
      )}
    </FieldShell>
  );
}
