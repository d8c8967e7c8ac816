import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type InputHTMLAttributes,
  type KeyboardEvent,
} from 'react';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import type { Locale } from '../../i18n/catalog.ts';
import { inputClass } from './field-styles.ts';
import type { TemplateVariable } from './template-variables.ts';

/** A picker entry: a bare path (`input.amount`), or a variable with its name and example. */
export type VariableOption = string | TemplateVariable;

export interface TemplateInputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'id' | 'role'
> {
  id: string;
  value: string;
  onChange(next: string): void;
  /**
   * What is offered after `{{` or with the insert button: `nodes.ask1.output.answer`, shown by its
   * name ("Respuesta de «Pregunta nombre»") when it has one (see templateVariables).
   */
  variables: readonly VariableOption[];
}

/** An unclosed `{{` before the caret: the variable name being typed runs from `start` to `end`. */
interface OpenTag {
  start: number;
  end: number;
  query: string;
}

const maxOptions = 50;

function openTagAt(text: string, caret: number): OpenTag | null {
  const before = text.slice(0, caret);
  const open = before.lastIndexOf('{{');
  if (open < 0) return null;
  const inside = before.slice(open + 2);
  // Past a `}}` the tag is closed; past a `|` the user is writing a filter, not a name.
  if (inside.includes('}}') || inside.includes('|')) return null;
  return { start: open + 2, end: caret, query: inside.trim().toLowerCase() };
}

interface Shown {
  path: string;
  /** The name in the UI language; absent for a bare path. */
  label?: string;
  example?: string;
  whole?: boolean;
}

function shown(option: VariableOption, locale: Locale): Shown {
  if (typeof option === 'string') return { path: option };
  return {
    path: option.path,
    label: option.label[locale],
    ...(option.example === undefined ? {} : { example: option.example }),
    ...(option.whole ? { whole: true } : {}),
  };
}

// "respuesta" finds "Respuesta", "telefono" finds "Teléfono".
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

function matching(options: readonly Shown[], query: string): Shown[] {
  const q = fold(query);
  const words = (o: Shown) => [fold(o.path), ...(o.label ? [fold(o.label)] : [])];
  const hits = options.filter((o) => words(o).some((w) => w.includes(q)));
  const prefix = hits.filter((o) => words(o).some((w) => w.startsWith(q)));
  return [...prefix, ...hits.filter((o) => !prefix.includes(o))].slice(0, maxOptions);
}

/**
 * A one-line text input for Liquid templates that offers variables after `{{`, following the
 * WAI-ARIA 1.2 combobox pattern (list autocomplete, focus stays in the input, the active option
 * is announced through aria-activedescendant).
 */
export function TemplateInput({
  id,
  value,
  onChange,
  variables,
  className,
  onKeyDown,
  onBlur,
  ...rest
}: TemplateInputProps) {
  const t = useT();
  const locale = useLocale((state) => state.locale);
  const inputRef = useRef<HTMLInputElement>(null);
  const pendingCaret = useRef<number | null>(null);
  // The `{{ ` the insert button typed: Escape with nothing chosen takes it away again.
  const typedOpen = useRef<number | null>(null);
  const [tag, setTag] = useState<OpenTag | null>(null);
  const [active, setActive] = useState(0);
  const all = useMemo(() => variables.map((v) => shown(v, locale)), [variables, locale]);
  const options = useMemo(() => (tag ? matching(all, tag.query) : []), [tag, all]);
  const expanded = options.length > 0 && !rest.disabled;
  const activeIndex = Math.min(active, options.length - 1);
  const listboxId = `${id}-variables`;
  const optionId = (index: number) => `${id}-variable-${index}`;

  // The caret goes after the inserted `}}` once the parent has re-rendered with the new text.
  useLayoutEffect(() => {
    const caret = pendingCaret.current;
    if (caret !== null && inputRef.current?.value === value) {
      inputRef.current.setSelectionRange(caret, caret);
      pendingCaret.current = null;
    }
  }, [value]);

  useEffect(() => {
    if (expanded) document.getElementById(optionId(activeIndex))?.scrollIntoView?.({ block: 'nearest' });
  });

  function insert(variable: string) {
    if (!tag) return;
    typedOpen.current = null;
    const before = value.slice(0, tag.start);
    const after = value.slice(tag.end).replace(/^\s*\}\}/, '');
    const inserted = `${before} ${variable} }}`;
    pendingCaret.current = inserted.length;
    setTag(null);
    onChange(inserted + after);
  }

  /** The insert button: `{{ ` at the caret, and the whole list to search in. */
  function openList() {
    const input = inputRef.current;
    const caret = input?.selectionStart ?? value.length;
    const next = `${value.slice(0, caret)}{{ ${value.slice(caret)}`;
    const end = caret + 3;
    typedOpen.current = caret;
    pendingCaret.current = end;
    setTag({ start: caret + 2, end, query: '' });
    setActive(0);
    input?.focus();
    onChange(next);
  }

  function closeList() {
    const at = typedOpen.current;
    typedOpen.current = null;
    setTag(null);
    if (at !== null && tag && tag.query === '' && value.slice(at, at + 3) === '{{ ') {
      pendingCaret.current = at;
      onChange(value.slice(0, at) + value.slice(at + 3));
    }
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    onKeyDown?.(event);
    if (!expanded || event.defaultPrevented) return;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setActive((activeIndex + 1) % options.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((activeIndex - 1 + options.length) % options.length);
        break;
      case 'Enter': {
        event.preventDefault();
        const chosen = options[activeIndex];
        if (chosen !== undefined) insert(chosen.path);
        break;
      }
      case 'Escape':
        // Only the list closes; a dialog or panel around the inspector stays open.
        event.preventDefault();
        event.stopPropagation();
        closeList();
        break;
    }
  }

  const searching = tag !== null && !expanded && tag.query !== '' && !rest.disabled;

  return (
    <div className="relative">
      <div className="flex items-stretch gap-1">
        <input
          {...rest}
          ref={inputRef}
          id={id}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={expanded ? listboxId : undefined}
          aria-activedescendant={expanded ? optionId(activeIndex) : undefined}
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event) => {
            const text = event.target.value;
            setTag(openTagAt(text, event.target.selectionStart ?? text.length));
            setActive(0);
            onChange(text);
          }}
          onKeyDown={handleKeyDown}
          onBlur={(event) => {
            typedOpen.current = null;
            setTag(null);
            onBlur?.(event);
          }}
          onClick={() => setTag(null)}
          className={className ?? `${inputClass} font-mono`}
        />
        {variables.length > 0 && !rest.disabled && (
          <button
            type="button"
            title={t('inspector.variables.insert')}
            aria-label={t('inspector.variables.insert')}
            // The caret stays where the person left it, which is where the variable goes.
            onMouseDown={(event) => event.preventDefault()}
            onClick={openList}
            className="shrink-0 rounded border border-slate-300 px-1.5 font-mono text-xs text-slate-600 hover:bg-indigo-50 focus:outline-none focus:ring-2 focus:ring-indigo-500"
          >
            {'{x}'}
          </button>
        )}
      </div>
      {searching && (
        <p role="status" className="mt-1 text-xs text-slate-500">
          {t('inspector.variables.none', { query: tag.query })}
        </p>
      )}
      {expanded && (
        <ul
          id={listboxId}
          role="listbox"
          aria-label={t('inspector.template.variables')}
          className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded border border-slate-300 bg-white py-1 shadow-lg"
        >
          {options.map((option, index) => {
            const on = index === activeIndex;
            return (
              <li
                key={option.path}
                id={optionId(index)}
                role="option"
                aria-selected={on}
                {...(option.label ? { 'aria-label': option.label, title: option.path } : {})}
                // Keeps focus in the input, as the combobox pattern requires.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => insert(option.path)}
                className={`cursor-pointer px-2 py-1 text-xs ${
                  on ? 'bg-indigo-600 text-white' : 'text-slate-800 hover:bg-indigo-50'
                }`}
              >
                {option.label ? (
                  <>
                    <span className="block">{option.label}</span>
                    <span className={`block ${on ? 'text-indigo-100' : 'text-slate-500'}`}>
                      {option.example !== undefined &&
                        t('inspector.variables.example', { value: option.example })}
                      {option.whole && t('inspector.variables.whole')}
                    </span>
                  </>
                ) : (
                  <span className="font-mono">{option.path}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
