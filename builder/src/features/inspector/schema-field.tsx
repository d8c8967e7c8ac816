import { CodeField } from '../editors/code-field.tsx';
import { ScriptField } from '../editors/script-field.tsx';
import { DurationField } from './duration-field.tsx';
import { FieldShell } from './field-shell.tsx';
import type { FieldProps } from './field-props.ts';
import { JsonValueField } from './json-value-field.tsx';
import { uiHints, widgetOf } from './json-schema.ts';
import { KeyValueField } from './key-value-field.tsx';
import { LibraryTemplateField } from './library-template-field.tsx';
import { NumberField } from './number-field.tsx';
import { ObjectFields } from './object-fields.tsx';
import { RowsField } from './rows-field.tsx';
import { SelectField } from './select-field.tsx';
import { TemplateField } from './template-field.tsx';
import { TextField } from './text-field.tsx';
import { ToggleField } from './toggle-field.tsx';
import { VoicePromptField } from '../voice-prompts/voice-prompt-field.tsx';
import { SubflowField } from '../subflows/subflow-field.tsx';

/** The control for one schema, chosen by `widgetOf`; objects and lists recurse through here. */
export function SchemaField(props: FieldProps) {
  const { node, path, value, onChange, label, required } = props;
  switch (widgetOf(node)) {
    case 'object':
      return (
        <FieldShell
          path={path}
          label={label}
          required={required}
          empty={value === undefined}
          labelAs="legend"
        >
          {() => <ObjectFields node={node} path={path} value={value} onChange={onChange} />}
        </FieldShell>
      );
    case 'rows':
      return <RowsField {...props} />;
    case 'key-value':
      return <KeyValueField {...props} />;
    case 'select':
      return <SelectField {...props} />;
    case 'toggle':
      return <ToggleField {...props} />;
    case 'number':
      return <NumberField {...props} />;
    case 'text':
      return <TextField {...props} />;
    case 'template':
      return <TemplateField {...props} />;
    case 'duration':
      return <DurationField {...props} />;
    case 'code': {
      const text = typeof value === 'string' ? value : '';
      const hints = uiHints(node);
      return (
        <FieldShell path={path} label={label} required={required} empty={text === ''} labelAs="none">
          {(control) => (
            <CodeField
              id={control.id}
              label={label}
              language={hints.language ?? 'plaintext'}
              template={hints.template}
              value={text}
              onChange={(next) => onChange(next === '' ? undefined : next)}
              invalid={control['aria-invalid']}
              required={required}
              readOnly={control.disabled}
              describedBy={control['aria-describedby']}
            />
          )}
        </FieldShell>
      );
    }
    case 'script':
      return <ScriptField {...props} />;
    case 'library-template':
      return <LibraryTemplateField {...props} />;
    case 'voice-prompt':
      return <VoicePromptField {...props} />;
    case 'subflow':
      return <SubflowField {...props} />;
    case 'json':
      return <JsonValueField {...props} />;
  }
}
