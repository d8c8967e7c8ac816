import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import { findJsonProblem, type JsonProblem } from './json-problem.ts';
import type { LineMarker, MountedEditor } from './monaco-setup.ts';

export interface CodeFieldProps {
  /** A Monaco language id; 'json' is also checked here, other ids only get highlighting. */
  language: 'json' | 'javascript' | 'liquid' | (string & {});
  value: string;
  onChange(next: string): void;
  label: string;
  id: string;
  invalid?: boolean;
  /** The text holds Liquid (`{{ }}`, `{% %}`), so JSON is checked as it will be once rendered. */
  template?: boolean;
  readOnly?: boolean;
  required?: boolean;
  /** Ids of hints and messages outside the field that describe it. */
  describedBy?: string;
  /** Problems found elsewhere (the server), drawn under their lines in Monaco. */
  markers?: readonly LineMarker[];
  /** TypeScript declarations Monaco knows while editing JavaScript or TypeScript (a script's context). */
  extraLib?: string;
  /** Tailwind height of the editor (default h-48). */
  heightClass?: string;
}

const textareaClass =
  'block h-40 w-full resize-y rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs ' +
  'text-slate-900 aria-[invalid=true]:border-red-500 disabled:bg-slate-100';

/**
 * A code editor that works at once: a plain textarea renders immediately and Monaco replaces it
 * when its chunk has loaded. Where Monaco cannot run (no Web Workers, as in tests, or the chunk
 * failed to load) the textarea simply stays.
 */
export function CodeField({
  language,
  value,
  onChange,
  label,
  id,
  invalid = false,
  template = false,
  readOnly = false,
  required = false,
  describedBy,
  markers,
  extraLib,
  heightClass = 'h-48',
}: CodeFieldProps) {
  const t = useT();
  const containerRef = useRef<HTMLDivElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [editor, setEditor] = useState<MountedEditor | null>(null);
  // Values the editor reported that the parent has not rendered back yet: while the user types
  // faster than React re-renders, an older echo must not overwrite newer text in the editor.
  const echoes = useRef<string[]>([]);
  const describe = (problem: JsonProblem) =>
    problem.kind === 'invalid' || problem.line === undefined
      ? t('inspector.code.jsonInvalid')
      : t('inspector.code.jsonError', {
          line: problem.line,
          column: problem.column ?? 1,
          problem:
            problem.kind === 'unexpected'
              ? t('inspector.code.problem.unexpected', { char: problem.char ?? '' })
              : t(`inspector.code.problem.${problem.kind}`),
        });
  const problem = language === 'json' ? findJsonProblem(value, { template }) : undefined;
  const errorId = `${id}-json-error`;
  const labelId = `${id}-label`;
  const describedByAll = [describedBy, problem && errorId].filter(Boolean).join(' ') || undefined;

  // Monaco is created once per language; this ref lets it read the latest props without remounting.
  const latest = useRef({ value, onChange, label, readOnly, describe });
  useLayoutEffect(() => {
    latest.current = { value, onChange, label, readOnly, describe };
  });

  useEffect(() => {
    // Monaco's language services run in Web Workers; without them it is not worth loading.
    if (typeof Worker !== 'function') return;
    let cancelled = false;
    let mounted: MountedEditor | undefined;
    import('./monaco-setup.ts')
      .then(({ mountCodeEditor }) => {
        const container = containerRef.current;
        if (cancelled || !container) return;
        const hadFocus = document.activeElement === textareaRef.current;
        const props = latest.current;
        mounted = mountCodeEditor(container, {
          language,
          template,
          value: props.value,
          ariaLabel: props.label,
          readOnly: props.readOnly,
          onChange: (next) => {
            echoes.current.push(next);
            latest.current.onChange(next);
          },
          describeProblem: (found) => latest.current.describe(found),
        });
        setEditor(mounted);
        if (hadFocus) mounted.focus();
      })
      .catch((error: unknown) => {
        // Loading or starting Monaco failed. The textarea already edits the same text, so nothing
        // is lost; the warning says why the plain box stayed.
        console.warn('Code editor could not load; using a plain text box instead.', error);
      });
    return () => {
      cancelled = true;
      mounted?.dispose();
      setEditor(null);
    };
  }, [language, template]);

  useEffect(() => {
    if (!editor) return;
    const echo = echoes.current.indexOf(value);
    if (echo >= 0) {
      echoes.current.splice(0, echo + 1);
      return;
    }
    echoes.current = [];
    editor.setValue(value);
  }, [editor, value]);

  useEffect(() => {
    editor?.update({ readOnly, ariaLabel: label });
  }, [editor, readOnly, label]);

  useEffect(() => {
    editor?.setMarkers(markers ?? []);
  }, [editor, markers]);

  useEffect(() => {
    if (!editor || extraLib === undefined) return;
    return editor.addTypes(extraLib);
  }, [editor, extraLib]);

  return (
    <div className="min-w-0">
      <label
        id={labelId}
        htmlFor={id}
        className="mb-1 block text-sm font-medium text-slate-800"
        onClick={(event) => {
          if (!editor) return;
          event.preventDefault();
          editor.focus();
        }}
      >
        {label}
        {required && (
          <span aria-hidden="true" className="ml-0.5 text-red-600">
            *
          </span>
        )}
      </label>
      <textarea
        ref={textareaRef}
        id={id}
        hidden={editor !== null}
        value={value}
        disabled={readOnly}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        aria-invalid={invalid || problem !== undefined || undefined}
        aria-required={required || undefined}
        aria-describedby={describedByAll}
        onChange={(event) => onChange(event.target.value)}
        className={textareaClass}
      />
      <div
        ref={containerRef}
        role="group"
        aria-labelledby={labelId}
        aria-describedby={describedByAll}
        hidden={editor === null}
        data-testid="monaco-container"
        className={`${heightClass} overflow-hidden rounded border border-slate-300`}
      />
      {problem && (
        <p id={errorId} className="mt-1 text-xs text-red-700">
          {describe(problem)}
        </p>
      )}
    </div>
  );
}
