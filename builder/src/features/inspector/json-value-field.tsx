import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import { FieldShell } from './field-shell.tsx';
import { placeholderOf } from './json-schema.ts';
import type { FieldProps } from './field-props.ts';
import { useFormContext } from './form-context.ts';
import { formatJsonText, jsonKind, parseJsonText, sameJson } from './json-text.ts';
import { TemplateInput } from './template-input.tsx';

/**
 * Any JSON value (`z.json()`, the value of a logic.set assignment) typed as text: valid JSON is
 * saved as JSON (`42`, `true`, `{"a": 1}`), anything else, such as `{{ input.amount }}` or
 * `hello`, as text that the runtime renders as a template.
 */
export function JsonValueField({ node, path, value, onChange, label, required }: FieldProps) {
  const t = useT();
  const { variables } = useFormContext();
  // The typed text is kept as is: "1.0" must not turn into "1" under the user's caret.
  const [text, setText] = useState(() => formatJsonText(value));
  useEffect(() => {
    setText((current) => (sameJson(parseJsonText(current), value) ? current : formatJsonText(value)));
  }, [value]);
  const parsed = parseJsonText(text);
  return (
    <FieldShell
      path={path}
      label={label}
      required={required}
      empty={parsed === undefined}
      hint={t('inspector.json.hint')}
      note={
        parsed === undefined
          ? undefined
          : t('inspector.json.storedAs', { kind: t(`inspector.json.kind.${jsonKind(parsed)}`) })
      }
    >
      {(control) => (
        <TemplateInput
          {...control}
          value={text}
          variables={variables}
          placeholder={placeholderOf(node) ?? t('inspector.template.hint')}
          onChange={(next) => {
            setText(next);
            onChange(parseJsonText(next));
          }}
        />
      )}
    </FieldShell>
  );
}
