import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import { FieldShell } from './field-shell.tsx';
import type { FieldProps } from './field-props.ts';
import { inputClass, smallButtonClass } from './field-styles.ts';
import { fieldId, useFormContext } from './form-context.ts';
import { recordValues, uiHints, widgetOf, type SchemaNode } from './json-schema.ts';
import { fieldIssueText } from './field-issue-text.ts';
import { formatJsonText, parseJsonText, sameJson } from './json-text.ts';
import { TemplateInput } from './template-input.tsx';

interface Entry {
  id: number;
  key: string;
  text: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function holdsText(values: SchemaNode | undefined): boolean {
  if (!values) return false;
  return ['text', 'template', 'duration', 'code'].includes(widgetOf(values));
}

/**
 * A record (`additionalProperties`, `ui.widget: 'key-value'`) as rows of key and value. The rows
 * live in local state because a half-edited list can hold what an object cannot: an empty key, or
 * the same key twice while it is being renamed. Only complete, first-seen keys reach the config.
 */
export function KeyValueField({ node, path, value, onChange, label, required }: FieldProps) {
  const t = useT();
  const { disabled, variables, idPrefix, issuesAt } = useFormContext();
  const values = recordValues(node);
  const textValues = holdsText(values);
  const templates = uiHints(node).template || (values !== undefined && widgetOf(values) === 'template');
  const record = isRecord(value) ? value : {};
  const nextId = useRef(0);
  const addRef = useRef<HTMLButtonElement>(null);
  const focusKeyOf = useRef<number | null>(null);
  const baseId = fieldId(idPrefix, path);

  const toEntries = (from: Record<string, unknown>): Entry[] =>
    Object.entries(from).map(([key, item]) => ({
      id: nextId.current++,
      key,
      text: textValues && typeof item === 'string' ? item : formatJsonText(item),
    }));
  const toRecord = (from: readonly Entry[]): Record<string, unknown> => {
    const seen = new Set<string>();
    const pairs: [string, unknown][] = [];
    for (const entry of from) {
      if (entry.key === '' || seen.has(entry.key)) continue;
      seen.add(entry.key);
      pairs.push([entry.key, textValues ? entry.text : (parseJsonText(entry.text) ?? '')]);
    }
    // fromEntries defines own properties, so a key such as "__proto__" stays a key.
    return Object.fromEntries(pairs);
  };

  const [entries, setEntries] = useState<Entry[]>(() => toEntries(record));
  useEffect(() => {
    const incoming = isRecord(value) ? value : {};
    setEntries((current) => (sameJson(toRecord(current), incoming) ? current : toEntries(incoming)));
    // Only a new value from outside resets the rows; toEntries/toRecord read the fixed schema.
  }, [value]);

  useEffect(() => {
    if (focusKeyOf.current === null) return;
    document.getElementById(`${baseId}-key-${focusKeyOf.current}`)?.focus();
    focusKeyOf.current = null;
  });

  function commit(next: Entry[]) {
    setEntries(next);
    const nextRecord = toRecord(next);
    if (!sameJson(nextRecord, record)) onChange(nextRecord);
  }

  function edit(id: number, change: Partial<Omit<Entry, 'id'>>) {
    commit(entries.map((entry) => (entry.id === id ? { ...entry, ...change } : entry)));
  }

  function add() {
    const entry = { id: nextId.current++, key: '', text: '' };
    focusKeyOf.current = entry.id;
    commit([...entries, entry]);
  }

  function remove(id: number) {
    commit(entries.filter((entry) => entry.id !== id));
    addRef.current?.focus();
  }

  const seen = new Set<string>();
  return (
    <FieldShell path={path} label={label} required={required} empty={entries.length === 0} labelAs="legend">
      {() => (
        <>
          {entries.length === 0 ? (
            <p className="text-xs text-slate-500">{t('inspector.keyValue.empty')}</p>
          ) : (
            <>
              <div
                aria-hidden="true"
                className="mb-1 grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_2rem] gap-2"
              >
                <span className="text-xs font-medium text-slate-600">{t('inspector.keyValue.key')}</span>
                <span className="text-xs font-medium text-slate-600">{t('inspector.keyValue.value')}</span>
              </div>
              <ul className="space-y-2">
                {entries.map((entry, index) => {
                  const duplicate = entry.key !== '' && seen.has(entry.key);
                  const first = entry.key !== '' && !duplicate;
                  seen.add(entry.key);
                  const messages = [
                    ...(duplicate ? [t('inspector.keyValue.duplicate')] : []),
                    ...(entry.key === '' && entry.text !== '' ? [t('inspector.keyValue.missingKey')] : []),
                    ...(first ? issuesAt([...path, entry.key]).map((issue) => fieldIssueText(issue, t)) : []),
                  ];
                  const messagesId = `${baseId}-entry-${entry.id}-messages`;
                  const names = { label, index: index + 1 };
                  const describe =
                    messages.length > 0
                      ? { 'aria-describedby': messagesId, 'aria-invalid': true as const }
                      : {};
                  return (
                    <li key={entry.id}>
                      <div className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_2rem] items-start gap-2">
                        <input
                          id={`${baseId}-key-${entry.id}`}
                          type="text"
                          autoComplete="off"
                          spellCheck={false}
                          disabled={disabled}
                          aria-label={t('inspector.keyValue.keyLabel', names)}
                          {...(duplicate || (entry.key === '' && entry.text !== '') ? describe : {})}
                          value={entry.key}
                          onChange={(event) => edit(entry.id, { key: event.target.value })}
                          className={`${inputClass} font-mono`}
                        />
                        {templates ? (
                          <TemplateInput
                            id={`${baseId}-value-${entry.id}`}
                            disabled={disabled}
                            aria-label={t('inspector.keyValue.valueLabel', names)}
                            {...(first ? describe : {})}
                            value={entry.text}
                            variables={variables}
                            onChange={(text) => edit(entry.id, { text })}
                          />
                        ) : (
                          <input
                            id={`${baseId}-value-${entry.id}`}
                            type="text"
                            disabled={disabled}
                            aria-label={t('inspector.keyValue.valueLabel', names)}
                            {...(first ? describe : {})}
                            value={entry.text}
                            onChange={(event) => edit(entry.id, { text: event.target.value })}
                            className={inputClass}
                          />
                        )}
                        <button
                          type="button"
                          disabled={disabled}
                          aria-label={t('inspector.keyValue.remove', names)}
                          title={t('inspector.keyValue.remove', names)}
                          onClick={() => remove(entry.id)}
                          className={`${smallButtonClass} h-7`}
                        >
                          <span aria-hidden="true">✕</span>
                        </button>
                      </div>
                      {messages.length > 0 && (
                        <div id={messagesId} className="mt-1 space-y-0.5">
                          {messages.map((text, i) => (
                            <p key={i} className="text-xs text-red-700">
                              {text}
                            </p>
                          ))}
                        </div>
                      )}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          <button
            ref={addRef}
            type="button"
            disabled={disabled}
            aria-label={t('inspector.keyValue.addTo', { label })}
            onClick={add}
            className={`${smallButtonClass} mt-3`}
          >
            + {t('inspector.keyValue.add')}
          </button>
        </>
      )}
    </FieldShell>
  );
}
