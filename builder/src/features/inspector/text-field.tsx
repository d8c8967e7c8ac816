import { FieldShell } from './field-shell.tsx';
import type { FieldProps } from './field-props.ts';
import { inputClass } from './field-styles.ts';
import { useLocalized } from '../../i18n/use-i18n.ts';
import { placeholderOf, uiHints } from './json-schema.ts';
import { formatJsonText } from './json-text.ts';

/** A plain string. Clearing it removes the key, so the node's default applies again. */
export function TextField({ node, path, value, onChange, label, required }: FieldProps) {
  const localized = useLocalized();
  const text = typeof value === 'string' ? value : formatJsonText(value);
  const help = uiHints(node).help;
  return (
    <FieldShell
      path={path}
      label={label}
      required={required}
      empty={text === ''}
      {...(help ? { hint: localized(help) } : {})}
    >
      {(control) => (
        <input
          {...control}
          type="text"
          value={text}
          placeholder={placeholderOf(node)}
          onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
          className={inputClass}
        />
      )}
    </FieldShell>
  );
}
