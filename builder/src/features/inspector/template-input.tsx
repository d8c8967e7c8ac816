import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type InputHTMLAttributes,
  type KeyboardEvent,
} from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import { inputClass } from './field-styles.ts';

export interface TemplateInputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'id' | 'role'
> {
  id: string;
  value: string;
  onChange(next: string): void;
  /** Dotted paths offered after `{{`: `input.amount`, `vars.total`, `nodes.call.output.status`. */
  variables: readonly string[];
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

function matching(variables: readonly string[], query: string): string[] {
  const hits = variables.filter((v) => v.toLowerCase().includes(query));
  const prefix = hits.filter((v) => v.toLowerCase().startsWith(query));
  return [...prefix, ...hits.filter((v) => !prefix.includes(v))].slice(0, maxOptions);
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
  const inputRef = useRef<HTMLInputElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const [tag, setTag] = useState<OpenTag | null>(null);
  const [active, setActive] = useState(0);
  const options = useMemo(() => (tag ? matching(variables, tag.query) : []), [tag, variables]);
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
    const before = value.slice(0, tag.start);
    const after = value.slice(tag.end).replace(/^\s*\}\}/, '');
    const inserted = `${before} ${variable} }}`;
    pendingCaret.current = inserted.length;
    setTag(null);
    onChange(inserted + after);
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
        if (chosen !== undefined) insert(chosen);
        break;
      }
      case 'Escape':
        // Only the list closes; a dialog or panel around the inspector stays open.
        event.preventDefault();
        event.stopPropagation();
        setTag(null);
        break;
    }
  }

  return (
    <div className="relative">
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
          setTag(null);
          onBlur?.(event);
        }}
        onClick={() => setTag(null)}
        className={className ?? `${inputClass} font-mono`}
      />
      {expanded && (
        <ul
          id={listboxId}
          role="listbox"
          aria-label={t('inspector.template.variables')}
          className="absolute z-20 mt-1 max-h-56 w-full overflow-auto rounded border border-slate-300 bg-white py-1 shadow-lg"
        >
          {options.map((variable, index) => (
            <li
              key={variable}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              // Keeps focus in the input, as the combobox pattern requires.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => insert(variable)}
              className={`cursor-pointer px-2 py-1 font-mono text-xs ${
                index === activeIndex ? 'bg-indigo-600 text-white' : 'text-slate-800 hover:bg-indigo-50'
              }`}
            >
              {variable}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
