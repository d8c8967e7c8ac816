import { useState } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import type { ValueType } from './segment-draft.ts';

type Scalar = string | number | boolean | undefined;
type List = (string | number)[] | undefined;

const input = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm';

/** The value of a field condition, as the field's type asks: a date picker, a number, a choice… */
export function ValueInput({
  type,
  shape,
  choices,
  value,
  values,
  onChange,
}: {
  type: ValueType;
  shape: 'none' | 'one' | 'two' | 'list';
  choices: string[] | null;
  value: Scalar;
  values: List;
  onChange: (value: Scalar, values: List) => void;
}) {
  const t = useT();
  if (shape === 'none') return null;
  const htmlType = type === 'number' ? 'number' : type === 'date' ? 'date' : 'text';
  const read = (text: string): string | number => (type === 'number' && text !== '' ? Number(text) : text);
  if (shape === 'two')
    return (
      <>
        <input
          type={htmlType}
          aria-label={t('segments.valueFrom')}
          className={input}
          value={String(values?.[0] ?? '')}
          onChange={(e) => onChange(undefined, [read(e.target.value), values?.[1] ?? ''])}
        />
        <input
          type={htmlType}
          aria-label={t('segments.valueTo')}
          className={input}
          value={String(values?.[1] ?? '')}
          onChange={(e) => onChange(undefined, [values?.[0] ?? '', read(e.target.value)])}
        />
      </>
    );
  if (shape === 'list' && choices)
    return (
      <fieldset className="flex flex-wrap gap-2" aria-label={t('segments.value')}>
        {choices.map((choice) => (
          <label key={choice} className="flex items-center gap-1 text-sm">
            <input
              type="checkbox"
              checked={(values ?? []).includes(choice)}
              onChange={(e) =>
                onChange(
                  undefined,
                  e.target.checked ? [...(values ?? []), choice] : (values ?? []).filter((v) => v !== choice),
                )
              }
            />
            {choice}
          </label>
        ))}
      </fieldset>
    );
  if (shape === 'list') return <ListInput values={values} onChange={(list) => onChange(undefined, list)} />;
  if (choices)
    return (
      <select
        aria-label={t('segments.value')}
        className={input}
        value={String(value ?? '')}
        onChange={(e) => onChange(e.target.value, undefined)}
      >
        <option value="" disabled>
          {t('segments.value')}
        </option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    );
  return (
    <input
      type={htmlType}
      aria-label={t('segments.value')}
      className={input}
      value={String(value ?? '')}
      onChange={(e) => onChange(read(e.target.value), undefined)}
    />
  );
}

/** Values separed by commas, kept as typed so a comma can be written. */
function ListInput({ values, onChange }: { values: List; onChange: (values: string[]) => void }) {
  const t = useT();
  const [text, setText] = useState((values ?? []).join(', '));
  return (
    <input
      type="text"
      aria-label={t('segments.value')}
      title={t('segments.listHint')}
      placeholder={t('segments.listHint')}
      className={input}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(
          e.target.value
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean),
        );
      }}
    />
  );
}
