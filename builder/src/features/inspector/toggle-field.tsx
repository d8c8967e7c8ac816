import { useT } from '../../i18n/use-i18n.ts';
import { FieldShell } from './field-shell.tsx';
import type { FieldProps } from './field-props.ts';
import { defaultValue } from './json-schema.ts';

/** A boolean as a switch; an unset value shows the default without writing it. */
export function ToggleField({ node, path, value, onChange, label, required }: FieldProps) {
  const t = useT();
  const fallback = defaultValue(node);
  const checked = typeof value === 'boolean' ? value : fallback?.value === true;
  const stateText = (on: boolean) => (on ? t('inspector.toggle.on') : t('inspector.toggle.off'));
  return (
    <FieldShell
      path={path}
      label={label}
      required={required}
      empty={false}
      note={
        typeof value !== 'boolean' && typeof fallback?.value === 'boolean'
          ? t('inspector.toggle.default', { value: stateText(fallback.value) })
          : undefined
      }
    >
      {(control) => (
        <div className="flex items-center gap-2">
          <button
            {...control}
            type="button"
            role="switch"
            aria-checked={checked}
            aria-labelledby={`${control.id}-label`}
            onClick={() => onChange(!checked)}
            className={`relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors disabled:opacity-50 ${
              checked ? 'bg-indigo-600' : 'bg-slate-300'
            }`}
          >
            <span
              aria-hidden="true"
              className={`inline-block h-4 w-4 rounded-full bg-white shadow transition-transform ${
                checked ? 'translate-x-4' : 'translate-x-0.5'
              }`}
            />
          </button>
          <span aria-hidden="true" className="text-sm text-slate-600">
            {stateText(checked)}
          </span>
        </div>
      )}
    </FieldShell>
  );
}
