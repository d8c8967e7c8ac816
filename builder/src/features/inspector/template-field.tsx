import { useT } from '../../i18n/use-i18n.ts';
import { FieldShell } from './field-shell.tsx';
import { placeholderOf } from './json-schema.ts';
import type { FieldProps } from './field-props.ts';
import { useFormContext } from './form-context.ts';
import { formatJsonText } from './json-text.ts';
import { TemplateInput } from './template-input.tsx';

/** A string that is a Liquid template (`ui.widget: 'template'`), with variable suggestions. */
export function TemplateField({ node, path, value, onChange, label, required }: FieldProps) {
  const t = useT();
  const { variables, flowLanguage } = useFormContext();
  const text = typeof value === 'string' ? value : formatJsonText(value);
  return (
    <FieldShell path={path} label={label} required={required} empty={text === ''}>
      {(control) => (
        <TemplateInput
          {...control}
          value={text}
          variables={variables}
          placeholder={placeholderOf(node, flowLanguage) ?? t('inspector.template.hint')}
          onChange={(next) => onChange(next === '' ? undefined : next)}
        />
      )}
    </FieldShell>
  );
}
