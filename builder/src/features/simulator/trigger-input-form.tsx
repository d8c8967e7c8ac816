import { useT } from '../../i18n/use-i18n.ts';
import type { DeclaredInput } from './declared-inputs.ts';

export type InputValues = Record<string, string | number | boolean>;

/**
 * One field per input the start declares, labelled with the designer's own words; a required
 * one carries a mark and `required` (a yes/no is always answered: unticked is its "no").
 * `missing` names the fields a refused start left empty, so they read as invalid.
 */
export function TriggerInputForm({
  inputs,
  values,
  onChange,
  missing = [],
}: {
  inputs: readonly DeclaredInput[];
  values: InputValues;
  onChange(next: InputValues): void;
  missing?: readonly string[];
}) {
  const t = useT();
  const set = (name: string, value: string | number | boolean | undefined) => {
    const next = { ...values };
    if (value === undefined) delete next[name];
    else next[name] = value;
    onChange(next);
  };
  if (inputs.length === 0) return <p className="text-xs text-slate-500">{t('triggerInput.none')}</p>;
  const anyRequired = inputs.some((input) => input.required && input.type !== 'boolean');
  return (
    <fieldset className="space-y-2">
      <legend className="font-medium">{t('triggerInput.title')}</legend>
      {anyRequired && <p className="text-xs text-slate-500">{t('triggerInput.requiredHint')}</p>}
      {inputs.map((input) => {
        const id = `trigger-input-${input.name}`;
        const value = values[input.name];
        if (input.type === 'boolean') {
          return (
            <label key={input.name} className="flex items-center gap-2">
              <input
                id={id}
                type="checkbox"
                checked={value === true}
                onChange={(e) => set(input.name, e.target.checked)}
              />
              {input.label}
            </label>
          );
        }
        return (
          <label key={input.name} className="block">
            {input.label}
            {input.required && (
              <span aria-hidden="true" className="ml-0.5 text-red-600">
                *
              </span>
            )}
            <input
              id={id}
              type={input.type === 'number' ? 'number' : 'text'}
              value={value === undefined ? '' : String(value)}
              required={input.required}
              aria-required={input.required || undefined}
              aria-invalid={missing.includes(input.name) || undefined}
              onChange={(e) => {
                const text = e.target.value;
                if (text === '') return set(input.name, undefined);
                const number = Number(text);
                set(input.name, input.type === 'number' && Number.isFinite(number) ? number : text);
              }}
              className="mt-1 w-full rounded border border-slate-300 px-1 aria-[invalid=true]:border-red-600"
            />
          </label>
        );
      })}
    </fieldset>
  );
}
