import { useId } from 'react';
import { useLocalized, useT } from '../../i18n/use-i18n.ts';
import type { ProviderField } from './provider-fields.ts';

const inputType = { text: 'text', number: 'number', url: 'url', secret: 'password' } as const;
const fieldClass = (error: string | undefined) =>
  `mt-1 block w-full rounded border px-2 py-1 ${error ? 'border-red-500' : 'border-slate-300'}`;

/**
 * One labelled input of a provider form, with its hint or the API's complaint under it. A secret
 * that is already saved is never shown back: it reads "set — leave empty to keep it" instead.
 */
export function ProviderFieldInput({
  field,
  value,
  error,
  secretSaved,
  onChange,
}: {
  field: ProviderField;
  value: string;
  error: string | undefined;
  secretSaved: boolean;
  onChange: (value: string) => void;
}) {
  const t = useT();
  const localized = useLocalized();
  const id = useId();
  const required = field.required === true && !secretSaved;
  const hint = error ?? (secretSaved ? t('channels.secretKept') : field.hint ? localized(field.hint) : null);
  return (
    <div className="text-sm">
      <label htmlFor={id} className="font-medium">
        {localized(field.label)}
      </label>
      {/* Outside the label so the field's accessible name is just its label; aria-required says it. */}
      {required && (
        <span aria-hidden="true" className="ml-0.5 text-red-700">
          *
        </span>
      )}
      {field.kind === 'choice' ? (
        <select
          id={id}
          value={value || field.choices?.[0]?.value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className={`${fieldClass(error)} bg-white`}
        >
          {field.choices?.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {localized(choice.label)}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type={inputType[field.kind]}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder={secretSaved ? '••••••••' : field.placeholder}
          aria-required={required || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={hint ? `${id}-hint` : undefined}
          autoComplete={field.kind === 'secret' ? 'new-password' : 'off'}
          spellCheck={false}
          {...(field.kind === 'number' ? { min: 1, step: 1 } : {})}
          className={fieldClass(error)}
        />
      )}
      {hint && (
        <p id={`${id}-hint`} className={`mt-0.5 text-xs ${error ? 'text-red-700' : 'text-slate-600'}`}>
          {hint}
        </p>
      )}
    </div>
  );
}
