import { CodeField } from './code-field.tsx';
import { FieldShell } from '../inspector/field-shell.tsx';
import type { FieldProps } from '../inspector/field-props.ts';
import { useFormContext } from '../inspector/form-context.ts';

/**
 * The code node's script: Monaco in JavaScript or TypeScript (the language follows the node's
 * `language` field), with the flow's context (`input`, `vars`, `nodes`) typed for hints.
 */
export function ScriptField({ path, value, onChange, label, required }: FieldProps) {
  const { config, scriptTypes } = useFormContext();
  const text = typeof value === 'string' ? value : '';
  const language = config?.language === 'typescript' ? 'typescript' : 'javascript';
  return (
    <FieldShell path={path} label={label} required={required} empty={text === ''} labelAs="none">
      {(control) => (
        <CodeField
          id={control.id}
          label={label}
          language={language}
          value={text}
          onChange={(next) => onChange(next === '' ? undefined : next)}
          invalid={control['aria-invalid']}
          required={required}
          readOnly={control.disabled}
          describedBy={control['aria-describedby']}
          {...(scriptTypes === undefined ? {} : { extraLib: scriptTypes })}
          heightClass="h-72"
        />
      )}
    </FieldShell>
  );
}
