import { useEffect, useState } from 'react';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import {
  describeDuration,
  durationAmount,
  durationUnits,
  toIsoDuration,
  parseIsoDuration,
  type DurationUnit,
} from './duration.ts';
import { FieldShell } from './field-shell.tsx';
import type { FieldProps } from './field-props.ts';
import { inputClass } from './field-styles.ts';
import { defaultValue } from './json-schema.ts';

/**
 * A duration as a number and a unit ("5 seconds"); the config keeps the ISO-8601 text the nodes
 * read (PT5S), which the person never has to see or type.
 */
export function DurationField({ node, path, value, onChange, label, required }: FieldProps) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const text = typeof value === 'string' ? value : '';
  const parts = text === '' ? undefined : parseIsoDuration(text);
  const stored = parts ? durationAmount(parts) : undefined;
  const fallback = defaultValue(node)?.value;
  const fallbackParts = typeof fallback === 'string' ? parseIsoDuration(fallback) : undefined;
  const fallbackAmount = fallbackParts ? durationAmount(fallbackParts) : undefined;

  const [draft, setDraft] = useState(() => (stored ? String(stored.amount) : ''));
  const [unit, setUnit] = useState<DurationUnit>(() => stored?.unit ?? fallbackAmount?.unit ?? 'seconds');
  // A value changed from outside (undo, another node) resets the boxes; the person's own "60
  // seconds" stays as typed although it would read back as "1 minute".
  useEffect(() => {
    const amount = Number(draft);
    if (draft.trim() !== '' && Number.isFinite(amount) && toIsoDuration(amount, unit) === text) return;
    if (stored) {
      setDraft(String(stored.amount));
      setUnit(stored.unit);
    } else if (text === '') {
      setDraft((current) => (current.trim() === '' || !Number.isFinite(Number(current)) ? current : ''));
    }
    // Only the stored text decides; the draft and unit are what this effect repairs.
  }, [text]);

  const amount = draft.trim() === '' ? undefined : Number(draft);
  const badAmount = amount !== undefined && (!Number.isFinite(amount) || amount < 0);
  const errors = badAmount
    ? [t('duration.invalid', { unit: t(`duration.unit.${unit}`) })]
    : text !== '' && !parts && draft.trim() === ''
      ? [t('duration.unreadable')]
      : [];
  const note =
    draft.trim() === '' && text === '' && fallbackParts
      ? t('duration.default', { duration: describeDuration(fallbackParts, locale) })
      : undefined;

  function commit(nextDraft: string, nextUnit: DurationUnit) {
    setDraft(nextDraft);
    setUnit(nextUnit);
    if (nextDraft.trim() === '') return onChange(undefined);
    const next = Number(nextDraft);
    if (Number.isFinite(next) && next >= 0) onChange(toIsoDuration(next, nextUnit));
  }

  return (
    <FieldShell
      path={path}
      label={label}
      required={required}
      empty={text === '' && draft.trim() === ''}
      note={note}
      errors={errors}
    >
      {(control) => (
        <div className="flex gap-2" data-testid="duration-picker">
          <input
            {...control}
            type="number"
            inputMode="decimal"
            min={0}
            step={unit === 'seconds' ? 'any' : 1}
            value={draft}
            placeholder={fallbackAmount ? String(fallbackAmount.amount) : undefined}
            onChange={(event) => commit(event.target.value, unit)}
            // Without w-full: with both widths in the class the number took the whole row and pushed
            // the unit out of the inspector, so "2" was shown without "horas".
            className={`${inputClass.replace('w-full ', '')} w-24 flex-none`}
          />
          <select
            id={`${control.id}-unit`}
            disabled={control.disabled}
            aria-label={t('duration.unit')}
            value={unit}
            onChange={(event) => {
              const next = durationUnits.find((u) => u === event.target.value) ?? unit;
              commit(draft, next);
            }}
            className={`${inputClass} min-w-0 flex-1`}
          >
            {durationUnits.map((u) => (
              <option key={u} value={u}>
                {t(`duration.unit.${u}`)}
              </option>
            ))}
          </select>
        </div>
      )}
    </FieldShell>
  );
}
