import type { ReactNode } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import { fieldId, useFormContext } from './form-context.ts';
import type { FieldPath } from './route-issues.ts';
import { fieldIssueText } from './field-issue-text.ts';

/** Attributes every control spreads so its label, hints and errors reach assistive technology. */
export interface ControlProps {
  id: string;
  disabled: boolean;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

export interface FieldShellProps {
  path: FieldPath;
  label: string;
  required: boolean;
  /** Nothing entered yet: a required field then says so before the validator runs. */
  empty: boolean;
  /**
   * `label`: a <label for> above the control. `legend`: a fieldset around a group of controls.
   * `none`: the control renders its own label (CodeField).
   */
  labelAs?: 'label' | 'legend' | 'none';
  hint?: string;
  /** A line that explains the current value (a duration in words, how a JSON value is saved). */
  note?: string;
  /** Problems the control found itself, before any server validation. */
  errors?: readonly string[];
  children: (control: ControlProps) => ReactNode;
}

/** Label, required mark, hint and messages around one field of a NodeForm. */
export function FieldShell({
  path,
  label,
  required,
  empty,
  labelAs = 'label',
  hint,
  note,
  errors = [],
  children,
}: FieldShellProps) {
  const t = useT();
  const { idPrefix, disabled, issuesAt } = useFormContext();
  const id = fieldId(idPrefix, path);
  const issues = issuesAt(path);
  const messages = [
    ...(required && empty ? [{ text: t('inspector.required'), error: true }] : []),
    ...errors.map((text) => ({ text, error: true })),
    ...issues.map((issue) => ({ text: fieldIssueText(issue, t), error: issue.severity === 'error' })),
  ];
  const invalid = messages.some((m) => m.error);
  const hintId = `${id}-hint`;
  const noteId = `${id}-note`;
  const messagesId = `${id}-messages`;
  const describedBy = [hint && hintId, note && noteId, messages.length > 0 && messagesId]
    .filter(Boolean)
    .join(' ');
  const control: ControlProps = {
    id,
    disabled,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(invalid ? { 'aria-invalid': true } : {}),
    ...(required ? { 'aria-required': true } : {}),
  };
  const caption = (
    <>
      {label}
      {required && (
        <span aria-hidden="true" className="ml-0.5 text-red-600">
          *
        </span>
      )}
    </>
  );
  const details = (
    <>
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {note && (
        <p id={noteId} className="mt-1 text-xs text-slate-600">
          {note}
        </p>
      )}
      {messages.length > 0 && (
        <div id={messagesId} className="mt-1 space-y-0.5">
          {messages.map((m, index) => (
            <p key={index} className={m.error ? 'text-xs text-red-700' : 'text-xs text-amber-700'}>
              {m.text}
            </p>
          ))}
        </div>
      )}
    </>
  );

  if (labelAs === 'legend') {
    return (
      <fieldset
        id={id}
        aria-describedby={control['aria-describedby']}
        className="min-w-0 rounded border border-slate-200 p-3"
        data-field={path.join('.')}
      >
        <legend className="px-1 text-sm font-medium text-slate-800">{caption}</legend>
        {children(control)}
        {details}
      </fieldset>
    );
  }
  return (
    <div className="min-w-0" data-field={path.join('.')}>
      {labelAs === 'label' && (
        <label htmlFor={id} id={`${id}-label`} className="mb-1 block text-sm font-medium text-slate-800">
          {caption}
        </label>
      )}
      {children(control)}
      {details}
    </div>
  );
}
