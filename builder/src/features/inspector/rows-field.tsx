import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import { FieldShell } from './field-shell.tsx';
import type { FieldProps } from './field-props.ts';
import { smallButtonClass } from './field-styles.ts';
import { useFormContext } from './form-context.ts';
import { arrayItems, defaultValue, uiHints, widgetOf, type SchemaNode } from './json-schema.ts';
import { ObjectFields } from './object-fields.tsx';
import { followLabel, portIdFor, type PortRow } from './port-id.ts';
import { SchemaField } from './schema-field.tsx';

type FocusAfter = { row: number; target: 'first-field' | 'up' | 'down' } | { row: -1; target: 'add' };

const firstField =
  'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [role="switch"]:not([disabled])';

function newItem(items: SchemaNode): unknown {
  const fallback = defaultValue(items);
  if (fallback) return fallback.value;
  return widgetOf(items) === 'object' ? {} : '';
}

/**
 * React keys for the rows, moved along with them: a row keeps its own component state (a
 * half-typed number, an open suggestion list) when rows above it are removed or reordered.
 */
function useRowKeys(length: number) {
  const state = useRef<{ keys: number[]; next: number }>({ keys: [], next: 0 }).current;
  while (state.keys.length < length) state.keys.push(state.next++);
  if (state.keys.length > length) state.keys.length = length;
  return state;
}

const noneWired: ReadonlySet<string> = new Set();

function isPortRow(value: unknown): value is PortRow & Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list (`ui.widget: 'rows'`): one sub-form per item, with add, remove and move up/down. */
export function RowsField({ node, path, value, onChange, label, required }: FieldProps) {
  const t = useT();
  const { disabled, portRows } = useFormContext();
  const items = Array.isArray(value) ? value : [];
  const itemNode = arrayItems(node);
  const objectItems = widgetOf(itemNode) === 'object';
  const rowKeys = useRowKeys(items.length);
  // A menu's options, a split's branches: each row's id is a port, made from its label.
  const portList = objectItems && portRows && path.length === 1 && path[0] === portRows.list;
  // An ask's options: each row's id (the answer saved) is made from its text the same way.
  const idFrom = objectItems && !portList ? uiHints(node).idFrom : undefined;
  const idRows = portList || idFrom !== undefined;
  const labelKey = idFrom ?? 'label';
  const takenBesides = (index: number) =>
    new Set([
      ...((portList && portRows?.reserved) || []),
      ...items.flatMap((row, i) =>
        i !== index && isPortRow(row) && typeof row.id === 'string' ? [row.id] : [],
      ),
    ]);
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const focusAfter = useRef<FocusAfter | null>(null);

  // Keyboard users stay where they were working after the list changes shape under them.
  useEffect(() => {
    const wanted = focusAfter.current;
    if (!wanted) return;
    focusAfter.current = null;
    if (wanted.target === 'add') return addRef.current?.focus();
    const row = listRef.current?.children[wanted.row];
    if (!(row instanceof HTMLElement)) return;
    const button = row.querySelector<HTMLElement>(`[data-row-action="${wanted.target}"]:not([disabled])`);
    const target =
      wanted.target === 'first-field'
        ? row.querySelector<HTMLElement>(firstField)
        : (button ?? row.querySelector<HTMLElement>('[data-row-action]:not([disabled])'));
    target?.focus();
  });

  function change(next: unknown[], focus: FocusAfter) {
    focusAfter.current = focus;
    onChange(next);
  }

  function move(from: number, to: number) {
    const next = [...items];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    const [key] = rowKeys.keys.splice(from, 1);
    rowKeys.keys.splice(to, 0, key ?? rowKeys.next++);
    change(next, { row: to, target: to < from ? 'up' : 'down' });
  }

  function remove(index: number) {
    rowKeys.keys.splice(index, 1);
    change(
      items.filter((_, i) => i !== index),
      { row: -1, target: 'add' },
    );
  }

  function add() {
    rowKeys.keys.push(rowKeys.next++);
    const item = newItem(itemNode);
    const row =
      idRows && isPortRow(item)
        ? {
            ...item,
            id: portIdFor(
              typeof item[labelKey] === 'string' ? item[labelKey] : '',
              takenBesides(-1),
              t('advanced.newRow'),
            ),
          }
        : item;
    change([...items, row], { row: items.length, target: 'first-field' });
  }

  return (
    <FieldShell path={path} label={label} required={required} empty={items.length === 0} labelAs="legend">
      {() => (
        <>
          {items.length === 0 ? (
            <p className="text-xs text-slate-500">{t('inspector.rows.empty')}</p>
          ) : (
            <ol ref={listRef} className="space-y-3">
              {items.map((item, index) => {
                const itemPath = [...path, index];
                const itemName = t('inspector.rows.item', { label, index: index + 1 });
                const replace = (next: unknown) => {
                  const row =
                    idRows && isPortRow(item) && isPortRow(next)
                      ? followLabel(
                          item,
                          next,
                          takenBesides(index),
                          (portList && portRows?.wired) || noneWired,
                          t('advanced.newRow'),
                          labelKey,
                        )
                      : next;
                  onChange(items.map((old, i) => (i === index ? row : old)));
                };
                const toolbar = (
                  <div className="flex justify-end gap-1">
                    <button
                      type="button"
                      data-row-action="up"
                      disabled={disabled || index === 0}
                      aria-label={t('inspector.rows.moveUp', { item: itemName })}
                      title={t('inspector.rows.moveUp', { item: itemName })}
                      onClick={() => move(index, index - 1)}
                      className={smallButtonClass}
                    >
                      <span aria-hidden="true">↑</span>
                    </button>
                    <button
                      type="button"
                      data-row-action="down"
                      disabled={disabled || index === items.length - 1}
                      aria-label={t('inspector.rows.moveDown', { item: itemName })}
                      title={t('inspector.rows.moveDown', { item: itemName })}
                      onClick={() => move(index, index + 1)}
                      className={smallButtonClass}
                    >
                      <span aria-hidden="true">↓</span>
                    </button>
                    <button
                      type="button"
                      data-row-action="remove"
                      disabled={disabled}
                      aria-label={t('inspector.rows.remove', { item: itemName })}
                      title={t('inspector.rows.remove', { item: itemName })}
                      onClick={() => remove(index)}
                      className={smallButtonClass}
                    >
                      <span aria-hidden="true">✕</span>
                    </button>
                  </div>
                );
                return (
                  <li key={rowKeys.keys[index]}>
                    {objectItems ? (
                      <FieldShell
                        path={itemPath}
                        label={itemName}
                        required={false}
                        empty={false}
                        labelAs="legend"
                      >
                        {() => (
                          <div className="space-y-3">
                            {toolbar}
                            <ObjectFields
                              node={itemNode}
                              path={itemPath}
                              value={item}
                              onChange={replace}
                              {...(idRows
                                ? {
                                    advanced: ['id'],
                                    advancedHint: t(
                                      portList ? 'advanced.portIdHint' : 'advanced.answerIdHint',
                                    ),
                                  }
                                : {})}
                            />
                          </div>
                        )}
                      </FieldShell>
                    ) : (
                      <div className="space-y-1">
                        {toolbar}
                        <SchemaField
                          node={itemNode}
                          path={itemPath}
                          value={item}
                          label={itemName}
                          required={false}
                          onChange={replace}
                        />
                      </div>
                    )}
                  </li>
                );
              })}
            </ol>
          )}
          <button
            ref={addRef}
            type="button"
            disabled={disabled}
            aria-label={t('inspector.rows.addTo', { label })}
            onClick={add}
            className={`${smallButtonClass} mt-3`}
          >
            + {t('inspector.rows.add')}
          </button>
        </>
      )}
    </FieldShell>
  );
}
