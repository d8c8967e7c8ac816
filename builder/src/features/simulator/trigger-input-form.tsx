import { useT } from '../../i18n/use-i18n.ts';
import type { DeclaredInput } from './declared-inputs.ts';

export type InputValues = Record<string, string | number | boolean>;

/** One field per input the start declares, labelled with the designer's own words. */
export function TriggerInputForm({
  inputs,
  values,
  onChange,
}: {
  inputs: readonly DeclaredInput[];
  values: InputValues;
  onChange(next: InputValues): void;
}) {
  const t = useT();
  const set = (name: string, value: string | number | boolean | undefined) => {
    const next = { ...values };
    if (value === undefined) delete next[name];
    else next[name] = value;
    onChange(next);
  };
  if (inputs.length === 0) return <p className="text-xs text-slate-500">{t('triggerInput.none')}</p>;
  return (
    <fieldset className="space-y-2">
      <legend className="font-medium">{t('triggerInput.title')}</legend>
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
            <input
              id={id}
              type={input.type === 'number' ? 'number' : 'text'}
              value={value === undefined ? '' : String(value)}
              onChange={(e) => {
                const text = e.target.value;
                if (text === '') return set(input.name, undefined);
                const number = Number(text);
                set(input.name, input.type === 'number' && Number.isFinite(number) ? number : text);
              }}
              className="mt-1 w-full rounded border border-slate-300 px-1"
            />
          </label>
        );
      })}
    </fieldset>
  );
}
