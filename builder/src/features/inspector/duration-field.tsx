import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { describeDuration, parseIsoDuration } from './duration.ts';
import { FieldShell } from './field-shell.tsx';
import type { FieldProps } from './field-props.ts';
import { inputClass } from './field-styles.ts';
import { defaultValue } from './json-schema.ts';

/** An ISO-8601 duration (PT30S, PT2H, P3D), checked as it is typed and read back in words. */
export function DurationField({ node, path, value, onChange, label, required }: FieldProps) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const text = typeof value === 'string' ? value : '';
  const parts = text === '' ? undefined : parseIsoDuration(text);
  const fallback = defaultValue(node)?.value;
  const fallbackParts = typeof fallback === 'string' ? parseIsoDuration(fallback) : undefined;
  const note = parts
    ? t('inspector.duration.preview', { duration: describeDuration(parts, locale) })
    : text === '' && fallbackParts
      ? t('inspector.duration.default', { duration: describeDuration(fallbackParts, locale) })
      : undefined;
  return (
    <FieldShell
      path={path}
      label={label}
      required={required}
      empty={text === ''}
      hint={t('inspector.duration.hint')}
      note={note}
      errors={text !== '' && !parts ? [t('inspector.duration.invalid')] : []}
    >
      {(control) => (
        <input
          {...control}
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={text}
          placeholder={typeof fallback === 'string' ? fallback : 'PT30S'}
          // ISO-8601 designators are capitals; "pt2h" is what people type and mean.
          onChange={(event) =>
            onChange(event.target.value === '' ? undefined : event.target.value.toUpperCase())
          }
          className={`${inputClass} font-mono`}
        />
      )}
    </FieldShell>
  );
}
